// SPDX-License-Identifier: MIT
// What synth generates for the OS (no QEMU needed, but it belongs with the
// os-* tier): the MMU's memory map, the bindings of interrupt
// controllers, timers, allocators and schedulers, and the linker script's
// layout.
import t from 'tap';
import { findBoard } from '../../constructs/index.ts';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { bindingsSource, mmuRegions } from '../../synth/plan/bindings.ts';
import { linkerScript } from '../../synth/plan/linker-script.ts';
import { BUILTIN_BOARD_IDS as BOARD_IDS } from '../../synth/spec/board-info.ts';
import { ROOT } from '../helpers/cli.ts';

const PAGE = 0x1000;

t.test('GIVEN every board WHEN the MMU map is generated THEN page 0 and RAM below the image stay unmapped, devices never reach RAM', async (t) => {
  for (const id of BOARD_IDS) {
    const board = findBoard(id).info;
    const regions = mmuRegions(board);
    const ramLo = board.ram.base;
    const ramHi = board.ram.base + board.ram.size;
    for (const r of regions) {
      t.ok(r.base >= PAGE, `${id}: ${r.what} starts above page 0`);
      t.equal(r.base % PAGE, 0, `${id}: ${r.what} page aligned`);
      if (r.attr === 'KILN_MMU_DEVICE') t.ok(r.base + r.size <= ramLo || r.base >= ramHi, `${id}: ${r.what} does not reach RAM`);
    }
    for (const d of board.devices) {
      t.ok(regions.some((r) => r.attr === 'KILN_MMU_DEVICE' && r.base <= d.base && d.base + d.size <= r.base + r.size), `${id}: ${d.name} is mapped as a device`);
    }
    const ram = regions.find((r) => r.attr === 'KILN_MMU_RW');
    t.equal(ram?.base, board.loadAddress, `${id}: RAM is mapped from the load address`);
    t.equal((ram?.base ?? 0) + (ram?.size ?? 0), ramHi, `${id}: to the end of RAM`);
  }
});

t.test('GIVEN images with interrupts, time, both allocators and a scheduler WHEN bindings.c is generated THEN each board gets its own controller and addresses', async (t) => {
  const catalog = loadCatalog({ root: ROOT });
  const on = new Set(['LIBIRQ', 'LIBTIME', 'LIBALLOC', 'LIBALLOC_BOOT_BUMP', 'LIBALLOC_APP_BUDDY', 'LIBSCHEDCOOP', 'LIBARM64_MMU']);
  const libs = (names: string[]) => names.map((n) => catalog.manifests.get(n)!);
  const common = ['irq', 'time', 'generic-timer', 'alloc', 'bump', 'buddy', 'sched', 'cooperative'];
  const virt = bindingsSource({ board: findBoard('qemu-virt').info, libraries: libs(['pl011', 'gicv2', ...common]), isEnabled: (s) => on.has(s) });
  t.match(virt, /static struct gicv2 interrupt_controller = \{\n\t\.dist_base = 0x8000000UL,\n\t\.cpu_base = 0x8010000UL,\n\};/);
  t.match(virt, /static struct generic_timer timer_device = \{\n\t\.irq = 30,\n\};/);
  t.match(virt, /kiln_alloc_register\(KILN_ALLOC_BOOT, &kiln_bump_ops, &boot_allocator\);/);
  t.match(virt, /kiln_alloc_register\(KILN_ALLOC_APP, &kiln_buddy_ops, &app_allocator\);/);
  t.match(virt, /kiln_sched_register\(&kiln_coop_ops, &scheduler\);/);
  t.match(virt, /kiln_board_spin_table_count = 0;/);
  t.notMatch(virt, /#if/, 'no preprocessor choices');
  const rpi = bindingsSource({ board: findBoard('raspberry-pi-3b-plus').info, libraries: libs(['pl011', 'bcm2836', ...common]), isEnabled: (s) => on.has(s) });
  t.match(rpi, /static struct bcm2836_intc interrupt_controller = \{\n\t\.local_base = 0x40000000UL,\n\t\.armctrl_base = 0x3f00b200UL,\n\};/);
  t.match(rpi, /\.irq = 1,/, 'the Pi\'s timer is local source 1');
  t.match(rpi, /kiln_board_spin_table\[3\] = \{ 0xe0UL, 0xe8UL, 0xf0UL \};/);
  const u96 = bindingsSource({ board: findBoard('ultra96-v2').info, libraries: libs(['cadence-uart', 'gicv2', ...common]), isEnabled: (s) => on.has(s) });
  t.match(u96, /\.dist_base = 0xf9010000UL,\n\t\.cpu_base = 0xf9020000UL,/);
  t.throws(() => bindingsSource({ board: findBoard('qemu-virt').info, libraries: libs(['pl011', 'irq']), isEnabled: (s) => s === 'LIBIRQ' }),
    /has a gicv2 interrupt controller, but its platform \(PLAT_QEMU_VIRT\) did not select the "gicv2" driver/);
});

t.test('GIVEN a board WHEN its linker script is generated THEN every permission class starts on a page and has its bounds', async (t) => {
  const ld = linkerScript(findBoard('qemu-virt').info, { stackSize: 0x4000, exceptionStackSize: 0x2000, imageHeader: false });
  for (const sym of ['__text_start', '__text_end', '__rodata_start', '__rodata_end', '__data_start', '__image_end', '__kiln_init_start', '__kiln_init_end', '__stack_guard', '__exception_stack_guard', '__ram_end']) {
    t.match(ld, new RegExp(`\\b${sym} = `), `${sym} defined`);
  }
  t.match(ld, /KEEP\(\*\(SORT_BY_NAME\(\.kiln_init\.\*\)\)\)/, 'the init table is kept and sorted');
  t.match(ld, /\.rodata : AT\(__text_load_end\) ALIGN\(0x1000\)/, '.rodata runs from a page but is stored right after .text');
  t.match(ld, /__exception_stack_bottom = \.;\n\t\t\. \+= 0x2000;/);
  t.match(ld, /__ram_end = 0x48000000;/, 'the heap runs to the end of the board\'s RAM');
  t.notMatch(ld, /__heap_start/, 'no fixed heap');
});
