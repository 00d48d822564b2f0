// SPDX-License-Identifier: MIT
// Integration tier: builds real images with the cross compiler and boots
// them in QEMU, asserting on what the guest printed and its exit status.
import t from 'tap';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAssembly } from '../../synth/build.ts';
import { runImage } from '../../synth/run.ts';
import { kiln, tempDir } from '../helpers/cli.ts';

const BOARDS = [
  { id: 'hello', board: 'QEMU virt', greeting: 'Hello from Kiln on QEMU virt!', artifact: 'image.bin' },
  { id: 'hello-rpi3', board: 'Raspberry Pi 3 B+', greeting: 'Hello from Kiln on the Raspberry Pi 3 B+!', artifact: 'kernel8.img' },
  { id: 'hello-ultra96', board: 'Ultra96-V2', greeting: 'Hello from Kiln on the Ultra96-V2!', artifact: 'Image' },
];

t.test('the hello example on every board', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'examples/hello/image.ts', '-o', out]);
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr})`);

  for (const b of BOARDS) {
    t.test(`GIVEN hello built for ${b.board} WHEN kiln run boots it THEN it prints the greeting and exits 0`, async (t) => {
      const dir = join(out, b.id);
      for (const f of ['.config', 'include/kiln/config.h', 'include/kiln/board.h', 'link.ld', 'linkplan.yaml', 'build.ninja', 'image.elf', b.artifact, 'manifest.json', 'report.json']) {
        t.ok(existsSync(join(dir, f)), `${b.id}/${f} exists`);
      }
      const r = await kiln(['run', dir], { timeoutMs: 30_000 });
      t.equal(r.code, 0, 'exit status 0');
      t.match(r.stdout, b.greeting);
    });
  }

  t.test('GIVEN the Raspberry Pi image THEN kernel8.img comes with its config.txt', async (t) => {
    t.match(readFileSync(join(out, 'hello-rpi3', 'config.txt'), 'utf8'), /kernel=kernel8\.img/);
  });

  t.test('GIVEN the Ultra96-V2 image THEN it carries the arm64 Image header U-Boot booti expects', async (t) => {
    const image = readFileSync(join(out, 'hello-ultra96', 'Image'));
    t.equal(image.subarray(56, 60).toString('latin1'), 'ARM\x64', 'magic at offset 56');
    t.equal(image.readBigUInt64LE(8), 0x80000n, 'text_offset');
    t.ok(image.readBigUInt64LE(16) >= BigInt(image.length), 'image_size covers the file and .bss');
  });

  t.test('GIVEN nothing changed WHEN kiln build runs again THEN ninja compiles nothing', async (t) => {
    const again = await kiln(['build', 'examples/hello/image.ts', '-o', out, '--progress']);
    t.equal(again.code, 0);
    t.notMatch(again.stderr, /\] (CC|LINK) /, 'no compile or link step');
  });
});

t.test('GIVEN hello whose main returns 3 WHEN kiln run boots it on each board THEN kiln run exits 3', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/exit-3.ts', '-o', out]);
  t.equal(build.code, 0, `build (stderr: ${build.stderr})`);
  for (const id of ['exit3-virt', 'exit3-rpi3', 'exit3-ultra96']) {
    const r = await kiln(['run', join(out, id)], { timeoutMs: 30_000 });
    t.equal(r.code, 3, `${id} exits 3`);
    t.match(r.stdout, /exiting with 3 on/);
  }
});

t.test('GIVEN a source that fails to compile WHEN building THEN the error names it and no image is left behind', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  t.equal((await kiln(['build', 'examples/hello/image.ts', '-o', out])).code, 0);
  const dir = join(out, 'hello');
  writeFileSync(join(dir, 'bindings.c'), `${readFileSync(join(dir, 'bindings.c'), 'utf8')}\nthis is not C;\n`);
  await t.rejects(buildAssembly({ outdir: out, images: ['hello'] }), { message: /compiling hello\/bindings\.c failed \(image hello\)/ });
  t.notOk(existsSync(join(dir, 'image.elf')), 'no ELF left');
  t.notOk(existsSync(join(dir, 'image.bin')), 'no artifact left');
  t.notOk(existsSync(join(dir, 'report.json')), 'no report left');
  await t.rejects(runImage({ imageDir: dir, console: 'capture' }), { message: /is not built/ });
  const run = await kiln(['run', dir]);
  t.equal(run.code, 1);
  t.match(run.stderr, /image "hello" is not built .*\n.*hint: run kiln build first/);
});
