// SPDX-License-Identifier: MIT
import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hello, Image, KilnError, Policies, QemuVirt, RaspberryPi3BPlus, Ultra96V2, type Policy } from '../../constructs/index.ts';
import { Testing } from '../../constructs/testing.ts';
import { kiln } from '../helpers/cli.ts';

const BOARDS = [() => new QemuVirt(), () => new RaspberryPi3BPlus(), () => new Ultra96V2()];

t.test('GIVEN a fleet of 50 generated images WHEN synthesized THEN every image has its assembly folder', async (t) => {
  const app = Testing.app();
  for (let i = 0; i < 50; i++) {
    new Image(app, `device-${String(i).padStart(2, '0')}`, { board: BOARDS[i % 3]() }).use(new Hello({ greeting: `device ${i}` }));
  }
  const started = performance.now();
  const result = Testing.synth(app);
  const ms = performance.now() - started;
  t.equal(result.images.length, 50);
  for (const image of result.images) t.ok(existsSync(join(result.outdir, image.id, 'build.ninja')));
  t.comment(`50 images synthesized in ${ms.toFixed(0)} ms (${(ms / 50).toFixed(1)} ms per image)`);
});

t.test('GIVEN fleet policies WHEN some images break them THEN synth fails listing every violation by image and path, writing nothing', async (t) => {
  const app = Testing.app();
  const timeline: Policy = {
    name: 'images report their boot timeline',
    check: (image) => (image.isEnabled('LIBBOOT_TIMELINE') ? undefined : 'set config LIBBOOT_TIMELINE'),
  };
  app.addPolicy(Policies.maxImageBytes(512 * 1024)).addPolicy(timeline);
  new Image(app, 'ok', { board: new QemuVirt(), budget: { imageBytes: 65536 } }).use(new Hello());
  new Image(app, 'no-budget', { board: new QemuVirt() }).use(new Hello());
  new Image(app, 'big', { board: new Ultra96V2(), budget: { imageBytes: 1 << 20 } }).use(new Hello());
  const err = t.throws(() => app.synth()) as KilnError;
  t.ok(KilnError.isKilnError(err));
  const lines = err.problems.map((p) => `${p.origin?.path}: ${p.message}`);
  t.same(lines, [
    'ok: image "ok" breaks policy "images report their boot timeline": set config LIBBOOT_TIMELINE',
    'no-budget: image "no-budget" breaks policy "images at most 524288 bytes": declare a size budget of at most 524288 bytes (budget: { imageBytes })',
    'no-budget: image "no-budget" breaks policy "images report their boot timeline": set config LIBBOOT_TIMELINE',
    'big: image "big" breaks policy "images at most 524288 bytes": its size budget 1048576 is over the fleet\'s 524288 bytes',
    'big: image "big" breaks policy "images report their boot timeline": set config LIBBOOT_TIMELINE',
  ]);
  t.ok(err.problems.every((p) => p.origin?.file === 'test/unit/fleet.test.ts'), 'each names the line that made the image');
  t.notOk(existsSync(join(app.outdir, 'manifest.json')), 'nothing written');
});

t.test('GIVEN the fleet examples WHEN kiln ls lists them THEN each image is a line: id, board, applications', async (t) => {
  const r = await kiln(['ls', 'examples/fleet/fleet.yaml']);
  t.equal(r.code, 0, r.stderr);
  t.same(r.stdout.trimEnd().split('\n'), [
    'ID              BOARD                 APPLICATIONS',
    'lisbon-sensor   raspberry-pi-3b-plus  hello',
    'porto-sensor    raspberry-pi-3b-plus  hello',
    'lisbon-gateway  ultra96-v2            hello',
    'lab-ci          qemu-virt             hello',
  ]);
  const json = await kiln(['ls', 'examples/fleet/image.ts', '--json']);
  t.equal(json.code, 0, json.stderr);
  t.same(JSON.parse(json.stdout).map((i: { id: string }) => i.id), ['lisbon-gateway', 'lisbon-sensor', 'porto-sensor', 'lab-ci']);
});
