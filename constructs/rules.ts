// SPDX-License-Identifier: MIT
/**
 * The composition rules, stated once. Each rule has one sentence, written
 * here twice in the same words: as a template-literal type, which the
 * compile-time checks (constructs/composition.ts, constructs/options.ts)
 * put into the parameter types so that tsc's own message carries it, and
 * as a function the run-time checks (Image.problems(), App.validate(),
 * synth) call for JavaScript programs and `--no-typecheck`. The function's
 * return type is the template type, so the compiler proves the two say
 * the same thing.
 *
 * test/unit/mistakes.test.ts walks RULES and proves that every rule is
 * enforced twice: a program in test/fixtures/mistakes/ that tsc rejects at
 * the expected line with the sentence, and one that synth rejects (type
 * check off) at the user's line with the same sentence.
 */

/** What the scheduler of an image is called in sentences before one is chosen. */
export type DefaultSchedulerName = 'the default (none)';
/** The run-time twin of DefaultSchedulerName. */
export const DEFAULT_SCHEDULER_NAME: DefaultSchedulerName = 'the default (none)';

/** A component that needs a network device, on a board without one. */
export type NetworkSentence<C extends string, B extends string> =
  `${C} needs a network device, but ${B} has none: use a board with one (QemuVirt) or leave ${C} out`;
/** A component that runs threads, on an image whose scheduler (so far) runs none. */
export type ThreadsSentence<C extends string, S extends string> =
  `${C} runs threads, but this image's scheduler is ${S}: choose one that runs threads before .use(${C}) in the same chain, or pass it to new Image(app, id, { board, scheduler: CooperativeScheduler })`;
/** A second application in one image. */
export type OneApplicationSentence<A extends string, B extends string> =
  `an image runs one application, but this image already runs ${A}: give ${B} an image of its own`;
/** An allocator in a slot it cannot serve. */
export type AllocatorSlotSentence<K extends string, Slot extends string> =
  `the ${K} allocator cannot serve the ${Slot} slot: give .allocator() one that can, e.g. .allocator(BumpAllocator, TlsfAllocator)`;
/** `.allocator()` given something else than an allocator class. */
export type AllocatorClassSentence =
  '.allocator() takes allocator classes such as BumpAllocator and TlsfAllocator (the class itself, not an instance or a name)';
/** `.scheduler()` given something else than a scheduler class. */
export type SchedulerClassSentence =
  '.scheduler() takes a scheduler class such as CooperativeScheduler or NoScheduler (the class itself, not an instance or a name)';
/** A scheduler chosen twice. */
export type SchedulerOnceSentence<S extends string> =
  `this image's scheduler is already ${S}: choose the scheduler once, in the image's props or with one .scheduler() call`;
/** `.use()` given something else than a component instance. */
export type ComponentSentence = '.use() takes an application or library instance, e.g. .use(new Hello())';
/** An Image whose scope is not the App. */
export type ImageScopeSentence = 'an image belongs to the App: create it with new Image(app, id, props), not inside another image or construct';
/** An image id Kiln cannot use as a folder name. */
export type ImageIdSentence<I extends string> =
  `image id '${I}' must start with a lowercase letter and hold only lowercase letters, digits and dashes (at most 63)`;
/** `.files()` on an image with nothing to serve files from. */
export type FilesSentence =
  '.files() embeds files in the RAM file system, which this image does not have yet: .use() an application that brings it (Lua, Sqlite, a Program with requires: { files: true }) before .files()';
/** A numeric option outside its Kconfig range. */
export type OptionRangeSentence<C extends string, O extends string, V extends number, Lo extends number, Hi extends number, Sym extends string> =
  `${C}'s option ${O} is ${V}, outside its range ${Lo} to ${Hi} (Kconfig ${Sym})`;
/** A policy whose check returns something else than nothing or sentences. */
export type PolicyResultSentence =
  'a policy\'s check returns undefined when the image complies, or a string (or strings) saying what is wrong';

/** One rule of composition: its sentence, and where each half is enforced. */
export interface Rule {
  /** The rule in a few words. */
  readonly summary: string;
  /** Who gives the compile-time message: Kiln's sentence in the types, or TypeScript's own (for plain type mistakes). */
  readonly compile: 'sentence' | 'typescript';
  /** Where the run-time half lives. */
  readonly runtime: string;
  /**
   * What the message matches, both at compile time and at run time
   * (built from the sentence function where the compile half is Kiln's).
   */
  readonly pattern: RegExp;
}

/** Turns a sentence function into a pattern: each argument may be any text. */
function patternOf(sentence: (...args: string[]) => string, arity: number): RegExp {
  const hole = '\u0000';
  const text = sentence(...Array.from({ length: arity }, () => hole));
  return new RegExp(text.split(hole).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)'));
}

/** The sentences as the run-time checks write them; each returns exactly its type. */
export const Sentences = {
  network: <C extends string, B extends string>(c: C, b: B): NetworkSentence<C, B> =>
    `${c} needs a network device, but ${b} has none: use a board with one (QemuVirt) or leave ${c} out`,
  threads: <C extends string, S extends string>(c: C, s: S): ThreadsSentence<C, S> =>
    `${c} runs threads, but this image's scheduler is ${s}: choose one that runs threads before .use(${c}) in the same chain, or pass it to new Image(app, id, { board, scheduler: CooperativeScheduler })`,
  oneApplication: <A extends string, B extends string>(a: A, b: B): OneApplicationSentence<A, B> =>
    `an image runs one application, but this image already runs ${a}: give ${b} an image of its own`,
  allocatorSlot: <K extends string, Slot extends string>(k: K, slot: Slot): AllocatorSlotSentence<K, Slot> =>
    `the ${k} allocator cannot serve the ${slot} slot: give .allocator() one that can, e.g. .allocator(BumpAllocator, TlsfAllocator)`,
  allocatorClass: (): AllocatorClassSentence =>
    '.allocator() takes allocator classes such as BumpAllocator and TlsfAllocator (the class itself, not an instance or a name)',
  schedulerClass: (): SchedulerClassSentence =>
    '.scheduler() takes a scheduler class such as CooperativeScheduler or NoScheduler (the class itself, not an instance or a name)',
  schedulerOnce: <S extends string>(s: S): SchedulerOnceSentence<S> =>
    `this image's scheduler is already ${s}: choose the scheduler once, in the image's props or with one .scheduler() call`,
  component: (): ComponentSentence => '.use() takes an application or library instance, e.g. .use(new Hello())',
  imageScope: (): ImageScopeSentence => 'an image belongs to the App: create it with new Image(app, id, props), not inside another image or construct',
  imageId: <I extends string>(i: I): ImageIdSentence<I> =>
    `image id '${i}' must start with a lowercase letter and hold only lowercase letters, digits and dashes (at most 63)`,
  files: (): FilesSentence =>
    '.files() embeds files in the RAM file system, which this image does not have yet: .use() an application that brings it (Lua, Sqlite, a Program with requires: { files: true }) before .files()',
  optionRange: <C extends string, O extends string, V extends number, Lo extends number, Hi extends number, Sym extends string>(
    c: C, o: O, v: V, lo: Lo, hi: Hi, sym: Sym): OptionRangeSentence<C, O, V, Lo, Hi, Sym> =>
    `${c}'s option ${o} is ${v}, outside its range ${lo} to ${hi} (Kconfig ${sym})`,
  policyResult: (): PolicyResultSentence =>
    'a policy\'s check returns undefined when the image complies, or a string (or strings) saying what is wrong',
} as const;

/** The name of a rule in RULES. */
export type RuleId = keyof typeof RULES;

/**
 * Every composition rule. The fixtures in test/fixtures/mistakes/ name
 * these ids; the test proves each one has a compile-time and a run-time case.
 */
export const RULES = {
  network: {
    summary: 'a component that needs a network device needs a board with one',
    compile: 'sentence',
    runtime: 'Image.problems()',
    pattern: patternOf(Sentences.network as (...a: string[]) => string, 2),
  },
  threads: {
    summary: 'a component that runs threads needs a scheduler that runs threads, chosen before it (the default runs none)',
    compile: 'sentence',
    runtime: 'Image.problems()',
    pattern: patternOf(Sentences.threads as (...a: string[]) => string, 2),
  },
  'one-application': {
    summary: 'an image runs at most one application',
    compile: 'sentence',
    runtime: 'Image.problems()',
    pattern: patternOf(Sentences.oneApplication as (...a: string[]) => string, 2),
  },
  'allocator-slot': {
    summary: 'an allocator fills only the slots it can serve',
    compile: 'sentence',
    runtime: 'Image.allocator()',
    pattern: patternOf(Sentences.allocatorSlot as (...a: string[]) => string, 2),
  },
  'allocator-class': {
    summary: '.allocator() takes allocator classes',
    compile: 'sentence',
    runtime: 'Image.allocator()',
    pattern: patternOf(Sentences.allocatorClass, 0),
  },
  'scheduler-class': {
    summary: '.scheduler() and the scheduler prop take a scheduler class',
    compile: 'sentence',
    runtime: 'Image.scheduler()',
    pattern: patternOf(Sentences.schedulerClass, 0),
  },
  'scheduler-once': {
    summary: 'an image\'s scheduler is chosen once',
    compile: 'sentence',
    runtime: 'Image.scheduler()',
    pattern: patternOf(Sentences.schedulerOnce as (...a: string[]) => string, 1),
  },
  component: {
    summary: '.use() takes an application or library instance',
    compile: 'sentence',
    runtime: 'Image.use()',
    pattern: patternOf(Sentences.component, 0),
  },
  'image-scope': {
    summary: 'an image\'s scope is the App',
    compile: 'sentence',
    runtime: 'Image constructor',
    pattern: patternOf(Sentences.imageScope, 0),
  },
  'image-id': {
    summary: 'an image id is a folder name: lowercase letters, digits and dashes',
    compile: 'sentence',
    runtime: 'Image.problems()',
    pattern: patternOf(Sentences.imageId as (...a: string[]) => string, 1),
  },
  files: {
    summary: '.files() needs a component that brings the RAM file system, used before it',
    compile: 'sentence',
    runtime: 'Image.problems()',
    pattern: patternOf(Sentences.files, 0),
  },
  'option-range': {
    summary: 'a numeric option lies in its Kconfig range',
    compile: 'sentence',
    runtime: 'synth (the catalog check of every option, synth/spec/private/catalog-check.ts)',
    // The run-time message names the option and the image in its own words, then the same range clause.
    pattern: /is (-?[\w.+]+), outside its range (-?\w+) to (-?\w+) \(Kconfig (\w+)\)/,
  },
  'policy-result': {
    summary: 'a policy\'s check returns nothing or sentences',
    compile: 'sentence',
    runtime: 'synth (synth/synthesize.ts, where policies run)',
    pattern: patternOf(Sentences.policyResult, 0),
  },
  'prop-type': {
    summary: 'a construct\'s props and options have the documented types',
    compile: 'typescript',
    runtime: 'each construct\'s constructor (constructs/private/props.ts), and synth for options',
    pattern: /is not assignable to|is missing|has no properties in common|Expected \d+ arguments?|must be .+, got |must be .+; got /,
  },
} as const satisfies Readonly<Record<string, Rule>>;
