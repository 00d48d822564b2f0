// SPDX-License-Identifier: MIT
// Two builds into one assembly folder (issue 18): the second waits for the
// first, saying for whom, and both succeed; a lock left by a dead process
// is taken over; outputs that are not what the build recorded are rebuilt.
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';

function build(outdir: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/kiln.js'), 'build', 'examples/pi/image.yaml', '-o', outdir, '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

t.test('GIVEN two builds into one folder at once WHEN both run THEN one waits for the other and both succeed', async (t) => {
  const outdir = join(tempDir(), 'out');
  const [a, b] = await Promise.all([build(outdir), build(outdir)]);
  t.equal(a.code, 0, `first: ${a.stderr}`);
  t.equal(b.code, 0, `second: ${b.stderr}`);
  t.match(`${a.stderr}\n${b.stderr}`, /kiln: waiting for kiln \(pid \d+\), which is writing /, 'the one that waited said for whom');
  const run = await kiln(['run', join(outdir, 'pi')]);
  t.equal(run.code, 0, 'the result runs');
});

t.test('GIVEN a lock left by a process that is gone WHEN a build runs THEN it takes the lock over', async (t) => {
  const outdir = join(tempDir(), 'out');
  mkdirSync(join(outdir, '.kiln'), { recursive: true });
  writeFileSync(join(outdir, '.kiln/lock'), '999999999\n');
  const r = await build(outdir);
  t.equal(r.code, 0, r.stderr);
  t.notMatch(r.stderr, /waiting/);
});

t.test('GIVEN a built image whose ELF was truncated WHEN built again THEN the ELF and artifact are rebuilt and run', async (t) => {
  const outdir = join(tempDir(), 'out');
  t.equal((await build(outdir)).code, 0);
  truncateSync(join(outdir, 'pi', 'image.elf'), 100);
  const again = await build(outdir);
  t.equal(again.code, 0, again.stderr);
  const run = await kiln(['run', join(outdir, 'pi')]);
  t.equal(run.code, 0, 'the rebuilt image runs');
});
