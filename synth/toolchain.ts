// SPDX-License-Identifier: MIT
import type { ToolchainId } from './spec/image-spec.ts';

/** A cross toolchain: the programs and the flags every image built with it shares. */
export interface Toolchain {
  readonly id: ToolchainId;
  /** Compiler driver, also used to link. */
  readonly cc: string;
  readonly objcopy: string;
  /** Debian packages that provide the programs (for messages). */
  readonly packages: readonly string[];
  /** Flags for every C and assembly source. */
  readonly cflags: readonly string[];
  /** Flags for the final link (the linker script and map are added per image). */
  readonly ldflags: readonly string[];
}

/** Code generation shared by every library: the board's core, size-minded sections, no host assumptions. */
const COMMON_CFLAGS = [
  '-mcpu=cortex-a53',
  // The MMU is off in the skeleton, so memory is Device-typed and unaligned accesses fault on hardware.
  '-mstrict-align',
  '-Os',
  '-g',
  '-std=gnu11',
  '-ffunction-sections',
  '-fdata-sections',
  '-fno-pie',
  '-fno-stack-protector',
  '-fno-asynchronous-unwind-tables',
  '-fno-unwind-tables',
  // gcc 12 turns hand-written copy loops into calls to memcpy/memset themselves.
  '-fno-tree-loop-distribute-patterns',
  '-Wall',
  '-Wextra',
  '-flto',
];

const GCC: Toolchain = {
  id: 'gcc',
  cc: 'aarch64-linux-gnu-gcc',
  objcopy: 'aarch64-linux-gnu-objcopy',
  packages: ['gcc-aarch64-linux-gnu', 'binutils-aarch64-linux-gnu', 'picolibc-aarch64-linux-gnu'],
  cflags: ['--specs=picolibc.specs', ...COMMON_CFLAGS],
  ldflags: [
    '--specs=picolibc.specs',
    '-static',
    '-nostartfiles',
    '-no-pie',
    '-mcpu=cortex-a53',
    '-Os',
    '-flto',
    '-Wl,--gc-sections',
    '-Wl,--no-warn-rwx-segments',
  ],
};

/** The toolchain with this id; clang is not available yet. */
export function findToolchain(id: ToolchainId): Toolchain {
  if (id === 'gcc') return GCC;
  throw new Error(`toolchain "${id}" is not supported yet; use 'gcc'`);
}
