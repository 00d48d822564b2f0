// SPDX-License-Identifier: MIT
/**
 * Capabilities as types: what boards provide and what components require.
 * The rules that match them are in rules.ts, their compile-time form in
 * composition.ts.
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

/**
 * An integer type from `Low` to `High` inclusive (small ranges only). Option
 * types no longer use it (a computed in-range value would need a cast);
 * see OptionRange in options.ts.
 */
export type IntRange<Low extends number, High extends number> = Exclude<Enumerate<High>, Enumerate<Low>> | Low | High;

type Enumerate<N extends number, Acc extends number[] = []> =
  Acc['length'] extends N ? Acc[number] : Enumerate<N, [...Acc, Acc['length']]>;
