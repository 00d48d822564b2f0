// SPDX-License-Identifier: MIT
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, kiln, tempDir } from '../helpers/cli.ts';
import { schemaValidator } from '../helpers/schema.ts';

/** What `kiln diff` must say between test/fixtures/diff/before.yaml and after.yaml. */
const EXPECTED = [
  'image edge:',
  '  target: qemu -> hardware',
  '  symbol APP_HELLO_GREETING: "v1" -> "v2"',
  '    was: requested by the image; now: requested by the image',
  '  symbol LIBBOOT_TIMELINE: n -> y',
  '    was: not requested, no default; now: requested by the image',
  '  symbol LIBEXIT_HALT: n -> y',
  '    was: <choice KILN_EXIT> chose LIBEXIT_SEMIHOST (requested by the image); now: <choice KILN_EXIT> chose LIBEXIT_HALT (requested by the image)',
  // A hardware image's exit options (lib/exit: how it stops, the PSCI conduit), at their defaults.
  '  symbol LIBEXIT_HALT_PSCI_OFF: (undefined) -> y',
  '    was: not in the tree; now: <choice LIBEXIT_HALT_ACTION> chose LIBEXIT_HALT_PSCI_OFF (its default)',
  '  symbol LIBEXIT_HALT_PSCI_RESET: (undefined) -> n',
  '    was: not in the tree; now: <choice LIBEXIT_HALT_ACTION> chose LIBEXIT_HALT_PSCI_OFF (its default)',
  '  symbol LIBEXIT_HALT_WFI: (undefined) -> n',
  '    was: not in the tree; now: <choice LIBEXIT_HALT_ACTION> chose LIBEXIT_HALT_PSCI_OFF (its default)',
  '  symbol LIBEXIT_PSCI_FROM_DT: (undefined) -> y',
  '    was: not in the tree; now: <choice LIBEXIT_PSCI_CONDUIT> chose LIBEXIT_PSCI_FROM_DT (its default)',
  '  symbol LIBEXIT_PSCI_HVC: (undefined) -> n',
  '    was: not in the tree; now: <choice LIBEXIT_PSCI_CONDUIT> chose LIBEXIT_PSCI_FROM_DT (its default)',
  '  symbol LIBEXIT_PSCI_NONE: (undefined) -> n',
  '    was: not in the tree; now: <choice LIBEXIT_PSCI_CONDUIT> chose LIBEXIT_PSCI_FROM_DT (its default)',
  '  symbol LIBEXIT_PSCI_SMC: (undefined) -> n',
  '    was: not in the tree; now: <choice LIBEXIT_PSCI_CONDUIT> chose LIBEXIT_PSCI_FROM_DT (its default)',
  '  symbol LIBEXIT_SEMIHOST: y -> n',
  '    was: <choice KILN_EXIT> chose LIBEXIT_SEMIHOST (requested by the image); now: <choice KILN_EXIT> chose LIBEXIT_HALT (requested by the image)',
  '  link plan exit: symbols + LIBEXIT_HALT',
  '  link plan exit: symbols - LIBEXIT_SEMIHOST',
  '  link plan exit: sources + lib/exit/halt.c',
  '  link plan exit: sources - lib/exit/semihost.c',
  'image gone: removed (raspberry-pi-3b-plus)',
  'image new: added (ultra96-v2)',
  '3 of 4 images differ (1 changed, 1 added, 1 removed); sizes not compared (not every image was built on both sides)',
];

t.test('GIVEN two assemblies WHEN kiln diff compares them THEN it lists what changed, line by line, with no noise', async (t) => {
  const before = join(tempDir(), 'before');
  const after = join(tempDir(), 'after');
  t.equal((await kiln(['synth', 'test/fixtures/diff/before.yaml', '-o', before])).code, 0);
  t.equal((await kiln(['synth', 'test/fixtures/diff/after.yaml', '-o', after])).code, 0);
  const r = await kiln(['diff', before, after]);
  t.equal(r.code, 0, `without --fail a difference is not a failure (${r.stderr})`);
  t.same(r.stdout.trimEnd().split('\n'), EXPECTED, 'the changes, then the summary as the last line');
  const gate = await kiln(['diff', before, after, '--fail']);
  t.equal(gate.code, 1, '--fail: non-zero when anything differs');
  const self = await kiln(['diff', before, before, '--fail']);
  t.equal(self.code, 0, 'an assembly against itself: no differences');
  t.equal(self.stdout, 'no differences in 3 images\n');
});

t.test('GIVEN a spec in git WHEN kiln diff compares two revisions THEN it synthesizes each and diffs them', async (t) => {
  const repo = tempDir('kiln-diff-repo-');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=kiln', '-c', 'user.email=kiln@localhost', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  mkdirSync(join(repo, 'fleet'));
  copyFileSync(join(ROOT, 'test/fixtures/diff/before.yaml'), join(repo, 'fleet/images.yaml'));
  git('add', '.');
  git('commit', '-qm', 'before');
  copyFileSync(join(ROOT, 'test/fixtures/diff/after.yaml'), join(repo, 'fleet/images.yaml'));
  git('commit', '-qam', 'after');
  const r = await kiln(['diff', 'HEAD~1', 'HEAD', 'fleet/images.yaml', '--fail'], { cwd: repo });
  t.equal(r.code, 1, r.stderr);
  t.same(r.stdout.trimEnd().split('\n'), EXPECTED);
  t.match(execFileSync('git', ['worktree', 'list'], { cwd: repo, encoding: 'utf8' }).trim().split('\n').length, 1, 'temporary worktrees removed');
});

/** Gives every image of an assembly a report.json as kiln build would: the artifact's bytes and a library's total. */
function fakeBuild(outdir: string, bytes: Readonly<Record<string, number>>): void {
  for (const [id, n] of Object.entries(bytes)) {
    writeFileSync(join(outdir, id, 'report.json'), JSON.stringify({ artifact: { bytes: n }, sizes: { libraries: [{ name: 'hello', total: n - 1000 }] } }));
  }
}

t.test('GIVEN a fleet where three images change alike WHEN kiln diff compares it THEN the change is shown once for the three, and a summary with the bytes ends it', async (t) => {
  const before = join(tempDir(), 'before');
  const after = join(tempDir(), 'after');
  t.equal((await kiln(['synth', 'test/fixtures/diff/fleet-before.yaml', '-o', before])).code, 0);
  t.equal((await kiln(['synth', 'test/fixtures/diff/fleet-after.yaml', '-o', after])).code, 0);
  const unbuilt = await kiln(['diff', before, after]);
  t.equal(unbuilt.code, 0, unbuilt.stderr);
  t.match(unbuilt.stdout, /^same change in 3 images: alpha, bravo, charlie\n  symbol APP_HELLO_GREETING: "fleet v1" -> "fleet v2"\n    was: requested by the image; now: requested by the image\nimage delta:\n  target: qemu -> hardware\n/);
  t.equal(unbuilt.stdout.match(/APP_HELLO_GREETING/g)?.length, 2, 'the shared change is printed once for the group and once in delta, which changed more');
  t.notMatch(unbuilt.stdout, /echo/, 'an unchanged image is not mentioned');
  t.equal(unbuilt.stdout.trimEnd().split('\n').at(-1), '4 of 5 images differ (4 changed); sizes not compared (not every image was built on both sides)');

  // WHEN both sides were built THEN the summary gives the bytes, and a size change keeps its image apart.
  fakeBuild(before, { alpha: 9000, bravo: 9100, charlie: 9200, delta: 9000, echo: 9300 });
  fakeBuild(after, { alpha: 9000, bravo: 9100, charlie: 9200, delta: 9024, echo: 9300 });
  const built = await kiln(['diff', before, after]);
  t.match(built.stdout, /^same change in 3 images: alpha, bravo, charlie\n/);
  t.match(built.stdout, /\n  size image\.bin: 9000 -> 9024 \(\+24 bytes\)\n  size hello: 8000 -> 8024 \(\+24 bytes\)\n/);
  t.equal(built.stdout.trimEnd().split('\n').at(-1), '4 of 5 images differ (4 changed); bytes +24 (45600 -> 45624)');
});

t.test('GIVEN two assemblies WHEN kiln diff --json THEN the document conforms to schema/diff-result.schema.json and says what the text says', async (t) => {
  const validate = schemaValidator('diff-result');
  const before = join(tempDir(), 'before');
  const after = join(tempDir(), 'after');
  t.equal((await kiln(['synth', 'test/fixtures/diff/fleet-before.yaml', '-o', before])).code, 0);
  t.equal((await kiln(['synth', 'test/fixtures/diff/fleet-after.yaml', '-o', after])).code, 0);
  fakeBuild(before, { alpha: 9000, bravo: 9100, charlie: 9200, delta: 9000, echo: 9300 });
  fakeBuild(after, { alpha: 9000, bravo: 9100, charlie: 9200, delta: 9024, echo: 9300 });
  const r = await kiln(['diff', before, after, '--json', '--fail']);
  t.equal(r.code, 1, '--fail still gates with --json');
  const doc = JSON.parse(r.stdout) as { kiln: string; images: { id: string; status: string; changes: { kind: string }[] }[]; summary: unknown };
  t.equal(validate(doc), '', 'conforms to the schema');
  t.equal(doc.kiln, 'diff-result/1');
  t.same(doc.images.map((i) => [i.id, i.status]), [['alpha', 'changed'], ['bravo', 'changed'], ['charlie', 'changed'], ['delta', 'changed'], ['echo', 'unchanged']]);
  t.same(doc.images[3].changes.map((c) => c.kind), ['target', ...Array<string>(10).fill('symbol'), 'link-plan', 'link-plan', 'link-plan', 'link-plan', 'size', 'size']);
  t.same(doc.summary, { images: 5, differ: 4, changed: 4, added: 0, removed: 0, bytes: { before: 45600, after: 45624, delta: 24 } });
  t.not(validate({ ...doc, summary: { ...doc.summary as object, differ: -1 } }), '', 'and the schema is not vacuous: a negative count is refused');
  const unbuilt = await kiln(['diff', join(tempDir(), 'missing'), before, '--json']);
  t.equal(unbuilt.code, 1, 'an error is an error, with no document on stdout');
  t.equal(unbuilt.stdout, '');
  const same = JSON.parse((await kiln(['diff', before, before, '--json'])).stdout) as { summary: { differ: number } };
  t.equal(validate(same), '');
  t.equal(same.summary.differ, 0);
});
