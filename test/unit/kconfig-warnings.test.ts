// SPDX-License-Identifier: MIT
/**
 * The warnings kconfiglib prints about a tree or a configuration reach the
 * user the same way in `kiln synth` and `kiln explain`: a select of a
 * non-bool symbol, a symbol selected past its dependencies (an error in
 * Kiln: the selected code may not build), and a default outside its range.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';

// A copy of the custom example whose library Kconfig is `kconfig`.
function project(kconfig: string): string {
  const dir = tempDir('kiln-kconfig-warnings-');
  cpSync(join(ROOT, 'examples/custom/libs'), join(dir, 'libs'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "warnings-test", "private": true }\n');
  writeFileSync(join(dir, 'image.yaml'), 'id: counter\nboard: small-virt\napplications:\n  - kind: counter\nlibraryFolders: [./libs]\n');
  writeFileSync(join(dir, 'libs/counter/Kconfig'), kconfig);
  return dir;
}

// The example's Kconfig with a select of an int symbol and a default outside its range.
const ODD = `menuconfig APP_COUNTER
\tbool "counter"
\tselect LIBPICOLIBC
\tselect APP_COUNTER_SLOTS
if APP_COUNTER
config APP_COUNTER_LIMIT
\tint "How far to count"
\tdefault 10
\trange 1 1000
config APP_COUNTER_SLOTS
\tint "slots"
\trange 1 64
\tdefault 100
endif
`;

t.test('GIVEN a library Kconfig with a select of an int and a default outside its range WHEN kiln synth runs THEN both warnings are printed with file:line', async (t) => {
  const dir = project(ODD);
  const r = await kiln(['synth', 'image.yaml', '-o', 'out'], { cwd: dir });
  t.equal(r.code, 0, r.stderr);
  t.match(r.stderr, /^warning: .*libs\/counter\/Kconfig:4: APP_COUNTER selects the int symbol APP_COUNTER_SLOTS, which is not bool, so it has no effect$/m);
  t.match(r.stderr, /^warning: image "counter": .*libs\/counter\/Kconfig:13: the default 100 of APP_COUNTER_SLOTS is outside its range \[1, 64\] \(.*libs\/counter\/Kconfig:12\), so APP_COUNTER_SLOTS is 64$/m);
  t.equal(r.stderr.match(/^warning: /gm)?.length, 2, 'each warning once');

  const explain = await kiln(['explain', 'out/counter', 'APP_COUNTER_SLOTS'], { cwd: dir });
  t.equal(explain.code, 0, explain.stderr);
  t.match(explain.stdout, /^warning: .*APP_COUNTER selects the int symbol APP_COUNTER_SLOTS/m, 'explain shows the same warning lines');
  t.match(explain.stdout, /^warning: image "counter": .*the default 100 of APP_COUNTER_SLOTS is outside its range/m);
  const other = await kiln(['explain', 'out/counter', 'APP_COUNTER_LIMIT'], { cwd: dir });
  t.notMatch(other.stdout, /warning:/, 'a symbol no warning concerns shows none');
});

t.test('GIVEN a library that selects a symbol past its dependencies WHEN kiln synth runs THEN it is an error naming both', async (t) => {
  const dir = project(`${ODD}config APP_COUNTER_FORCE\n\tdef_bool APP_COUNTER\n\tselect APP_COUNTER_NEEDS\nconfig APP_COUNTER_NEEDS\n\tbool "needs"\n\tdepends on APP_COUNTER_NOWHERE\nconfig APP_COUNTER_NOWHERE\n\tbool\n`);
  const r = await kiln(['synth', 'image.yaml', '-o', 'out'], { cwd: dir });
  t.equal(r.code, 1);
  t.match(r.stderr, /APP_COUNTER_NEEDS/);
  t.match(r.stderr, /APP_COUNTER_FORCE/);
});
