// SPDX-License-Identifier: MIT
/**
 * Capabilities as types: what boards provide, what components require, and
 * the branded error types the compiler shows when an image asks for what
 * its board or composition cannot give. Each error type reads as a sentence
 * about the image, e.g. `NeedsNetwork<"HttpServer", "Ultra96V2">`.
 */

/** Kinds of network device a board can provide. */
export type NetworkKind = 'virtio-net' | 'cadence-gem' | 'usb-cdc-ether';

/** What a board provides, at the type level and at run time. */
export interface Provides {
  /** Network devices the board has (never: none). */
  readonly network: NetworkKind;
  /** Cores the library OS can use. */
  readonly cores: number;
}

/** What a component needs from its board and image. */
export interface Requirements {
  /** A network device on the board. */
  readonly network?: boolean;
  /** A scheduler that runs threads. */
  readonly threads?: boolean;
  /** Heap the component needs at least, in bytes. */
  readonly minHeapBytes?: number;
  /** Files over the RAM file system (what the image embeds). */
  readonly files?: boolean;
}

declare const KILN_ERROR: unique symbol;

/** `App` needs a network device, and `Board` has none. */
export interface NeedsNetwork<App extends string, BoardName extends string> {
  readonly [KILN_ERROR]: `${App} needs a network device, but ${BoardName} has none: choose a board with one (QemuVirt has virtio-net)`;
  readonly app: App;
  readonly board: BoardName;
}

/** `App` runs threads, and the image's scheduler does not. */
export interface NeedsThreads<App extends string, Sched extends string> {
  readonly [KILN_ERROR]: `${App} runs threads, but the image's scheduler is ${Sched}: use .scheduler(CooperativeScheduler)`;
  readonly app: App;
  readonly scheduler: Sched;
}

/** The allocator `Kind` cannot serve slot `Slot`. */
export interface CannotServe<Kind extends string, Slot extends string> {
  readonly [KILN_ERROR]: `the ${Kind} allocator cannot serve the ${Slot} slot`;
  readonly allocator: Kind;
  readonly slot: Slot;
}

/** `.allocator()` was given something that is not an allocator class. */
export interface NotAnAllocator<Given> {
  readonly [KILN_ERROR]: 'expected an allocator class such as BumpAllocator or TlsfAllocator (the class itself, not an instance)';
  readonly given: Given;
}

/** `.scheduler()` was given something that is not a scheduler class. */
export interface NotAScheduler<Given> {
  readonly [KILN_ERROR]: 'expected a scheduler class such as CooperativeScheduler or NoScheduler (the class itself, not an instance)';
  readonly given: Given;
}

/** `.use()` was given something that is not an application or library instance. */
export interface NotAComponent<Given> {
  readonly [KILN_ERROR]: 'expected an application or library instance, e.g. new Hello()';
  readonly given: Given;
}

/** An integer type from `Low` to `High` inclusive (small ranges only), for option values. */
export type IntRange<Low extends number, High extends number> = Exclude<Enumerate<High>, Enumerate<Low>> | Low | High;

type Enumerate<N extends number, Acc extends number[] = []> =
  Acc['length'] extends N ? Acc[number] : Enumerate<N, [...Acc, Acc['length']]>;
