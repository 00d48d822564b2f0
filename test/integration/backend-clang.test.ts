// SPDX-License-Identifier: MIT
// The hello integration test again with the second backend (clang-14 +
// lld-14) on every board: boots in QEMU, greets, exits with 0 or 3.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { BuildReport } from '../../synth/build.ts';
import { kiln, tempDir } from '../helpers/cli.ts';
import { longForm } from '../helpers/depth.ts';

// QEMU virt in CI; every board in the long form (npm run test:long), as the fixture builds them.
const BOARDS = [
  { id: 'virt', board: 'QEMU virt', artifact: 'image.bin' },
  ...(longForm() ? [
    { id: 'rpi3', board: 'Raspberry Pi 3 B+', artifact: 'kernel8.img' },
    { id: 'ultra96', board: 'Ultra96-V2', artifact: 'Image' },
  ] : []),
];

t.test(`hello built by clang + lld on ${BOARDS.map((b) => b.board).join(', ')}`, async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/backend-clang.ts', '-o', out]);
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr})`);

  for (const b of BOARDS) {
    t.test(`GIVEN hello built with clang for ${b.board} WHEN kiln run boots it THEN it greets and exits 0`, async (t) => {
      const dir = join(out, `clang-${b.id}`);
      for (const f of ['image.elf', b.artifact, 'report.json', 'sbom.spdx.json', 'linkplan.yaml']) t.ok(existsSync(join(dir, f)), `${f} exists`);
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;
      t.equal(report.toolchain.id, 'clang');
      t.match(report.toolchain.programs['clang-14'], /clang version 14/);
      t.match(report.toolchain.programs['ld.lld-14'], /LLD 14/);
      t.ok(report.toolchain.packages.some((p) => p.name === 'lld-14'), 'dpkg version of lld-14');
      t.match(readFileSync(join(dir, 'linkplan.yaml'), 'utf8'), /ld: ld\.lld-14/, 'linked by lld directly');
      const r = await kiln(['run', dir], { timeoutMs: 30_000 });
      t.equal(r.code, 0, 'exit status 0');
      t.match(r.stdout, `Hello from clang on ${b.id}!`);
    });
    t.test(`GIVEN hello whose main returns 3, built with clang for ${b.board} THEN kiln run exits 3`, async (t) => {
      const r = await kiln(['run', join(out, `clang-exit3-${b.id}`)], { timeoutMs: 30_000 });
      t.equal(r.code, 3, 'exit status 3');
      t.match(r.stdout, `clang exiting with 3 on ${b.id}`);
    });
  }

  t.test('GIVEN nothing changed WHEN kiln build runs again THEN nothing is compiled or linked', async (t) => {
    const again = await kiln(['build', 'test/fixtures/programs/backend-clang.ts', '-o', out, '--progress']);
    t.equal(again.code, 0);
    t.notMatch(again.stderr, /\] (CC|LINK) /);
  });
});

t.test('GIVEN LTO turned off through lib/toolchain WHEN built with each backend THEN the images boot and say LTO off', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/backend-lto-off.ts', '-o', out]);
  t.equal(build.code, 0, `build (stderr: ${build.stderr})`);
  for (const tc of ['gcc', 'clang']) {
    const dir = join(out, `nolto-${tc}`);
    const plan = parse(readFileSync(join(dir, 'linkplan.yaml'), 'utf8')) as { toolchain: { lto: boolean; cflags: string[]; ldflags: string[] } };
    t.equal(plan.toolchain.lto, false);
    t.notOk([...plan.toolchain.cflags, ...plan.toolchain.ldflags].includes('-flto'), `${tc}: no -flto in the plan's flags`);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;
    t.equal(report.toolchain.lto, false);
    t.ok(report.sizes.libraries.some((l) => l.name === 'hello' && l.total > 0), `${tc}: without LTO every library has its own bytes`);
    const r = await kiln(['run', dir], { timeoutMs: 30_000 });
    t.equal(r.code, 0);
    t.match(r.stdout, `Hello without LTO from ${tc}!`);
  }
});
