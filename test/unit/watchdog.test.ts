// SPDX-License-Identifier: MIT
/**
 * The test watchdog stops a child by its silence, not by the clock: a
 * child that keeps printing outlives the limit, a silent one does not.
 */
import t from 'tap';
import { command } from '../helpers/cli.ts';
import { loadFactor, patience, waitForOutput } from '../helpers/watchdog.ts';

const node = process.execPath;

t.test('GIVEN a child that prints every 100 ms for 1.5 s WHEN its silence limit is 400 ms THEN it runs to its end', async (t) => {
  const r = await command([node, '-e', 'let n = 0; const i = setInterval(() => { console.log(n++); if (n === 15) { clearInterval(i); } }, 100)'], { cwd: process.cwd(), timeoutMs: 400 });
  t.equal(r.code, 0, r.stderr);
  t.equal(r.stdout.trim().split('\n').length, 15, 'all 15 lines: the limit counts silence, not time');
});

t.test('GIVEN a child that prints once and then hangs WHEN its silence limit is 400 ms THEN it is stopped and says why', async (t) => {
  const r = await command([node, '-e', 'console.log("up"); setInterval(() => {}, 1000)'], { cwd: process.cwd(), timeoutMs: 400 });
  t.not(r.code, 0);
  t.match(r.stdout, /up/);
  t.match(r.stderr, /\[test watchdog: stopped after \d+ ms without output\]/);
  t.ok(r.ms < patience(400) + 10_000, `stopped after ${r.ms} ms`);
});

t.test('GIVEN the machine load WHEN a limit is scaled THEN it never shrinks', async (t) => {
  t.ok(loadFactor() >= 1);
  t.ok(patience(1000) >= 1000);
});

t.test('GIVEN a growing capture WHEN waiting for a line THEN it waits while the text grows and gives up once it stalls', async (t) => {
  let text = '';
  const grow = setInterval(() => { text += '.'; }, 50);
  setTimeout(() => { text += 'ready'; clearInterval(grow); }, 600);
  t.ok(await waitForOutput(() => text, /ready/, 200), 'found after 600 ms of growth, beyond the 200 ms silence limit');
  t.notOk(await waitForOutput(() => text, /never/, 200), 'a stalled capture gives up');
  t.notOk(await waitForOutput(() => text, /never/, 60_000, () => true), 'an ended process gives up at once');
});
