// SPDX-License-Identifier: MIT
// The boot's init table as the C sources declare it: every KILN_INIT()
// entry under lib/ names a stage of <kiln/init.h>, the stages are ordered
// three-digit numbers, and the entries of Kiln's libraries run in the
// documented order. Reads the sources only; no compiler needed.
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/cli.ts';

const LIB = join(ROOT, 'lib');

/** The stages of <kiln/init.h> in declaration order, each with its number. */
function stages(): { name: string; priority: number }[] {
  const header = readFileSync(join(LIB, 'boot/include/kiln/init.h'), 'utf8');
  return [...header.matchAll(/^#define (KILN_INIT_[A-Z_]+)\s+(\d+)\b/gm)].map((m) => ({ name: m[1], priority: Number(m[2]) }));
}

/** Every C source of Kiln's own libraries (upstream trees, which are links into the cache, left out). */
function sources(dir = LIB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'upstream' ? [] : sources(path);
    return e.isFile() && e.name.endsWith('.c') ? [path] : [];
  });
}

/** Every KILN_INIT(fn, stage) entry, with the file that declares it. */
function entries(): { file: string; fn: string; stage: string }[] {
  return sources().flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/^KILN_INIT\(\s*(\w+)\s*,\s*([^)]+?)\s*\);/gm)].map((m) => ({
      file: relative(ROOT, path),
      fn: m[1],
      stage: m[2],
    })),
  );
}

t.test('GIVEN <kiln/init.h> THEN its stages are three-digit numbers in increasing order', async (t) => {
  const list = stages();
  t.ok(list.length >= 12, `found ${list.length} stages`);
  for (const s of list) t.ok(s.priority >= 100 && s.priority <= 999, `${s.name} (${s.priority}) has three digits: name order is number order`);
  for (let i = 1; i < list.length; i++) {
    t.ok(list[i].priority > list[i - 1].priority, `${list[i].name} comes after ${list[i - 1].name}`);
  }
});

t.test('GIVEN the libraries under lib/ THEN every init entry names a stage, never a number', async (t) => {
  const known = new Set(stages().map((s) => s.name));
  const all = entries();
  const uses = sources().reduce((n, path) => n + (readFileSync(path, 'utf8').match(/\bKILN_INIT\(/g) ?? []).length, 0);
  t.equal(all.length, uses, `every KILN_INIT( in a source is an entry this test reads (${uses})`);
  for (const e of all) t.ok(known.has(e.stage), `${e.file}: ${e.fn} runs in stage "${e.stage}", one of <kiln/init.h>'s`);
});

t.test('GIVEN the libraries under lib/ WHEN their entries are sorted as the linker script sorts them THEN the boot runs in the documented order', async (t) => {
  const priority = new Map(stages().map((s) => [s.name, s.priority]));
  const order = entries()
    .map((e) => ({ fn: e.fn, priority: priority.get(e.stage) ?? 0 }))
    .sort((a, b) => a.priority - b.priority || a.fn.localeCompare(b.fn))
    .map((e) => `${e.priority} ${e.fn}`);
  t.same(order, [
    '100 kiln_fdt_init',
    '102 bcm2835_gpio_console_pins',
    '105 kiln_arm64_park_secondaries',
    '110 kiln_alloc_boot_init',
    '120 kiln_mmu_init',
    '130 kiln_irq_init',
    '140 kiln_time_init',
    '150 boot_phase',
    '150 kiln_posix_console_fds',
    '150 kiln_process_init',
    '190 kiln_alloc_handover',
    '200 kiln_sched_init',
    '300 kiln_ramfs_init',
    '800 kiln_net_init',
    '810 kiln_socket_init',
    '900 kiln_memreport_init',
  ]);
});
