// SPDX-License-Identifier: MIT
// Reproducibility: the same program built in two folders, at two times,
// gives byte-identical images, with no folder of this machine inside.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';
import { longForm } from '../helpers/depth.ts';

/** The suite may share a compile cache between its builds (scripts/test.sh): these compile everything themselves. */
const UNCACHED = { env: { KILN_CACHE: '' } };

const PROGRAMS = [
  { file: 'examples/hello/image.ts', images: [['hello', 'image.bin'], ['hello-rpi3', 'kernel8.img'], ['hello-ultra96', 'Image']] },
  // The fixture builds the Pi and the Ultra96 in the long form only (npm run test:long).
  { file: 'test/fixtures/programs/backend-clang.ts', images: [['clang-virt', 'image.bin'], ...(longForm() ? [['clang-rpi3', 'kernel8.img'], ['clang-ultra96', 'Image']] : [])] },
];

for (const program of PROGRAMS) {
  t.test(`GIVEN ${program.file} built in two folders a second apart THEN the images are byte for byte the same`, async (t) => {
    const first = join(tempDir('kiln-repro-a-'), 'kiln.out');
    const second = join(tempDir('kiln-repro-b-'), 'deeper', 'folder', 'out');
    t.equal((await kiln(['build', program.file, '-o', first], UNCACHED)).code, 0, 'first build');
    await sleep(1100);
    t.equal((await kiln(['build', program.file, '-o', second], UNCACHED)).code, 0, 'second build');
    for (const [id, artifact] of program.images) {
      for (const f of ['image.elf', artifact, 'report.json', 'sbom.spdx.json']) {
        t.ok(readFileSync(join(first, id, f)).equals(readFileSync(join(second, id, f))), `${id}/${f} identical`);
      }
      const elf = readFileSync(join(first, id, 'image.elf')).toString('latin1');
      for (const path of [first, second, ROOT]) t.notOk(elf.includes(path), `${id}: the ELF does not contain "${path}"`);
      // gcc's LTO temporaries (/tmp/ccXXXXXX.ltrans0.ltrans.o) are random names; lld's merged module is
      // always called ld-temp.o (a fixed name in the symbol table, harmless to reproducibility).
      t.notMatch(elf, /\/tmp\/|cc[A-Za-z0-9]{6}\.(ltrans|debug)/, `${id}: no temporary file name`);
    }
  });
}

t.test('GIVEN the shared compile cache (kiln build --cache DIR) WHEN hello is built in two folders through it', async (t) => {
  const cache = tempDir('kiln-cache-');
  const plain = join(tempDir('kiln-cache-plain-'), 'out');
  const outs = [join(tempDir('kiln-cache-a-'), 'out'), join(tempDir('kiln-cache-b-'), 'elsewhere', 'out')];
  t.equal((await kiln(['build', 'examples/hello/image.ts', '-o', plain], UNCACHED)).code, 0, 'a build without the cache');
  const runs = [];
  for (const out of outs) runs.push(await kiln(['build', 'examples/hello/image.ts', '-o', out, '--cache', cache]));
  const counts = runs.map((r) => /compile cache .*: (\d+) of (\d+) compiles answered, (\d+) compiled/.exec(r.stderr));
  t.ok(counts[0] && counts[1], `each build says what the cache did:\n${runs.map((r) => r.stderr).join('\n')}`);
  if (!counts[0] || !counts[1]) return;
  t.ok(Number(counts[0][3]) > 0 && counts[0][1] === '0', 'THEN the first compiles everything it shares into the empty cache');
  t.equal(Number(counts[1][3]), 0, 'THEN the second, in another folder, compiles nothing');
  t.equal(counts[1][2], counts[0][2], 'THEN both went through the cache for the same compiles');
  for (const out of outs) {
    for (const [id, artifact] of PROGRAMS[0].images) {
      for (const f of ['image.elf', artifact]) t.ok(readFileSync(join(plain, id, f)).equals(readFileSync(join(out, id, f))), `THEN ${id}/${f} is byte for byte the uncached build's`);
    }
  }
});
