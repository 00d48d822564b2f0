// SPDX-License-Identifier: MIT
// Schedulers: the ping-pong workload as cooperative threads, and the same
// workload as an event loop with no scheduler, on every board.
import t from 'tap';
import { BOARDS, boot, buildProgram } from './os-support.ts';

t.test('GIVEN ping-pong built with CooperativeScheduler and with NoScheduler on every board', async (t) => {
  const out = await buildProgram('test/fixtures/programs/os-threads.ts');
  for (const b of BOARDS) {
    t.test(`WHEN pingpong-threads-${b} boots THEN two threads alternate for 1000 rounds`, async (t) => {
      const r = await boot(out, `pingpong-threads-${b}`);
      t.equal(r.status, 0, `exit status 0\n${r.output}`);
      t.match(r.output, /pingpong: 1000 rounds between two threads/);
      t.match(r.output, /pingpong: thread ping used \d+ bytes of stack/, 'stack high-water of each thread');
      t.match(r.output, /pingpong: threads: 1000 rounds \(ping 500, pong 500\), 9 pauses, 0 out of turn/);
      t.match(r.output, /^pingpong: ok\r?$/m);
    });
    t.test(`WHEN pingpong-events-${b} boots THEN the same workload runs as events`, async (t) => {
      const r = await boot(out, `pingpong-events-${b}`);
      t.equal(r.status, 0, `exit status 0\n${r.output}`);
      t.match(r.output, /pingpong: 1000 rounds between two events/);
      t.match(r.output, /pingpong: the loop ran 1001 events/);
      t.match(r.output, /pingpong: events: 1000 rounds \(ping 500, pong 500\), 9 pauses, 0 out of turn/);
      t.match(r.output, /^pingpong: ok\r?$/m);
    });
  }
});
