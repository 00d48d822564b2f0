// SPDX-License-Identifier: MIT
// SQLite from Debian's sqlite3 source (separate sources, generated parser),
// unmodified, in Kiln images on QEMU virt and the Raspberry Pi 3 B+: the
// shop workload (10,000 rows inserted in a transaction, joins, aggregates,
// index queries) against a database file in the RAM file system must print
// exactly what the host's sqlite3 prints for the same SQL, without ENOSYS.
import t from 'tap';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePosixCallsReport } from '../../synth/report/posix-calls.ts';
import { kiln, tempDir } from '../helpers/cli.ts';
import { longForm } from '../helpers/depth.ts';
import { enosysNotices, memoryFigures, runGuest, runHost, splitGuestOutput } from '../fixtures/posix/guest.ts';
import { COUNTS, workloadSql } from '../fixtures/posix/sqlite/workload.ts';

// The Pi's image in the long form only (npm run test:long), as the fixture builds it.
const IMAGES = [
  { id: 'sqlite-virt', board: 'QEMU virt' },
  ...(longForm() ? [{ id: 'sqlite-rpi3', board: 'Raspberry Pi 3 B+' }] : []),
];

/** The runner's timing line: ticks from opening the database to closing it. */
function scriptTicks(kilnLines: readonly string[]): { ticks: number; hz: number } | undefined {
  for (const l of kilnLines) {
    const m = /^kiln: sqlite: script ran in (\d+) ticks of a (\d+) Hz counter/.exec(l);
    if (m) return { ticks: Number(m[1]), hz: Number(m[2]) };
  }
  return undefined;
}

t.test(`the SQLite workload on ${IMAGES.map((i) => i.board).join(' and ')}`, async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/posix-sqlite.ts', '-o', out], { timeoutMs: 400_000 });
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);

  const sql = workloadSql();
  t.equal(sql.match(/^INSERT INTO orders VALUES/gm)?.length, COUNTS.orders, `the workload inserts ${COUNTS.orders} orders`);
  // The host's sqlite3 on a database file, as the image has one; the best of three runs for its time.
  const hostRuns = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-sqlite-host-'));
    hostRuns.push(await runHost('sqlite3', [join(dir, 'shop.db')], { input: sql }));
  }
  const host = hostRuns[0];
  t.equal(host.code, 0, `the host's sqlite3 runs the workload (stderr: ${host.stderr})`);
  t.match(host.stdout, /^ok$/m, 'its integrity check passes');
  const hostMs = Math.min(...hostRuns.map((r) => r.ms));

  for (const image of IMAGES) {
    t.test(`GIVEN the SQLite image for ${image.board} WHEN it boots THEN it prints what sqlite3 prints`, async (t) => {
      const dir = join(out, image.id);
      const run = await runGuest(dir, { timeoutMs: 90_000 });
      const guest = splitGuestOutput(run.output);
      t.equal(run.status, 0, 'exit status 0');
      t.equal(guest.program.trimEnd(), host.stdout.trimEnd(), 'the same output, line for line');
      t.same(enosysNotices(guest.kiln), [], 'no call failed with ENOSYS');

      const calls = writePosixCallsReport(dir);
      t.same(calls.application, ['libsqlite', 'sqlite'], 'the application is SQLite and its runner');
      for (const name of ['open', 'pread', 'pwrite', 'ftruncate', 'fsync', 'fstat', 'close', 'unlink', 'stat', 'getcwd', 'gettimeofday']) {
        t.ok(calls.satisfied.includes(name), `${name} is referenced and satisfied`);
      }
      t.same(calls.missing, [], 'nothing is missing');
      t.same(calls.enosys, [], 'nothing it can reach fails with ENOSYS');

      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { artifact: { file: string; bytes: number } };
      const memory = memoryFigures(guest.kiln);
      const timing = scriptTicks(guest.kiln);
      t.ok(memory, 'the memory report is printed');
      t.ok(timing, 'the runner reports its time');
      const guestMs = timing ? (timing.ticks / timing.hz) * 1000 : NaN;
      t.comment(`${image.id}: ${report.artifact.file} ${report.artifact.bytes} bytes; footprint ${memory?.footprint} bytes `
        + `(static ${memory?.static}, stacks ${memory?.stacks} of which boot stack used ${memory?.bootStackUsed}, heap peak ${memory?.heapPeak})`);
      t.comment(`${image.id}: workload ${timing?.ticks} ticks = ${guestMs.toFixed(1)} ms of guest time (QEMU TCG, host clock); `
        + `host sqlite3 ${hostMs.toFixed(1)} ms (whole process, best of 3); ratio ${(guestMs / hostMs).toFixed(2)}`);
    });
  }

  t.test('GIVEN the virt image under -icount shift=0,sleep=off WHEN it runs THEN its time is exact and repeatable', async (t) => {
    const dir = join(out, 'sqlite-virt');
    const ticks: number[] = [];
    for (let i = 0; i < 2; i++) {
      const run = await runGuest(dir, { timeoutMs: 120_000, qemuArgs: ['-icount', 'shift=0,sleep=off'] });
      t.equal(run.status, 0, 'exit status 0');
      const timing = scriptTicks(splitGuestOutput(run.output).kiln);
      if (timing) ticks.push(timing.ticks);
    }
    t.equal(ticks.length, 2, 'both runs report their time');
    t.equal(ticks[0], ticks[1], 'the same number of ticks both times');
    // shift=0: one instruction is one nanosecond of guest time.
    const guestMs = (ticks[0] / 62_500_000) * 1000;
    t.comment(`sqlite-virt under icount: ${ticks[0]} ticks = ${guestMs.toFixed(1)} ms of guest time `
      + `(about ${Math.round(guestMs * 1e6).toLocaleString('en')} instructions); host sqlite3 ${hostMs.toFixed(1)} ms; ratio ${(guestMs / hostMs).toFixed(2)}`);
  });
});
