// SPDX-License-Identifier: MIT
import type { BoardInfo } from '../../constructs/board.ts';
import type { DeviceBinding, LibraryManifest } from '../catalog.ts';
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

/** How one API's binding is written: where the device data comes from and how to register. */
interface ApiBinding {
  /** The header declaring the API's register function. */
  readonly header: string;
  readonly register: (ops: string, instance: string) => string;
}

const APIS: Readonly<Record<string, ApiBinding>> = {
  console: { header: 'kiln/console_impl.h', register: (ops, dev) => `kiln_console_register(&${ops}, &${dev});` },
  irq: { header: 'kiln/irq_impl.h', register: (ops, dev) => `kiln_irq_register(&${ops}, &${dev});` },
  timer: { header: 'kiln/time_impl.h', register: (ops, dev) => `kiln_time_register(&${ops}, &${dev});` },
  scheduler: { header: 'kiln/sched_impl.h', register: (ops, dev) => `kiln_sched_register(&${ops}, &${dev});` },
  netdev: { header: 'kiln/netdev_impl.h', register: (ops, dev) => `kiln_netdev_register(&${ops}, &${dev});` },
};

/** One C struct instance initialised from a board device, and its registration. */
interface Instance {
  readonly includes: readonly string[];
  readonly definition: readonly string[];
  readonly calls: readonly string[];
}

function deviceInstance(
  api: string,
  lib: LibraryManifest,
  binding: DeviceBinding,
  name: string,
  device: Readonly<Record<string, unknown>>,
  register: (ops: string, instance: string) => string,
  addresses: (prop: string) => boolean = (prop) => prop === 'base',
): Instance {
  const fields = Object.entries(binding.fields ?? {}).map(([cField, prop]) => {
    const value = device[prop];
    if (typeof value !== 'number') {
      throw new KilnError(`library "${lib.name}" binds ${api} field ${cField} to "${prop}", which the board does not give`, { fault: 'kiln' });
    }
    return `\t.${cField} = ${addresses(prop) ? `${hex(value)}UL` : String(value)},`;
  });
  return {
    includes: [binding.header, APIS[api]?.header ?? ''].filter(Boolean),
    definition: [`static struct ${binding.struct} ${name}${fields.length ? ' = {' : ';'}`, ...(fields.length ? [...fields, '};'] : [])],
    calls: [...(binding.init ? [`${binding.init}(&${name});`] : []), register(binding.ops, name)],
  };
}

function bindingOf(lib: LibraryManifest, api: string): DeviceBinding {
  const binding = lib.binds[api];
  if (!binding) throw new KilnError(`library "${lib.name}" declares no ${api} binding (library.yaml binds.${api})`, { fault: 'kiln' });
  return binding;
}

/**
 * bindings.c: kiln_platform_bind(), which hands the board's devices to
 * the drivers the configuration chose and registers the chosen
 * allocators and scheduler with their APIs; and, with the MMU, the memory
 * map its tables are built from. Kiln knows every choice at build time, so
 * it writes the calls instead of compiling #if chains.
 */
export function bindingsSource(input: BindingsInput): string {
  const { board, libraries, isEnabled } = input;
  const byName = new Map(libraries.map((l) => [l.name, l]));
  const instances: Instance[] = [];

  const consoleDriver = byName.get(board.console.driver);
  if (!consoleDriver) {
    throw new KilnError(`board ${board.id} needs the "${board.console.driver}" console driver but its Kconfig did not select it`, { fault: 'kiln' });
  }
  instances.push(deviceInstance('console', consoleDriver, bindingOf(consoleDriver, 'console'), 'console_device',
    board.console as unknown as Record<string, unknown>, APIS.console.register));

  if (isEnabled('LIBIRQ')) {
    const controller = byName.get(board.interruptController.kind);
    if (!controller) {
      throw new KilnError(`board ${board.id} has a ${board.interruptController.kind} interrupt controller but its Kconfig did not select the "${board.interruptController.kind}" driver`, { fault: 'kiln' });
    }
    instances.push(deviceInstance('irq', controller, bindingOf(controller, 'irq'), 'interrupt_controller',
      board.interruptController.blocks, APIS.irq.register, () => true));
  }

  if (isEnabled('LIBTIME')) {
    const timer = libraries.find((l) => l.binds.timer);
    if (!timer) throw new KilnError(`image for ${board.id} has the time library but no timer driver`, { fault: 'kiln' });
    if (!board.timer) throw new KilnError(`board ${board.id} does not say how its generic timer is wired (BoardInfo.timer)`, { fault: 'kiln' });
    instances.push(deviceInstance('timer', timer, bindingOf(timer, 'timer'), 'timer_device',
      board.timer as unknown as Record<string, unknown>, APIS.timer.register));
  }

  if (isEnabled('LIBNETDEV')) {
    // The board's network device, found through the data its driver binds (virtio-net: the virtio-mmio slots).
    const driver = libraries.find((l) => l.binds.netdev);
    if (!driver) throw new KilnError(`image for ${board.id} has the network device API but no network driver: the board's Kconfig selects none`, { fault: 'kiln' });
    const data = driver.name === 'virtio-net' ? board.virtioMmio : undefined;
    if (!data) throw new KilnError(`board ${board.id} does not say where its ${driver.name} device is (BoardInfo.virtioMmio)`, { fault: 'kiln' });
    instances.push(deviceInstance('netdev', driver, bindingOf(driver, 'netdev'), 'network_device',
      data as unknown as Record<string, unknown>, APIS.netdev.register));
  }

  for (const [slot, cSlot] of [['boot', 'KILN_ALLOC_BOOT'], ['app', 'KILN_ALLOC_APP']] as const) {
    const allocator = libraries.find((l) => l.slots[slot] && isEnabled(l.slots[slot] as string));
    if (!allocator) continue;
    instances.push(deviceInstance('allocator', allocator, bindingOf(allocator, 'allocator'), `${slot}_allocator`, {},
      (ops, self) => `kiln_alloc_register(${cSlot}, &${ops}, &${self});`));
  }

  const scheduler = libraries.find((l) => l.slots.scheduler && isEnabled(l.slots.scheduler));
  if (scheduler) {
    instances.push(deviceInstance('scheduler', scheduler, bindingOf(scheduler, 'scheduler'), 'scheduler', {}, APIS.scheduler.register));
  }

  const mmu = isEnabled('LIBARM64_MMU') ? mmuRegions(board) : [];
  const spin = board.spinTable ?? [];
  const includes = [...new Set(['kiln/boot.h', ...instances.flatMap((i) => i.includes), ...(isEnabled('LIBALLOC') ? ['kiln/alloc_impl.h'] : []), ...(mmu.length ? ['kiln/arm64/mmu.h'] : [])])];
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
