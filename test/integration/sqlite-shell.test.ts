// SPDX-License-Identifier: MIT
// The Sqlite runner against Debian's sqlite3 3.40 shell (issue 19): each
// script of test/fixtures/posix/sqlite/shell-cases.ts is the standard
// input of an image on QEMU virt (script '-') and of the host sqlite3, and the two must
// print the same lines (rows and errors, in order) and end with the same
// status: statements end where sqlite3_complete() says (strings, comments
// and trigger bodies keep their semicolons), errors read "Parse error near
// line N: ..." and "Runtime error near line N: ... (19)", the rest of the
// lines a failed statement came from is skipped, a comment before a
// dot-command swallows nothing, and bail stops at the first error.
import t from 'tap';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';
import { runGuest, splitGuestOutput } from '../fixtures/posix/guest.ts';
import { SHELL_CASES, type ShellCase } from '../fixtures/posix/sqlite/shell-cases.ts';

/**
 * The host shell on the case's script as its standard input, stdout and
 * stderr in one stream in the order it wrote them (unbuffered, as the
 * guest's single console is).
 */
function hostShell(c: ShellCase): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const args = c.bail ? ['-bail'] : [];
    const child = spawn('sh', ['-c', 'exec stdbuf -o0 -e0 sqlite3 "$@" 2>&1', 'sh', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
    child.stdin.end(c.sql);
  });
}

t.test('the Sqlite runner prints what the sqlite3 3.40 shell prints', async (t) => {
  const version = await new Promise<string>((resolve) => {
    const v = spawn('sqlite3', ['--version']);
    let text = '';
    v.stdout.setEncoding('utf8').on('data', (d: string) => { text += d; });
    v.on('close', () => resolve(text));
    v.on('error', () => resolve(''));
  });
  t.match(version, /^3\.40\./, `the host's sqlite3 is 3.40 (${version.trim()})`);

  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/sqlite-shell.ts', '-o', out], { timeoutMs: 600_000 });
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);

  const results = new Map<string, { guest: string; host: string }>();
  for (const c of SHELL_CASES) {
    await t.test(`GIVEN the script ${c.id}${c.bail ? ' with bail' : ''} WHEN it runs in the image and in sqlite3 THEN both print the same`, async (t) => {
      const host = await hostShell(c);
      const run = await runGuest(join(out, c.bail ? 'sqlite-shell-bail' : 'sqlite-shell'), { timeoutMs: 60_000, input: c.sql });
      const guest = splitGuestOutput(run.output);
      t.same(guest.kiln, [], 'Kiln printed nothing of its own');
      t.equal(guest.program.trimEnd(), host.output.trimEnd(), 'the same lines, errors included, in the same order');
      t.equal(run.status, host.code, `the same exit status (${host.code})`);
      results.set(c.id, { guest: guest.program, host: host.output });
    });
  }

  t.test('GIVEN the trigger whose body has a syntax error THEN the ROLLBACK undoes the insert: 0 rows, as on the host', async (t) => {
    const r = results.get('sql-trigger-rollback');
    t.ok(r, 'the case ran');
    const lines = r?.guest.split('\n') ?? [];
    t.match(lines[0], /^Parse error near line 4: near "SELEC": syntax error$/, 'the error names the line the CREATE TRIGGER starts on');
    t.equal(lines.find((l) => /^\d+$/.test(l)), '0', 'count(*) after the ROLLBACK is 0');
    t.notMatch(r?.guest ?? '', /cannot rollback|no transaction/, 'the ROLLBACK found its transaction (END; did not run as COMMIT)');
  });

  t.test('GIVEN a comment line before a dot-command THEN the command runs and the statement after it too', async (t) => {
    const r = results.get('sql-comment-dot');
    t.match(r?.guest ?? '', /^x\n1\nafter the block comment\n2\n/, 'headers on, the row, the .print, headers off, the next row');
  });

  t.test('GIVEN errors THEN they read as the shell\'s', async (t) => {
    const r = results.get('sql-errors')?.guest ?? '';
    t.match(r, /^Parse error near line 3: near "SELEC": syntax error\n {2}SELEC 1;\n {2}\^--- error here$/m, 'a parse error, with the text and where');
    t.match(r, /^Runtime error near line 4: UNIQUE constraint failed: e\.b \(19\)$/m, 'a runtime error with its code');
    t.match(r, /^1\nParse error near line 8: near "SELEC": syntax error$/m, 'the statement before the error on its line ran');
    t.notMatch(r, /^3$/m, 'the statement after the error on its line did not');
    t.notMatch(r, /skipped/, 'nor after a runtime error');
    t.match(r, /^1\n\[2\]\nRuntime error near line 11: malformed JSON$/m, 'rows before a runtime error are printed');
  });

  t.test('GIVEN bail THEN the first error ends the script with status 1', async (t) => {
    t.equal(results.get('sql-bail')?.guest.trimEnd(), '1\nRuntime error near line 4: UNIQUE constraint failed: b.x (19)', 'nothing after the error');
    t.notMatch(results.get('sql-bail-command')?.guest ?? '', /^4$/m, '.bail yes after an earlier error stops there, as the shell does');
  });
});
