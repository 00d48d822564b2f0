// SPDX-License-Identifier: MIT
/**
 * The test watchdog stops a child by its silence, not by the clock: a
 * child that keeps printing outlives the limit, a silent one does not.
 * Driven in-process (pokes on a timer) so that the machine's load cannot
 * change the outcome, only stretch it.
 */
import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadFactor, patience, waitForOutput, watchdog } from '../helpers/watchdog.ts';

t.test('GIVEN a child poked more often than its silence limit WHEN it runs past the limit THEN it is not stopped', async (t) => {
  let stopped = false;
  const dog = watchdog(() => { stopped = true; }, 300);
  const until = performance.now() + 3 * dog.idleMs;
  while (performance.now() < until) {
    dog.poke();
    await sleep(Math.min(50, dog.idleMs / 6));
  }
  dog.stop();
  t.notOk(stopped, `ran ${3 * dog.idleMs} ms, three times its ${dog.idleMs} ms limit, and kept going`);
  t.equal(dog.fired, undefined);
});

t.test('GIVEN a child that goes silent WHEN its limit passes THEN it is stopped, as silent', async (t) => {
  let stopped = false;
  const dog = watchdog(() => { stopped = true; }, 200);
  dog.poke();
  await sleep(dog.idleMs + 200);
  while (!stopped) await sleep(50);
  dog.stop();
  t.equal(dog.fired, 'silent');
});

t.test('GIVEN a stopped watchdog WHEN the child still prints THEN the limit does not start again', async (t) => {
  let stopped = false;
  const dog = watchdog(() => { stopped = true; }, 100);
  dog.stop();
  dog.poke();
  await sleep(dog.idleMs + 200);
  t.notOk(stopped, 'a poke after stop() arms nothing');
  t.equal(dog.fired, undefined);
});

t.test('GIVEN the machine load WHEN a limit is scaled THEN it never shrinks', async (t) => {
  t.ok(loadFactor() >= 1);
  t.ok(patience(1000) >= 1000);
});

t.test('GIVEN a growing capture WHEN waiting for a line THEN it waits while the text grows and gives up once it stalls', async (t) => {
  let text = '';
  const grow = setInterval(() => { text += '.'; }, 20);
  setTimeout(() => { text += 'ready'; clearInterval(grow); }, 3 * patience(200));
  t.ok(await waitForOutput(() => text, /ready/, 200), 'found after growing beyond the silence limit');
  t.notOk(await waitForOutput(() => text, /never/, 200), 'a stalled capture gives up');
  t.notOk(await waitForOutput(() => text, /never/, 60_000, () => true), 'an ended process gives up at once');
});
