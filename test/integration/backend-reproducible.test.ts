// SPDX-License-Identifier: MIT
// Reproducibility: the same program built in two folders, at two times,
// gives byte-identical images, with no folder of this machine inside.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';

const PROGRAMS = [
  { file: 'examples/hello/image.ts', images: [['hello', 'image.bin'], ['hello-rpi3', 'kernel8.img'], ['hello-ultra96', 'Image']] },
  { file: 'test/fixtures/programs/backend-clang.ts', images: [['clang-virt', 'image.bin'], ['clang-rpi3', 'kernel8.img'], ['clang-ultra96', 'Image']] },
];

for (const program of PROGRAMS) {
  t.test(`GIVEN ${program.file} built in two folders a second apart THEN the images are byte for byte the same`, async (t) => {
    const first = join(tempDir('kiln-repro-a-'), 'kiln.out');
    const second = join(tempDir('kiln-repro-b-'), 'deeper', 'folder', 'out');
    t.equal((await kiln(['build', program.file, '-o', first])).code, 0, 'first build');
    await sleep(1100);
    t.equal((await kiln(['build', program.file, '-o', second])).code, 0, 'second build');
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
