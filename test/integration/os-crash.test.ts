// SPDX-License-Identifier: MIT
// Crash reports: a null dereference and a write to .text each end in a
// report naming the fault, and a failure exit, within 5 seconds; a thread
// that overflows its stack hits its guard page.
import t from 'tap';
import { BOARDS, boot, buildProgram } from './os-support.ts';
import { patience } from '../helpers/watchdog.ts';

/** The crash status (LIBARM64_CRASH_STATUS's default). */
const CRASH_STATUS = 134;

t.test('GIVEN images that fault on purpose on every board', async (t) => {
  const out = await buildProgram('test/fixtures/programs/os-crash.ts');
  for (const b of BOARDS) {
    t.test(`WHEN crash-null-${b} reads through a null pointer THEN it reports a translation fault at address 0 and exits ${CRASH_STATUS}`, async (t) => {
      const r = await boot(out, `crash-null-${b}`);
      t.equal(r.status, CRASH_STATUS, `exit status\n${r.output}`);
      t.ok(r.ms < patience(5000), `ended in ${r.ms} ms`);
      t.match(r.output, /kiln: crash: data abort \(EC 0x25\) at 0x[0-9a-f]{16}/);
      t.match(r.output, /kiln: crash: {3}translation fault \(nothing mapped there\), level \d on a read/);
      t.match(r.output, /fault address 0x0000000000000000: a null pointer/);
      t.match(r.output, /kiln: crash: x28 0x[0-9a-f]{16} {2}x29 0x[0-9a-f]{16} {2}x30 0x[0-9a-f]{16} {2}sp 0x[0-9a-f]{16}/, 'registers x0-x30 and sp');
      t.match(r.output, /ESR 0x[0-9a-f]{8} {2}ISS 0x[0-9a-f]+ {2}ELR 0x[0-9a-f]{16} {2}SPSR 0x[0-9a-f]{8} {2}FAR 0x0{16}/);
      t.notMatch(r.output, /survived/);
    });
    t.test(`WHEN crash-text-${b} writes to its own code THEN it reports a permission fault on a write and exits ${CRASH_STATUS}`, async (t) => {
      const r = await boot(out, `crash-text-${b}`);
      t.equal(r.status, CRASH_STATUS, `exit status\n${r.output}`);
      t.ok(r.ms < patience(5000), `ended in ${r.ms} ms`);
      t.match(r.output, /kiln: crash: data abort \(EC 0x25\)/);
      t.match(r.output, /kiln: crash: {3}permission fault, level 3 on a write/);
      t.match(r.output, /kiln: crash: exiting with status 134/);
      t.notMatch(r.output, /survived/);
    });
    t.test(`WHEN a thread of crash-thread-${b} overflows its stack THEN the guard page catches it and the report names the thread`, async (t) => {
      const r = await boot(out, `crash-thread-${b}`);
      t.equal(r.status, CRASH_STATUS, `exit status\n${r.output}`);
      t.ok(r.ms < patience(5000), `ended in ${r.ms} ms`);
      t.match(r.output, /translation fault \(nothing mapped there\), level 3 on a write/);
      t.match(r.output, /the guard page below the stack of thread diver: stack overflow/);
      t.notMatch(r.output, /came back/);
    });
  }
});
