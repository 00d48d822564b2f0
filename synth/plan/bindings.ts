// SPDX-License-Identifier: MIT
import type { ApiRegistration, LibraryManifest } from '../catalog/index.ts';
import type { BoardInfo } from '../spec/board-info.ts';
import { KilnError } from '../errors.ts';
import { hex } from './format.ts';
import { PAGE_SIZE } from './linker-script.ts';

/** What bindingsSource() reads: the board, the image's libraries and its configuration. */
export interface BindingsInput {
  readonly board: BoardInfo;
  /** The image's enabled libraries. */
  readonly libraries: readonly LibraryManifest[];
  /** Whether a Kconfig symbol is on in the image. */
  readonly isEnabled: (symbol: string) => boolean;
}

/** One range of the MMU's memory map, as bindings.c lists it. */
export interface MmuRegion {
  readonly base: number;
  readonly size: number;
  readonly attr: 'KILN_MMU_DEVICE' | 'KILN_MMU_RW';
  /** Where the range comes from, for the comment in bindings.c. */
  readonly what: string;
}

/** Blocks of the 4 KiB granule: 1 GiB at level 1, 2 MiB at level 2. */
const BLOCK_1G = 0x4000_0000;
const BLOCK_2M = 0x20_0000;

const alignDown = (n: number, a: number) => Math.floor(n / a) * a;
const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

/**
 * The memory map the MMU builds its tables from, in the order it applies
 * them. Device regions come first, each rounded out to the largest block
 * that reaches neither RAM nor page 0 (1 GiB, else 2 MiB, else pages): every block is a
 * page table saved, and Device-nGnRnE memory is never accessed
 * speculatively, so mapping a device's neighbours costs nothing. Touching
 * regions are merged. Then RAM from the image's load address to the end
 * of RAM. RAM below the load address (page 0 with it) stays unmapped, so
 * a null pointer faults.
 */
export function mmuRegions(board: BoardInfo): MmuRegion[] {
  const ramLo = board.ram.base;
  const ramHi = board.ram.base + board.ram.size;
  // Page 0 is never mapped (null pointers must fault), so blocks avoid it as they avoid RAM.
  const touchesRam = (lo: number, hi: number) => (lo < ramHi && hi > ramLo) || lo < PAGE_SIZE;
  const devices = board.devices
    .filter((d) => d.kind === 'device')
    .map((d) => {
      for (const block of [BLOCK_1G, BLOCK_2M, PAGE_SIZE]) {
        const lo = alignDown(d.base, block);
        const hi = alignUp(d.base + d.size, block);
        if (!touchesRam(lo, hi)) return { lo, hi, names: [d.name] };
      }
      throw new KilnError(`${board.displayName}: device region ${d.name} overlaps RAM`, { fault: 'kiln' });
    })
    .sort((a, b) => a.lo - b.lo);
  const merged: { lo: number; hi: number; names: string[] }[] = [];
  for (const d of devices) {
    const last = merged.at(-1);
    if (last && d.lo <= last.hi) {
      last.hi = Math.max(last.hi, d.hi);
      last.names.push(...d.names);
    } else {
      merged.push({ ...d, names: [...d.names] });
    }
  }
  const imageLo = alignDown(board.loadAddress, PAGE_SIZE);
  if (imageLo < PAGE_SIZE) {
    throw new KilnError(`${board.displayName}: the image must not load in page 0, which stays unmapped to catch null pointers`, { fault: 'kiln' });
  }
  return [
    ...merged.map((d) => ({ base: d.lo, size: d.hi - d.lo, attr: 'KILN_MMU_DEVICE' as const, what: d.names.join(', ') })),
    { base: imageLo, size: ramHi - imageLo, attr: 'KILN_MMU_RW' as const, what: 'RAM from the image to the end of RAM' },
  ];
}

/** One C struct instance initialised from a board device, and its registration. */
interface Instance {
  readonly order: number;
  readonly includes: readonly string[];
  readonly definition: readonly string[];
  readonly calls: readonly string[];
}

/** The board data at a dotted path of BoardInfo (`console`, `interruptController.blocks`), or undefined. */
function boardData(board: BoardInfo, path: string): Readonly<Record<string, unknown>> | undefined {
  let at: unknown = board;
  for (const key of path.split('.')) at = typeof at === 'object' && at !== null && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'object' && at !== null ? (at as Record<string, unknown>) : undefined;
}

/** A driver's instance: its struct filled from the board's device data, its init and its registration. */
function instanceOf(board: BoardInfo, api: ApiRegistration, lib: LibraryManifest, name: string, slot?: string): Instance {
  const binding = lib.binds[api.api];
  const device = binding.device ? boardData(board, binding.device) : {};
  if (!device) {
    throw new KilnError([{
      message: `library "${lib.name}" binds ${api.api} to the board's ${binding.device}, which board ${board.id} does not describe`,
      hint: `add "${binding.device}" to the board description, or choose a board that has the device`,
    }]);
  }
  const addresses = new Set(binding.addresses ?? []);
  const fields = Object.entries(binding.fields ?? {}).map(([cField, prop]) => {
    const value = device[prop];
    if (typeof value !== 'number') {
      throw new KilnError([{ message: `library "${lib.name}" binds ${api.api} field ${cField} to ${binding.device}.${prop}, which board ${board.id} does not give` }]);
    }
    return `\t.${cField} = ${addresses.has(cField) ? `${hex(value)}UL` : String(value)},`;
  });
  const args = [...(slot ? [slot] : []), `&${binding.ops}`, `&${name}`];
  return {
    order: api.order,
    includes: [binding.header, api.header],
    definition: [`static struct ${binding.struct} ${name}${fields.length ? ' = {' : ';'}`, ...(fields.length ? [...fields, '};'] : [])],
    calls: [...(binding.init ? [`${binding.init}(&${name});`] : []), `${api.function}(${args.join(', ')});`],
  };
}

/**
 * The registrations of every API library in the image: for each, the
 * enabled libraries that bind to it (library.yaml `binds.<api>`), or for a
 * slot API the library whose slot symbol is on in each slot.
 */
function apiInstances(input: BindingsInput): Instance[] {
  const { board, libraries, isEnabled } = input;
  const instances: Instance[] = [];
  for (const api of libraries.flatMap((l) => (l.registers ? [l.registers] : [])).sort((a, b) => a.order - b.order)) {
    const binders = libraries.filter((l) => l.binds[api.api]);
    if (api.slots) {
      for (const [slot, constant] of Object.entries(api.slots)) {
        const lib = binders.find((l) => isSlot(l, slot) && isEnabled(l.slots[slot]!));
        if (lib) instances.push(instanceOf(board, api, lib, `${slot}_${api.instance}`, constant));
      }
      continue;
    }
    if (binders.length === 0) {
      throw new KilnError([{
        message: `image for board ${board.id} has the ${api.api} API but no library that implements it`,
        hint: `the board's Kconfig (${board.symbol}) selects the drivers it has; a ${api.api} driver declares binds.${api.api} in its library.yaml`,
      }]);
    }
    binders.forEach((lib, i) => instances.push(instanceOf(board, api, lib, i === 0 ? api.instance : `${api.instance}_${i}`)));
  }
  return instances;
}

function isSlot(lib: LibraryManifest, slot: string): slot is 'boot' | 'app' | 'scheduler' {
  return Object.hasOwn(lib.slots, slot);
}

/**
 * bindings.c: kiln_platform_bind(), which hands the board's devices to
 * the drivers the configuration chose and registers the chosen
 * allocators and scheduler with their APIs; and, with the MMU, the memory
 * map its tables are built from. Kiln knows every choice at build time, so
 * it writes the calls instead of compiling #if chains. What registers
 * where is data: each API library's `registers` and each implementation's
 * `binds` in their library.yaml.
 */
export function bindingsSource(input: BindingsInput): string {
  const { board, libraries, isEnabled } = input;
  if (!libraries.some((l) => l.name === board.console.driver)) {
    throw new KilnError([{
      message: `board ${board.id} has its console on "${board.console.driver}", but its platform (${board.symbol}) did not select that driver`,
      hint: `the board's Kconfig must select the console driver's symbol`,
    }]);
  }
  if (isEnabled('LIBIRQ') && !libraries.some((l) => l.name === board.interruptController.kind)) {
    throw new KilnError([{ message: `board ${board.id} has a ${board.interruptController.kind} interrupt controller, but its platform (${board.symbol}) did not select the "${board.interruptController.kind}" driver` }]);
  }
  const instances = apiInstances(input);
  const mmu = isEnabled('LIBARM64_MMU') ? mmuRegions(board) : [];
  const spin = board.spinTable ?? [];
  const includes = [...new Set(['kiln/boot.h', ...instances.flatMap((i) => i.includes), ...(mmu.length ? ['kiln/arm64/mmu.h'] : [])])];
  return [
    '/* SPDX-License-Identifier: MIT */',
    `/* Generated by kiln synth: binds ${board.displayName}'s devices and the image's chosen implementations. Do not edit. */`,
    '#include <stdint.h>',
    ...includes.map((h) => `#include <${h}>`),
    '',
    ...instances.flatMap((i) => [...i.definition, '']),
    ...(mmu.length
      ? [
          '/* The board\'s memory map for the MMU (the image\'s own sections are refined at boot). */',
          'const struct kiln_mmu_region kiln_board_mmu_regions[] = {',
          ...mmu.map((r) => `\t{ ${hex(r.base)}UL, ${hex(r.size)}UL, ${r.attr} }, /* ${r.what} */`),
          '};',
          `const unsigned int kiln_board_mmu_region_count = ${mmu.length};`,
          '',
        ]
      : []),
    '/* Where the other cores of a raw image wait (see lib/arm64/park.c). */',
    `const uintptr_t kiln_board_spin_table[${Math.max(1, spin.length)}] = { ${spin.length ? spin.map((a) => `${hex(a)}UL`).join(', ') : '0'} };`,
    `const unsigned int kiln_board_spin_table_count = ${spin.length};`,
    '',
    'void kiln_platform_bind(void)',
    '{',
    ...instances.flatMap((i) => i.calls.map((c) => `\t${c}`)),
    '}',
    '',
  ].join('\n');
}
