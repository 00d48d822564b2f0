// SPDX-License-Identifier: MIT
// Fleet features that need real builds: budgets and the library API.
import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildImages } from '../../synth/api.ts';
import { runImage } from '../../synth/run.ts';
import type { ImageSpec } from '../../synth/spec/image-spec.ts';
import { tempDir } from '../helpers/cli.ts';
import { runImagePatiently } from '../helpers/watchdog.ts';

t.test('GIVEN specs built with the library API THEN each comes back with its artifact and report, and boots', async (t) => {
  const outdir = join(tempDir(), 'kiln.out');
  const built = await buildImages([
    { id: 'dock-1', board: 'qemu-virt', applications: [{ kind: 'hello', options: { greeting: 'dock 1 online' } }] },
    { id: 'crane-7', board: 'ultra96-v2', applications: [{ kind: 'hello', options: { greeting: 'crane 7 online' } }] },
  ], { outdir });
  t.same(built.map((b) => [b.id, b.board]), [['dock-1', 'qemu-virt'], ['crane-7', 'ultra96-v2']]);
  for (const b of built) {
    t.ok(existsSync(b.artifact), `${b.id}: artifact at ${b.artifact}`);
    t.ok(b.report.artifact.bytes > 1000);
  }
  const run = await runImagePatiently({ imageDir: built[1].dir, quietMs: 20_000 });
  t.equal(run.status, 0);
  t.match(run.output, 'crane 7 online');
});

t.test('GIVEN an image at its size budget WHEN a change makes it grow THEN the build fails naming the library that grew', async (t) => {
  const outdir = join(tempDir(), 'kiln.out');
  const spec = (extra: Partial<ImageSpec>): ImageSpec => ({ id: 'edge', board: 'qemu-virt', applications: [{ kind: 'hello' }], ...extra });
  const [first] = await buildImages([spec({ budget: { imageBytes: 1 << 20 } })], { outdir });
  const limit = first.report.artifact.bytes;
  // The boot timeline adds a printf of the tick count to the boot library.
  const err = await buildImages([spec({ budget: { imageBytes: limit }, config: { LIBBOOT_TIMELINE: true } })], { outdir }).then(() => undefined, (e: Error) => e);
  t.ok(err, 'the build fails');
  t.match(err?.message, new RegExp(`image "edge": image\\.bin is \\d+ bytes, over its budget of ${limit} by \\d+; grew since the last build: (?:[^;]*, )?boot \\+\\d+`));
  t.notOk(existsSync(join(outdir, 'edge', 'report.json')), 'an image over budget is not marked built');
  await t.rejects(runImage({ imageDir: join(outdir, 'edge'), console: 'capture' }), { message: /is not built/ });
});

t.test('GIVEN the CSV inventory example WHEN run THEN it builds one image per row through the library API', async (t) => {
  const { execFileSync } = await import('node:child_process');
  const { ROOT } = await import('../helpers/cli.ts');
  const outdir = join(tempDir(), 'inventory');
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=kiln-source', 'examples/inventory/generate.ts', 'examples/inventory/devices.csv', outdir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const lines = stdout.trim().split('\n');
  t.equal(lines.length, 3);
  t.match(lines[0], /^dock-1: .*dock-1\/image\.bin \(\d+ bytes\)$/);
  t.match(lines[1], /^dock-2: .*dock-2\/kernel8\.img \(\d+ bytes\)$/);
  t.match(lines[2], /^crane-7: .*crane-7\/Image \(\d+ bytes\)$/);
  const run = await runImagePatiently({ imageDir: join(outdir, 'dock-2'), quietMs: 20_000 });
  t.equal(run.status, 0);
  t.match(run.output, 'dock 2 online');
});
