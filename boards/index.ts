// SPDX-License-Identifier: MIT
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Board } from '../constructs/board.ts';
import { BUILTIN_BOARD_IDS, type BoardInfo } from '../synth/spec/board-info.ts';
import { readBoardFile } from '../synth/spec/board-file.ts';
import { QemuVirt } from './qemu-virt/board.ts';
import { RaspberryPi3BPlus } from './raspberry-pi-3b-plus/board.ts';
import { Ultra96V2 } from './ultra96-v2/board.ts';

export { QemuVirt } from './qemu-virt/board.ts';
export { RaspberryPi3BPlus } from './raspberry-pi-3b-plus/board.ts';
export { Ultra96V2 } from './ultra96-v2/board.ts';
export { builtinBoardInfo } from './builtin.ts';

const FACTORIES: Readonly<Record<(typeof BUILTIN_BOARD_IDS)[number], () => Board>> = {
  'qemu-virt': () => new QemuVirt(),
  'raspberry-pi-3b-plus': () => new RaspberryPi3BPlus(),
  'ultra96-v2': () => new Ultra96V2(),
};

/** Kiln's board with this spec id, or undefined. */
export function tryFindBoard(id: string): Board | undefined {
  return Object.hasOwn(FACTORIES, id) ? FACTORIES[id as keyof typeof FACTORIES]() : undefined;
}

/** Kiln's board with this spec id; throws naming the known ids. */
export function findBoard(id: string): Board {
  const board = tryFindBoard(id);
  if (!board) throw new Error(`unknown board "${id}"; Kiln has ${Object.keys(FACTORIES).join(', ')}`);
  return board;
}

/**
 * Reads a board description of your own (a board.yaml, as Kiln's boards
 * have), checked against the schema, for a Board subclass:
 * `super(readBoard(new URL('./my-board.yaml', import.meta.url)))`.
 *
 * @param file - a file URL, or a path (relative to the working directory)
 */
export function readBoard(file: string | URL): BoardInfo {
  return readBoardFile(typeof file === 'string' ? resolve(file) : fileURLToPath(file));
}

