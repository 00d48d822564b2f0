// SPDX-License-Identifier: MIT
/**
 * The compile-time half of an image's rules (constructs/rules.ts states
 * them): what the compiler remembers of an image's composition, and the
 * parameter types of Image's methods, which become the rule's sentence
 * when a call breaks it. tsc then prints the sentence itself, e.g.
 *
 *     Argument of type 'HttpServer' is not assignable to parameter of type
 *     'HttpServer & Refused<"HttpServer needs a network device, but Ultra96V2
 *     has none: use a board with one (QemuVirt) or leave HttpServer out">'.
 *
 * The board check is an indexed access on the board type, never a
 * conditional type on it, so that it also holds in helpers generic in the
 * board (a conditional type on a type parameter would stay unresolved and
 * refuse everything) and over unions of boards (a map of board classes, an
 * `as const` loop), where it names each board that breaks the rule.
 */
import type { AllocatorClass } from './allocator.ts';
import type { Board, LacksNetworkOf } from './board.ts';
import type { Application, Component, NameOf, RequiresOf } from './component.ts';
import type {
  AllocatorClassSentence, AllocatorSlotSentence, ComponentSentence, DefaultSchedulerName, FilesSentence, ImageIdSentence,
  NetworkSentence, OneApplicationSentence, SchedulerClassSentence, SchedulerOnceSentence, ThreadsSentence,
} from './rules.ts';
import type { SchedulerClass } from './scheduler.ts';

/**
 * What the compiler shows when Kiln refuses a call: an object type whose
 * one property is named by the sentence, so that tsc prints the sentence
 * (a property the argument lacks). `Refused<never>` is `{}`: nothing refused.
 */
export type Refused<Why extends string> = { readonly [K in Why]: Why };

/**
 * What the compiler remembers of an image's composition, so that later
 * calls can be checked against earlier ones. This interface itself (wide
 * types: string, boolean) is the composition of an image whose history the
 * type does not know, e.g. a variable typed plain `Image`: the compiler
 * then checks nothing that depends on it, and synth does.
 */
export interface Composition {
  /** The scheduler's class name, or DefaultSchedulerName until one is chosen. */
  readonly scheduler: string;
  /** Whether the scheduler runs threads (the default runs none). */
  readonly threaded: boolean;
  /** Whether a scheduler was chosen (in the props or with .scheduler()). */
  readonly chosen: boolean;
  /** The class name of the image's application (never: none yet). */
  readonly application: string;
  /** Whether a component that brings the RAM file system was used. */
  readonly files: boolean;
}

/** The composition of a new image without a scheduler in its props. */
export interface Uncomposed extends Composition {
  readonly scheduler: DefaultSchedulerName;
  readonly threaded: false;
  readonly chosen: false;
  readonly application: never;
  readonly files: false;
}

/**
 * The composition of an image: of a new one when `P` (its props) is known,
 * whose props chose scheduler `T` (or none); unknown (Composition) for the
 * plain type `Image`, to which every image is assignable.
 */
export type StartingComposition<T, P> = [P] extends [never] ? Composition : InitialComposition<T>;

/** The composition of a new image whose props chose scheduler `T` (or none). */
export type InitialComposition<T> = T extends SchedulerClass
  ? { readonly scheduler: T['displayName']; readonly threaded: T['threads']; readonly chosen: true; readonly application: never; readonly files: false }
  : Uncomposed;

/** The parameter type of `.use(component)`: the component, or the sentence of each rule it breaks. */
export type UseParam<B extends Board, S extends Composition, C> = C extends Component
  ? C & Refused<NetworkProblem<B, C> | ThreadsProblem<S, C> | ApplicationProblem<S, C>>
  : ComponentSentence;

type NetworkProblem<B extends Board, C> = RequiresOf<C> extends { readonly network: true } ? NetworkSentence<NameOf<C>, LacksNetworkOf<B>> : never;

type ThreadsProblem<S extends Composition, C> = RequiresOf<C> extends { readonly threads: true }
  ? [S['threaded']] extends [false] ? ThreadsSentence<NameOf<C>, S['scheduler']> : never
  : never;

type ApplicationProblem<S extends Composition, C> = C extends Application
  ? [S['application']] extends [never] ? never : string extends S['application'] ? never : OneApplicationSentence<S['application'], NameOf<C>>
  : never;

/** The composition after `.use(component)`. */
export type AfterUse<S extends Composition, C> = {
  readonly scheduler: S['scheduler'];
  readonly threaded: S['threaded'];
  readonly chosen: S['chosen'];
  readonly application: C extends Application ? S['application'] | NameOf<C> : S['application'];
  readonly files: RequiresOf<C> extends { readonly files: true } ? true : S['files'];
};

/** The parameter type of `.allocator()` for one slot: the class, or the sentence. */
export type AllocatorParam<X, Slot extends 'boot' | 'app'> = X extends AllocatorClass
  ? X['serves'][Slot] extends true ? X : AllocatorSlotSentence<X['kind'], Slot>
  : AllocatorClassSentence;

/** The parameter type of `.scheduler()`: the class, or the sentence. */
export type SchedulerParam<S extends Composition, T> = T extends SchedulerClass
  ? T & Refused<[S['chosen']] extends [true] ? SchedulerOnceSentence<S['scheduler']> : never>
  : SchedulerClassSentence;

/** The type of the `scheduler` prop: a scheduler class, or the sentence. */
export type SchedulerProp<T> = T extends SchedulerClass | undefined ? T : SchedulerClassSentence;

/** The composition after `.scheduler(s)`. */
export type AfterScheduler<S extends Composition, T> = T extends SchedulerClass
  ? { readonly scheduler: T['displayName']; readonly threaded: T['threads']; readonly chosen: true; readonly application: S['application']; readonly files: S['files'] }
  : S;

/** The parameter type of `.files()`: the path, or the sentence while nothing brings the RAM file system. */
export type FilesParam<S extends Composition> = [S['files']] extends [false] ? FilesSentence : string;

/** The parameter type of an image id: the id, or the sentence for a literal Kiln cannot use as a folder name. */
export type ImageIdParam<I extends string> = {} extends Record<I, 1> ? I : IsImageId<I> extends true ? I : ImageIdSentence<I>;

type Lower = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z';
type IdChar = Lower | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '-';
type IsImageId<I extends string> = I extends `${infer First}${infer Rest}` ? First extends Lower ? RestOk<Rest, [1]> : false : false;
type RestOk<R extends string, N extends 1[]> = N['length'] extends 64 ? false
  : R extends `${infer C}${infer Tail}` ? C extends IdChar ? RestOk<Tail, [...N, 1]> : false : true;
