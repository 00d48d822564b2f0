// SPDX-License-Identifier: MIT
// Allocators: the stress test for every allocator in every slot it is
// allowed, on every board; the slots the construct classes declare agree
// with the library manifests.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuddyAllocator, BumpAllocator, TlsfAllocator } from '../../constructs/index.ts';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { BOARDS, boot, buildProgram } from './os-support.ts';

const ALLOCATORS = [BumpAllocator, TlsfAllocator, BuddyAllocator];

t.test('GIVEN the allocator classes THEN the slots they claim are the slots their libraries declare', async (t) => {
  const catalog = loadCatalog();
  for (const a of ALLOCATORS) {
    const manifest = catalog.manifests.get(a.kind);
    t.ok(manifest, `library ${a.kind} exists`);
    t.equal(Boolean(manifest?.slots.boot), a.serves.boot, `${a.kind}: boot slot`);
    t.equal(Boolean(manifest?.slots.app), a.serves.app, `${a.kind}: app slot`);
  }
});

t.test('GIVEN the stress test built for every allowed pair of allocators on every board', async (t) => {
  const out = await buildProgram('test/fixtures/programs/os-alloc.ts');
  for (const b of BOARDS) {
    for (const bootAlloc of ALLOCATORS.filter((a) => a.serves.boot)) {
      for (const appAlloc of ALLOCATORS.filter((a) => a.serves.app)) {
        const id = `alloc-${bootAlloc.kind}-${appAlloc.kind}-${b}`;
        t.test(`WHEN ${id} boots THEN every check holds and nothing is left allocated`, async (t) => {
          const r = await boot(out, id);
          t.equal(r.status, 0, `exit status 0\n${r.output}`);
          t.match(r.output, new RegExp(`alloc-stress: boot allocator ${bootAlloc.kind} served init \\(\\d+ allocations\\), ok`));
          t.match(r.output, new RegExp(`application allocator ${appAlloc.kind}\\b`));
          t.match(r.output, new RegExp(`alloc-stress: ${appAlloc.kind}: (\\d+) allocations, \\1 frees, peak \\d+ bytes live, 0 left`));
          t.match(r.output, /^alloc-stress: ok\r?$/m);
          t.notMatch(r.output, /FAIL|kiln: crash/);
          const map = readFileSync(join(out, id, 'image.map'), 'utf8');
          t.match(map, /libc\.a\(/, 'the link map names the C library members it used');
          t.notMatch(map, /libc\.a\([^)]*malloc[^)]*\)/, 'no member of picolibc\'s own malloc is linked');
        });
      }
    }
  }
});
