// SPDX-License-Identifier: MIT
// The RAM file system's page table (lib/posix-ramfs/pages.c), compiled for
// the host with the host's cc (with AddressSanitizer and UBSan) and driven
// by test/fixtures/ramfs/pages-driver.c: random writes across pages,
// writes past the end, truncations and growth, on empty and on embedded
// (seeded) files, each checked byte for byte against a flat copy; the same
// with allocations failing; and what a 64 MiB file costs in memory.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/cli.ts';

const dir = tempDir('kiln-ramfs-');
const driver = join(dir, 'pages-driver');
const flags = ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-O1', '-g', '-fsanitize=address,undefined', '-fno-sanitize-recover=all',
  '-I', join(ROOT, 'lib/posix-ramfs')];
execFileSync('cc', [...flags, '-include', join(ROOT, 'test/fixtures/ramfs/counting-alloc.h'), '-c', join(ROOT, 'lib/posix-ramfs/pages.c'), '-o', join(dir, 'pages.o')]);
execFileSync('cc', [...flags, join(ROOT, 'test/fixtures/ramfs/pages-driver.c'), join(dir, 'pages.o'), '-o', driver]);

function drive(...args: string[]): string {
  return execFileSync(driver, args, { encoding: 'utf8' }).trim();
}

t.test('GIVEN random writes, reads and resizes WHEN compared with a flat copy THEN every byte and size agrees', async (t) => {
  for (const seed of ['1', '2', '3', '4', '5', '6']) {
    const out = drive('random', seed, '4000');
    t.match(out, /^ok writes=\d+ short=0 refused=0 resizes=\d+$/, `seed ${seed} (${Number(seed) % 2 ? 'embedded' : 'empty'} file): ${out}`);
  }
});

t.test('GIVEN allocations that fail WHEN writing THEN writes are short or refused and what was stored stays right', async (t) => {
  for (const seed of ['7', '8']) {
    const out = drive('oom', seed, '4000');
    const m = /^ok writes=(\d+) short=(\d+) refused=(\d+)/.exec(out);
    t.ok(m, `seed ${seed}: ${out}`);
    t.ok(Number(m?.[2]) > 0 && Number(m?.[3]) > 0, 'the failing allocator made both short and refused writes happen');
  }
});

t.test('GIVEN a 64 MiB file written by appends THEN it holds its size plus under 0.5 % and never needed twice its size', async (t) => {
  const size = 64 << 20;
  for (const line of drive('footprint', '64').split('\n')) {
    const m = /^footprint piece=(\d+) size=(\d+) live=(\d+) peak=(\d+) pages=(\d+)$/.exec(line);
    t.ok(m, line);
    if (!m) continue;
    t.equal(Number(m[2]), size);
    t.equal(Number(m[5]), size / 4096, 'one 4 KiB page per 4 KiB of file');
    t.ok(Number(m[3]) >= size && Number(m[3]) < size * 1.005, `${m[1]}-byte appends: ${m[3]} bytes held`);
    // A doubled buffer peaks at one and a half times the file while realloc copies it.
    t.ok(Number(m[4]) < size * 1.005, `peak while growing ${m[4]} bytes`);
  }
});
