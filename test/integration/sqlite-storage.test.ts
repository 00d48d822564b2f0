// SPDX-License-Identifier: MIT
// SQLite's storage in the RAM file system (issue 19), on QEMU virt:
// - a database grows, 4 MiB per transaction, until the 128 MiB board's
//   heap is full: the RAM file system keeps files in pages, so the
//   database reaches most of RAM (92 MiB; a buffer doubled by realloc
//   stopped at 60 MiB on this board), SQLite reports "database or disk is
//   full" and what fitted stays intact;
// - a database is created, every row rewritten in one transaction, half
//   deleted and the rest VACUUMed, printing the same checks as the host's
//   sqlite3 on the same SQL, at CI_REWRITE_MIB (64 MiB), the same image
//   booted with 256 MiB of RAM (it reads its RAM from the device tree).
// The image reads its SQL from the console (script '-'): one link of SQLite. bench/sqlite-storage.ts times it against the host
//   and measures the largest database on 128 and 256 MiB.
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';
import { memoryFigures, runGuest, runHost, splitGuestOutput } from '../fixtures/posix/guest.ts';
import { CI_REWRITE_MIB, fillSql, rewriteSql } from '../fixtures/posix/sqlite/storage.ts';

const MiB = 1024 * 1024;

t.test('SQLite storage on QEMU virt', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/sqlite-storage.ts', '-o', out], { timeoutMs: 900_000 });
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);

  await t.test('GIVEN 128 MiB of RAM WHEN a database grows until it is full THEN it reaches most of RAM and stays intact', async (t) => {
    const run = await runGuest(join(out, 'sqlite-storage'), { timeoutMs: 120_000, input: fillSql(40) });
    const guest = splitGuestOutput(run.output);
    const lines = guest.program.trimEnd().split('\n');
    const errors = lines.filter((l) => l.startsWith('Runtime error') || l.startsWith('Parse error'));
    t.ok(errors.length > 0, 'the file system filled up');
    t.same(errors.filter((l) => !/: database or disk is full \(13\)$/.test(l)), [], 'the only errors are "database or disk is full"');
    const bytes = Number(lines[lines.length - 2]);
    t.equal(lines[lines.length - 1], 'ok', 'integrity_check passes on what fitted');
    t.ok(bytes > 0.65 * 128 * MiB, `the database reached ${(bytes / MiB).toFixed(1)} MiB of the board's 128 MiB`);
    const memory = memoryFigures(guest.kiln);
    t.comment(`largest database in 128 MiB: ${bytes} bytes (${(bytes / MiB).toFixed(1)} MiB); heap peak ${memory?.heapPeak} bytes`);
  });

  await t.test(`GIVEN a ${CI_REWRITE_MIB} MiB database WHEN it is rewritten and VACUUMed THEN it prints what sqlite3 prints`, async (t) => {
    const sql = rewriteSql(CI_REWRITE_MIB);
    const dir = mkdtempSync(join(tmpdir(), 'kiln-sqlite-storage-'));
    const host = await runHost('sqlite3', [join(dir, 'big.db')], { input: sql });
    t.equal(host.code, 0, `the host's sqlite3 runs it (stderr: ${host.stderr})`);
    const run = await runGuest(join(out, 'sqlite-storage'), { timeoutMs: 300_000, input: sql, qemuArgs: ['-m', '256M'] });
    const guest = splitGuestOutput(run.output);
    t.equal(run.status, 0, 'exit status 0');
    t.equal(guest.program.trimEnd(), host.stdout.trimEnd(), 'the same lines');
    const rows = CI_REWRITE_MIB * 256;
    const half = rows / 2;
    t.match(guest.program, new RegExp(`^created\\n${rows}\\|${(rows * (rows + 1)) / 2}\\|${CI_REWRITE_MIB}\\n`, 'm'), 'created: every row, at the size asked');
    t.match(guest.program, new RegExp(`^rewritten\\n${rows}\\|${(3 * rows * (rows + 1)) / 2 + rows}\\|`, 'm'), 'rewritten: every row has its new value');
    t.match(guest.program, new RegExp(`^vacuumed\\n${half}\\|${3 * half * half + half}\\|${CI_REWRITE_MIB / 2}\\nok$`, 'm'), 'vacuumed: half the rows in half the space, intact');
    const timing = guest.kiln.map((l) => /^kiln: sqlite: script ran in (\d+) ticks of a (\d+) Hz counter/.exec(l)).find(Boolean);
    const memory = memoryFigures(guest.kiln);
    t.ok(timing, 'the runner reports its time');
    t.comment(`${CI_REWRITE_MIB} MiB create, rewrite, VACUUM: ${timing ? (Number(timing[1]) / Number(timing[2])).toFixed(1) : '?'} s of guest time; `
      + `host sqlite3 ${(host.ms / 1000).toFixed(2)} s; heap peak ${memory?.heapPeak} bytes`);
  });
});
