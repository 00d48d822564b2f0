// SPDX-License-Identifier: MIT
import { execFile } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { BenchBoard } from '../boards.ts';

const run = promisify(execFile);
const FLOOR_DIR = fileURLToPath(new URL('.', import.meta.url));

/**
 * How a floor image ends after its line: `exit` through semihosting (the
 * boot-time floor), `busy` spinning, `idle` in WFI (the CPU floors).
 */
export type FloorEnding = 'exit' | 'busy' | 'idle';

/** Every ending, in the order they are built. */
export const FLOOR_ENDINGS: readonly FloorEnding[] = ['exit', 'busy', 'idle'];

/** A built floor image. */
export interface FloorImage {
  readonly board: string;
  readonly ending: FloorEnding;
  /** The raw binary QEMU is given with -kernel. */
  readonly bin: string;
  readonly binBytes: number;
  readonly elf: string;
  readonly elfBytes: number;
}

/**
 * Assembles and links one floor image: bench/floor/start.S, the board's
 * console (boards/<board>.S) and the ending (then/<ending>.S), linked by
 * floor.ld at the board's load address, then copied out as a raw binary.
 */
export async function buildFloor(board: BenchBoard, ending: FloorEnding, workDir: string): Promise<FloorImage> {
  const dir = join(workDir, 'floor', board.id);
  mkdirSync(dir, { recursive: true });
  const elf = join(dir, `${ending}.elf`);
  const bin = join(dir, `${ending}.bin`);
  await run('aarch64-linux-gnu-gcc', [
    '-nostdlib', '-static', '-no-pie',
    `-Wl,-T,${join(FLOOR_DIR, 'floor.ld')}`,
    `-Wl,--defsym=floor_load_address=0x${board.loadAddress.toString(16)}`,
    // No build-id note, and 4 KiB rather than 64 KiB segment alignment in
    // the ELF: neither reaches the raw binary, both only pad the ELF.
    '-Wl,--build-id=none',
    '-Wl,-z,max-page-size=4096',
    '-o', elf,
    join(FLOOR_DIR, 'start.S'),
    join(FLOOR_DIR, 'boards', `${board.id}.S`),
    join(FLOOR_DIR, 'then', `${ending}.S`),
  ]);
  await run('aarch64-linux-gnu-objcopy', ['-O', 'binary', elf, bin]);
  return { board: board.id, ending, bin, binBytes: statSync(bin).size, elf, elfBytes: statSync(elf).size };
}
