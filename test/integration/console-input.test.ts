// SPDX-License-Identifier: MIT
// The guest console's end of file and kiln run's timeout (issue 19): a Lua
// image reads its standard input to the end (io.read 'l', 'L', 'a', and
// again at the end) from `kiln run --stdin FILE`, from a pipe, and from
// nothing, and prints what the host's lua5.4 prints for the same input,
// every byte value included (CR, Ctrl-D and Ctrl-V arrive as data). A
// guest that waits for input that never comes is stopped by the timeout,
// with status 124 and a message that says how to change it.
import t from 'tap';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';
import { runHost, splitGuestOutput } from '../fixtures/posix/guest.ts';
import { patience } from '../helpers/watchdog.ts';

const SCRIPT = join(ROOT, 'test/fixtures/posix/lua/stdin.lua');

/** Input with every byte value, lines ending in CR LF and LF, and no newline at its end. */
function sampleInput(): Buffer {
  const bytes: number[] = [...Buffer.from('line one\r\nline two\nsome\x04ctrl\x16bytes\rhere\n')];
  let state = 12345;
  for (let i = 0; i < 20_000; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes.push(i < 256 ? i : state >>> 24);
  }
  bytes.push(...Buffer.from('\nthe end, without a newline'));
  return Buffer.from(bytes);
}

/** `kiln run` with @p input written to its standard input through a pipe (left open when undefined). */
function kilnRunPiped(args: readonly string[], input: Buffer | undefined): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/kiln.js'), 'run', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('latin1'); });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.stdin.on('error', () => {});
    // A guest that never ends is kiln run's to stop (its --timeout); this only catches a hung kiln, scaled by load.
    const guard = setTimeout(() => child.kill('SIGKILL'), patience(180_000));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - started });
    });
    if (input) child.stdin.end(input);
  });
}

t.test('the console reaches end of file, and kiln run stops guests that do not end', async (t) => {
  const dir = tempDir();
  const out = join(dir, 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/console-input.ts', '-o', out], { timeoutMs: 400_000 });
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);
  const image = join(out, 'lua-stdin');
  const input = sampleInput();
  const inputFile = join(dir, 'input.bin');
  writeFileSync(inputFile, input);
  const emptyFile = join(dir, 'empty.txt');
  writeFileSync(emptyFile, '');

  const hostOf = async (data: Buffer) => {
    const file = join(dir, 'host-input.bin');
    writeFileSync(file, data);
    const r = await runHost('sh', ['-c', `exec lua5.4 "$0" < "$1"`, SCRIPT, file]);
    t.equal(r.code, 0, `the host's lua5.4 reads it (stderr: ${r.stderr})`);
    return r.stdout;
  };
  const host = await hostOf(input);
  const hostEmpty = await hostOf(Buffer.alloc(0));
  t.match(host, /^rest\t\d+\tbytes/m, 'the host read the input');

  t.test('GIVEN kiln run --stdin FILE WHEN the guest reads it all THEN io.read returns, with every byte', async (t) => {
    const r = await kiln(['run', image, '--stdin', inputFile], { timeoutMs: 120_000 });
    t.equal(r.code, 0, `exit status 0 (stderr: ${r.stderr.slice(-500)})`);
    t.equal(splitGuestOutput(r.stdout).program.trimEnd(), host.trimEnd(), 'the same as lua5.4 < FILE');
  });

  t.test('GIVEN the input on a pipe THEN the guest gets it and then end of file', async (t) => {
    const r = await kilnRunPiped([image], input);
    t.equal(r.code, 0, `exit status 0 (stderr: ${r.stderr.slice(-500)})`);
    t.equal(splitGuestOutput(r.stdout).program.trimEnd(), host.trimEnd(), 'the same as lua5.4 reading the pipe');
  });

  t.test('GIVEN an empty input THEN the guest reads end of file at once', async (t) => {
    const r = await kiln(['run', image, '--stdin', emptyFile], { timeoutMs: 120_000 });
    t.equal(r.code, 0, 'exit status 0');
    t.equal(splitGuestOutput(r.stdout).program.trimEnd(), hostEmpty.trimEnd(), 'the same as lua5.4 < /dev/null');
  });

  t.test('GIVEN --stdin names no file THEN kiln says so and runs nothing', async (t) => {
    const r = await kiln(['run', image, '--stdin', join(dir, 'missing.txt')]);
    t.equal(r.code, 1, 'exit status 1, the user\'s input');
    t.match(r.stderr, /cannot read .*missing\.txt, the input given to the guest/);
  });

  t.test('GIVEN a guest waiting for input that never ends WHEN the timeout passes THEN kiln stops it: status 124 and why', async (t) => {
    // The pipe stays open: no end of file ever comes, the guest polls its UART.
    const r = await kilnRunPiped([image, '--timeout', '3'], undefined);
    t.equal(r.code, 124, 'exit status 124');
    t.match(r.stderr, /kiln run: the guest was still running after 3 s \(the --timeout\); QEMU stopped, status 124\. Give more time with --timeout SEC, or none with --timeout 0/);
    // Its start takes most of the time on a loaded machine; status 124 and the line say kiln's timer stopped it.
    t.comment(`kiln run ended ${Math.round(r.ms)} ms after it started`);
  });

  t.test('GIVEN --timeout 0 THEN there is no timeout', async (t) => {
    const r = await kiln(['run', image, '--stdin', emptyFile, '--timeout', '0'], { timeoutMs: 120_000 });
    t.equal(r.code, 0, 'the run ends with the guest');
  });
});
