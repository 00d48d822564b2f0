// SPDX-License-Identifier: MIT
import type { BoardId, BoardInfo } from '../synth/spec/board-info.ts';

export type { BoardId, BoardInfo, BootArtifact, ConsoleUart, GenericTimer, InterruptController, MemoryRegion, QemuMachine, VirtioMmioSlots } from '../synth/spec/board-info.ts';
import type { NetworkKind, Provides } from './capabilities.ts';

/** Type-level keys: the board's class name and what it provides, for the compiler's checks. */
declare const BOARD_NAME: unique symbol;
declare const PROVIDES: unique symbol;
declare const LACKS_NETWORK: unique symbol;

const BOARD_BRAND = Symbol.for('kiln.Board');

/**
 * A board an image is built for.
 *
 * A board is data: its memory map, console, interrupt controller, core
 * count, load address, boot artifact form and QEMU machine, in `info`
 * (the BoardInfo that goes into the image's spec as it is). Kiln's own
 * boards (QemuVirt, RaspberryPi3BPlus, Ultra96V2) read theirs from
 * boards/<id>/board.yaml. Your own board is a subclass in your own file,
 * often starting from one of Kiln's:
 *
 * ```ts
 * class SmallVirt extends Board<'SmallVirt', { network: 'virtio-net'; cores: 1 }> {
 *   constructor() {
 *     const virt = new QemuVirt().info;
 *     super({ ...virt, id: 'small-virt', ram: { base: virt.ram.base, size: 64 * MiB }, qemu: { ...virt.qemu, memoryMiB: 64 } });
 *   }
 * }
 * ```
 *
 * The type parameters carry what the compile-time checks need.
 *
 * @typeParam Name - the class name, shown in compile-time errors
 * @typeParam P - what the board provides, checked against what components require
 * @typeParam Lacks - derived from the other two: leave it out
 */
export abstract class Board<Name extends string = string, P extends Provides = Provides, Lacks extends string = LacksNetwork<Name, P>> {
  /** True when `x` is a Board from any copy of Kiln. */
  static isBoard(x: unknown): x is Board {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[BOARD_BRAND] === true;
  }

  declare readonly [BOARD_NAME]: Name;
  declare readonly [PROVIDES]: P;
  /**
   * The board's name when it has no network device, never when it has one,
   * string when unknown (Board itself): read by the compile-time checks as
   * an indexed access, which, unlike a conditional type, resolves over a
   * union of boards and through a type parameter's constraint.
   */
  declare readonly [LACKS_NETWORK]: Lacks;

  readonly info: BoardInfo;

  protected constructor(info: BoardInfo) {
    Object.defineProperty(this, BOARD_BRAND, { value: true });
    this.info = info;
  }

  /** The board's id as written in specs, e.g. 'qemu-virt'. */
  get id(): BoardId {
    return this.info.id;
  }
}

/** 1 MiB in bytes. */
export const MiB = 1024 * 1024;

/** The class name of a board type, for error types. */
export type BoardNameOf<B> = B extends { readonly [BOARD_NAME]: infer N extends string } ? N : 'this board';
/**
 * `Name` when a board providing `P` has no network device, never when it
 * has one, string when that is not known (every kind of device is possible).
 */
export type LacksNetwork<Name extends string, P extends Provides> =
  NetworkKind extends P['network'] ? string : [P['network']] extends [never] ? Name : never;

/** The names of the boards in `B` that have no network device: never when all have one, or when that is not known. */
export type LacksNetworkOf<B extends Board> = IfGenericWrite_B_extends_NetworkBoard<B[typeof LACKS_NETWORK]>;
/**
 * The names that are known (never for `string`, an unknown board). Inside a
 * helper generic in the board this stays unresolved, and tsc prints it in
 * the sentence as it is named, so its name is the fix:
 * "HttpServer needs a network device, but
 * ${IfGenericWrite_B_extends_NetworkBoard<B[unique symbol]>} has none".
 */
type IfGenericWrite_B_extends_NetworkBoard<N extends string> = string extends N ? never : N;

/**
 * Any board with a network device: the constraint for a helper generic in
 * the board that uses network components,
 * `function edge<B extends NetworkBoard>(app: App, id: string, board: B)`.
 * Passing a board without one is then a compile error at the call.
 */
export type NetworkBoard = Board<string, Provides, never>;
/** What a board type provides. */
export type ProvidesOf<B> = B extends { readonly [PROVIDES]: infer P } ? P : never;
