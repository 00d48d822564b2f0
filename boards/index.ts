// SPDX-License-Identifier: MIT
import type { BoardId } from '../synth/spec/image-spec.ts';
import type { Board } from '../constructs/board.ts';
import { QemuVirt } from './qemu-virt/board.ts';
import { RaspberryPi3BPlus } from './raspberry-pi-3b-plus/board.ts';
import { Ultra96V2 } from './ultra96-v2/board.ts';

export { QemuVirt } from './qemu-virt/board.ts';
export { RaspberryPi3BPlus } from './raspberry-pi-3b-plus/board.ts';
export { Ultra96V2 } from './ultra96-v2/board.ts';

const FACTORIES: Readonly<Record<BoardId, () => Board>> = {
  'qemu-virt': () => new QemuVirt(),
  'raspberry-pi-3b-plus': () => new RaspberryPi3BPlus(),
  'ultra96-v2': () => new Ultra96V2(),
};

/** The board with this spec id, or undefined. */
export function tryFindBoard(id: string): Board | undefined {
  return Object.hasOwn(FACTORIES, id) ? FACTORIES[id as BoardId]() : undefined;
}

/** The board with this spec id; throws naming the known ids. */
export function findBoard(id: string): Board {
  const board = tryFindBoard(id);
  if (!board) throw new Error(`unknown board "${id}"; Kiln knows ${Object.keys(FACTORIES).join(', ')}`);
  return board;
}
