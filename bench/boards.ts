// SPDX-License-Identifier: MIT
import type { BoardId } from 'kiln';
import { findBoard } from 'kiln/boards';

/** A board as the bench sees it. */
export interface BenchBoard {
  readonly id: BoardId;
  /** The board's display name, from its Kiln board class. */
  readonly name: string;
  /** Where QEMU loads a raw binary (the floor's link address), from the board class. */
  readonly loadAddress: number;
  /** Why there is no Linux baseline on this board; undefined where there is one. */
  readonly noLinux?: string;
}

/** Boards with a Linux baseline boot only on virt: the others' Linux boots need device trees. */
const NO_LINUX: Readonly<Partial<Record<BoardId, string>>> = {
  'raspberry-pi-3b-plus': 'no Linux baseline on raspi3b: its Linux boot needs a device tree (DTB), which the bench does not supply',
  'ultra96-v2': 'no Linux baseline on xlnx-zcu102: its Linux boot needs a device tree (DTB), which the bench does not supply',
};

/** Every board the bench measures, in report order. */
export const BENCH_BOARD_IDS: readonly BoardId[] = ['qemu-virt', 'raspberry-pi-3b-plus', 'ultra96-v2'];

/** The bench's view of a board, with its facts taken from Kiln's board class. */
export function findBenchBoard(id: BoardId): BenchBoard {
  const info = findBoard(id).info;
  const noLinux = NO_LINUX[id];
  return { id, name: info.displayName, loadAddress: info.loadAddress, ...(noLinux ? { noLinux } : {}) };
}
