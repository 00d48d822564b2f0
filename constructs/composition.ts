// SPDX-License-Identifier: MIT
/**
 * The compile-time half of an image's rules: what the compiler remembers
 * of an image's composition (its chain of calls), and the checks each call
 * makes against it. Image's methods take these as parameter types, so a
 * mistake is a type error at the user's line.
 */
import type { AllocatorClass } from './allocator.ts';
import type { BoardNameOf, ProvidesOf } from './board.ts';
import type { CannotServe, NeedsNetwork, NeedsThreads, NotAComponent, NotAnAllocator, NotAScheduler } from './capabilities.ts';
import type { Component, NameOf, RequiresOf } from './component.ts';
import type { SchedulerClass } from './scheduler.ts';

/**
 * What the compiler remembers of an image's composition, so that later
 * calls can be checked against earlier ones.
 */
export interface Composition {
  /** The scheduler's class name, or 'the default scheduler' until .scheduler() is called. */
  readonly scheduler: string;
  /** Whether the chosen scheduler runs threads; undefined until chosen. */
  readonly threaded: boolean | undefined;
  /** Names of the components that run threads (never: none yet). */
  readonly threadUsers: string;
}

/** The composition of a new image. */
export interface Uncomposed extends Composition {
  readonly scheduler: 'the default scheduler';
  readonly threaded: undefined;
  readonly threadUsers: never;
}

/** Compile-time checks of `.use(component)`. */
export type UseCheck<B, S extends Composition, C> = C extends Component
  ? NetworkCheck<B, C> & ThreadsCheck<S, C>
  : NotAComponent<C>;

type NetworkCheck<B, C> = RequiresOf<C> extends { readonly network: true }
  ? [ProvidesOf<B> extends { readonly network: infer N } ? N : never] extends [never] ? NeedsNetwork<NameOf<C>, BoardNameOf<B>> : unknown
  : unknown;

type ThreadsCheck<S extends Composition, C> = RequiresOf<C> extends { readonly threads: true }
  ? S['threaded'] extends false ? NeedsThreads<NameOf<C>, S['scheduler']> : unknown
  : unknown;

/** The composition after `.use(component)`. */
export type AfterUse<S extends Composition, C> = RequiresOf<C> extends { readonly threads: true }
  ? { readonly scheduler: S['scheduler']; readonly threaded: S['threaded']; readonly threadUsers: S['threadUsers'] | NameOf<C> }
  : S;

/** Compile-time checks of `.allocator(boot, app)` for one slot. */
export type AllocatorCheck<X, Slot extends 'boot' | 'app'> = X extends AllocatorClass
  ? X['serves'][Slot] extends true ? unknown : CannotServe<X['kind'], Slot>
  : NotAnAllocator<X>;

/** Compile-time checks of `.scheduler(s)`. */
export type SchedulerCheck<S extends Composition, T> = T extends SchedulerClass
  ? T['threads'] extends false ? [S['threadUsers']] extends [never] ? unknown : NeedsThreads<S['threadUsers'], T['displayName']> : unknown
  : NotAScheduler<T>;

/** The composition after `.scheduler(s)`. */
export type AfterScheduler<S extends Composition, T> = T extends SchedulerClass
  ? { readonly scheduler: T['displayName']; readonly threaded: T['threads']; readonly threadUsers: S['threadUsers'] }
  : S;
