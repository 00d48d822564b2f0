// SPDX-License-Identifier: MIT
// Bad input never wins (issue 18, first part): files that are not files,
// huge names, keys named like Object's own members, ids the constructs
// library would rewrite, and assembly folders that cannot be written are
// the user's errors, each on one line, never a hang or a Kiln bug.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Hello, Image, KilnError, QemuVirt } from '../../constructs/index.ts';
import { parseSpecText } from '../../synth/spec/spec-file.ts';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';

t.test('GIVEN a spec path that is a FIFO or a device WHEN synthesized THEN it is refused without reading it', async (t) => {
  const dir = tempDir();
  const fifo = join(dir, 'fleet.yaml');
  execFileSync('mkfifo', [fifo]);
  const zero = join(dir, 'zero.yaml');
  symlinkSync('/dev/zero', zero);
  for (const [file, kind] of [[fifo, 'a FIFO'], [zero, 'a character device']] as const) {
    const r = await kiln(['synth', file, '-o', join(dir, 'out')]);
    t.equal(r.code, 1, `${kind}: the user's error`);
    t.match(r.stderr, new RegExp(`the spec is not a regular file \\(it is ${kind}\\)`));
  }
  t.notOk(existsSync(join(dir, 'out')), 'nothing written');
});

t.test('GIVEN a 100 KB kind WHEN the spec is checked THEN the message quotes a bounded part of it and suggests nothing', async (t) => {
  const kind = 'h'.repeat(100_000);
  const loaded = parseSpecText(`id: web\nboard: qemu-virt\napplications:\n  - kind: ${kind}\n`, 'web.yaml', loadCatalog());
  t.notOk(loaded.ok);
  if (loaded.ok) return;
  t.equal(loaded.problems.length, 1);
  t.ok(loaded.problems[0].message.length < 600, `a short message (${loaded.problems[0].message.length} characters)`);
  t.notMatch(loaded.problems[0].message, /did you mean/);
});

t.test('GIVEN env keys named like Object\'s members WHEN loaded THEN they are kept as data, in the image and from the defaults', async (t) => {
  const own = parseSpecText('id: web\nboard: qemu-virt\napplications: [{ kind: lua }]\nenv: { __proto__: x, toString: y }\n', 'web.yaml', loadCatalog());
  t.ok(own.ok, 'accepted');
  if (own.ok) t.same(Object.entries(own.specs[0].env ?? {}), [['__proto__', 'x'], ['toString', 'y']], '__proto__ is an environment variable like any other');
  const fleet = parseSpecText('version: 1\ndefaults: { env: { toString: a } }\nimages:\n  - id: web\n    board: qemu-virt\n    applications: [{ kind: lua }]\n    env: { B: b }\n', 'fleet.yaml', loadCatalog());
  t.ok(fleet.ok, 'a toString in the defaults is not "a function"');
  if (fleet.ok) t.same(fleet.specs[0].env, { B: 'b', toString: 'a' });
});

t.test('GIVEN an image id with a slash WHEN validated THEN it is refused at the user\'s line, not turned into a folder a--b', async (t) => {
  const app = new App({ outdir: join(tempDir(), 'out') });
  new Image(app, 'a/b' as string, { board: new QemuVirt() }).use(new Hello());
  const err = t.throws(() => app.synth()) as KilnError;
  t.ok(KilnError.isKilnError(err));
  t.match(err.problems[0], { message: /image id 'a\/b' must start with a lowercase letter/, origin: { file: 'test/unit/bad-input.test.ts' } });
});

t.test('GIVEN an assembly folder that cannot be written WHEN synthesized THEN one line says why, with exit 1', async (t) => {
  const dir = tempDir();
  const file = join(dir, 'a-file');
  writeFileSync(file, 'keep me\n');
  for (const [outdir, why] of [[file, 'a file is in the way'], [join(file, 'x'), 'a part of the path is a file'], ['/proc/kiln-x', 'it is in a system folder']] as const) {
    const r = await kiln(['synth', 'examples/hello/image.yaml', '-o', outdir]);
    t.equal(r.code, 1, `${outdir}: the user's error, not a Kiln bug (70)`);
    t.match(r.stderr, new RegExp(`cannot write the assembly folder ${outdir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${why}`));
  }
  t.equal(readFileSync(file, 'utf8'), 'keep me\n', 'nothing lost');
});

t.test('GIVEN a budget or a Kconfig value past 2^53 WHEN checked THEN it is refused where it was written, not rounded', async (t) => {
  const loaded = parseSpecText('id: web\nboard: qemu-virt\napplications: [{ kind: hello }]\nbudget: { imageBytes: 9007199254740993 }\nconfig: { LIBBOOT_STACK_SIZE: 18446744073709551616 }\n', 'web.yaml', loadCatalog());
  t.notOk(loaded.ok);
  if (loaded.ok) return;
  t.match(loaded.problems, [
    { line: 4, pointer: '/budget/imageBytes', message: /too large to be exact/ },
    { line: 5, pointer: '/config/LIBBOOT_STACK_SIZE', message: /too large to be exact.*write it as a string/ },
  ]);
  const app = new App({ outdir: join(tempDir(), 'out') });
  new Image(app, 'web', { board: new QemuVirt(), budget: { imageBytes: 2 ** 60 } }).use(new Hello());
  t.throws(() => app.synth(), /too large to be exact/, 'the same from constructs');
});

t.test('GIVEN a program run from another folder WHEN type-checked THEN Node\'s types are found (no TS2688)', async (t) => {
  const r = await kiln(['synth', join(ROOT, 'examples/hello/image.ts'), '-o', join(tempDir(), 'out')], { cwd: tempDir(), env: { XDG_CACHE_HOME: tempDir('kiln-cache-') } });
  t.equal(r.code, 0, r.stderr);
  t.notMatch(r.stderr, /TS2688/);
});

t.test('GIVEN kiln diff with a garbled manifest, or revisions outside git WHEN run THEN each is one line of the user\'s error', async (t) => {
  const a = tempDir();
  const b = tempDir();
  writeFileSync(join(a, 'manifest.json'), 'garbage{');
  writeFileSync(join(b, 'manifest.json'), '{}');
  const garbled = await kiln(['diff', a, b]);
  t.equal(garbled.code, 1);
  t.match(garbled.stderr, /manifest\.json is not a readable assembly manifest/);
  const outside = await kiln(['diff', 'HEAD', 'HEAD~1', 'image.yaml'], { cwd: tempDir() });
  t.equal(outside.code, 1);
  t.match(outside.stderr, /"HEAD" is not an assembly folder, and .* is not in a git repository/);
});
