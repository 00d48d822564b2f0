// SPDX-License-Identifier: MIT
/**
 * A small hand-made catalog for spec tests: one application, two
 * allocators, a scheduler, a driver and a plain library, with options of
 * every Kconfig type.
 */
import type { Catalog, LibraryInfo, LibraryRole, OptionInfo } from '../../../synth/spec/index.ts';

function option(symbol: string, name: string, type: OptionInfo['type'], range?: readonly [number, number]): OptionInfo {
  return { name, symbol, type, ...(range ? { range } : {}) };
}

function library(name: string, role: LibraryRole, symbol: string, summary: string, options: readonly OptionInfo[] = []): LibraryInfo {
  return { name, role, symbol, summary, options: new Map(options.map((o) => [o.name, o])) };
}

/** The libraries the spec corpus may name. */
export const testCatalog: Catalog = {
  libraries: new Map(
    [
      library('hello', 'application', 'APP_HELLO', 'hello: prints a greeting and exits', [
        option('APP_HELLO_GREETING', 'greeting', 'string'),
        option('APP_HELLO_EXIT_STATUS', 'exitStatus', 'int', [0, 255]),
      ]),
      library('bump', 'allocator', 'LIBALLOC_BUMP', 'bump: allocate-only boot allocator'),
      library('tlsf', 'allocator', 'LIBALLOC_TLSF', 'tlsf: two-level segregated fit allocator', [
        option('LIBALLOC_TLSF_POOL_SIZE', 'poolSize', 'hex', [0x1000, 0x1000000]),
      ]),
      library('cooperative', 'scheduler', 'LIBSCHED_COOP', 'cooperative: run-until-yield scheduler', [
        option('LIBSCHED_COOP_MAX_THREADS', 'maxThreads', 'int', [1, 64]),
      ]),
      library('pl011', 'driver', 'LIBDRV_PL011', 'pl011: ARM PrimeCell UART driver', [
        option('LIBDRV_PL011_BAUD_RATE', 'baudRate', 'int'),
      ]),
      library('ramfs', 'library', 'LIBRAMFS', 'ramfs: a file system in RAM', [
        option('LIBRAMFS_READ_ONLY', 'readOnly', 'bool'),
        option('LIBRAMFS_MOUNT_POINT', 'mountPoint', 'string'),
      ]),
    ].map((l) => [l.name, l] as const),
  ),
};
