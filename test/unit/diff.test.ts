// SPDX-License-Identifier: MIT
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, kiln, tempDir } from '../helpers/cli.ts';

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
  '  symbol LIBEXIT_SEMIHOST: y -> n',
  '    was: <choice KILN_EXIT> chose LIBEXIT_SEMIHOST (requested by the image); now: <choice KILN_EXIT> chose LIBEXIT_HALT (requested by the image)',
  '  link plan exit: symbols + LIBEXIT_HALT',
  '  link plan exit: symbols - LIBEXIT_SEMIHOST',
  '  link plan exit: sources + lib/exit/halt.c',
  '  link plan exit: sources - lib/exit/semihost.c',
  'image gone: removed (raspberry-pi-3b-plus)',
  'image new: added (ultra96-v2)',
];

t.test('GIVEN two assemblies WHEN kiln diff compares them THEN it lists what changed, line by line, with no noise', async (t) => {
  const before = join(tempDir(), 'before');
  const after = join(tempDir(), 'after');
  t.equal((await kiln(['synth', 'test/fixtures/diff/before.yaml', '-o', before])).code, 0);
  t.equal((await kiln(['synth', 'test/fixtures/diff/after.yaml', '-o', after])).code, 0);
  const r = await kiln(['diff', before, after]);
  t.equal(r.code, 0, `without --fail a difference is not a failure (${r.stderr})`);
  t.same(r.stdout.trimEnd().split('\n'), EXPECTED);
  t.match(r.stderr, /3 images differ/);
  const gate = await kiln(['diff', before, after, '--fail']);
  t.equal(gate.code, 1, '--fail: non-zero when anything differs');
  const self = await kiln(['diff', before, before, '--fail']);
  t.equal(self.code, 0, 'an assembly against itself: no differences');
  t.equal(self.stdout, '');
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
