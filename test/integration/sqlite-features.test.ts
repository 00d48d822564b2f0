// SPDX-License-Identifier: MIT
// SQLite's build options (lib/sqlite/Kconfig, issue 19): FTS5, RTREE,
// JSON, the math functions and dbstat are on by default, and the probes
// of test/fixtures/posix/sqlite/features.ts print in the guest what the
// host's sqlite3 (Debian's, which has them all) prints; PRAGMA
// journal_mode=WAL turns WAL on (the wal-index in the heap, shared by a
// second pager on the same file), not silently staying "delete". With
// every option off (SqliteLibrary), each probe fails with SQLite's own
// "no such module/function/table" and the image is smaller.
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';
import { runGuest, splitGuestOutput } from '../fixtures/posix/guest.ts';
import { FEATURES, FEATURES_SQL } from '../fixtures/posix/sqlite/features.ts';

/** The host's sqlite3 on a database file, stdout and stderr in one stream, in order. */
function hostShell(sql: string): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-sqlite-features-'));
  const db = join(dir, 'features.db');
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', 'exec stdbuf -o0 -e0 sqlite3 "$1" 2>&1', 'sh', db], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
    child.stdin.end(sql.replaceAll("'/features.db'", `'${db}'`));
  });
}

/** The artifact's bytes and the text of the build report. */
function sizes(dir: string): { bytes: number; text: number } {
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { artifact: { bytes: number }; sizes: { totals: { text: number } } };
  return { bytes: report.artifact.bytes, text: report.sizes.totals.text };
}

t.test('SQLite options on QEMU virt', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/sqlite-features.ts', '-o', out], { timeoutMs: 900_000 });
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);
  const host = await hostShell(FEATURES_SQL);
  t.equal(host.code, 0, `the host's sqlite3 runs the probes (${host.output.slice(-500)})`);

  await t.test('GIVEN the default options WHEN the probes run THEN they print what the host sqlite3 prints', async (t) => {
    const run = await runGuest(join(out, 'sqlite-features'), { timeoutMs: 60_000 });
    const guest = splitGuestOutput(run.output);
    t.equal(run.status, 0, 'exit status 0: no probe failed');
    t.equal(guest.program.trimEnd(), host.output.trimEnd(), 'the same lines');
    t.match(guest.program, /^kiln\noven\nfurnace\n/m, 'FTS5: MATCH ranks the documents');
    t.match(guest.program, /^rtree\n1\n2\n/m, 'RTREE: the boxes that overlap the query box');
    t.match(guest.program, /^1\.4142135623731\|1024\.0\|/m, 'math: sqrt and pow');
    t.match(guest.program, /^t\|8\|506\|/m, 'dbstat: pages and cells of table t');
    t.match(guest.program, /^wal\nwal\n3\|6\n3\n4\n/m, 'WAL: journal_mode says wal, and a second pager on the file sees committed rows only');
    t.notMatch(guest.program, /^wal\ndelete\n3/m, 'journal_mode=WAL did not stay delete');
  });

  await t.test('GIVEN every option off WHEN the probes run THEN each feature is missing, with SQLite\'s error', async (t) => {
    const run = await runGuest(join(out, 'sqlite-features-off'), { timeoutMs: 60_000 });
    const guest = splitGuestOutput(run.output);
    t.equal(run.status, 1, 'exit status 1: probes failed');
    for (const f of FEATURES) t.match(guest.program, f.missing, `${f.option} is missing`);
    t.match(guest.program, /^wal\nwal\n/m, 'WAL does not depend on the options');
    const on = sizes(join(out, 'sqlite-features'));
    const off = sizes(join(out, 'sqlite-features-off'));
    t.ok(on.bytes > off.bytes, `the options cost bytes: ${on.bytes} with all, ${off.bytes} without (${on.bytes - off.bytes} bytes, text ${on.text - off.text})`);
    t.comment(`image with every SQLite option: ${on.bytes} bytes (text ${on.text}); without: ${off.bytes} bytes (text ${off.text})`);
  });
});
