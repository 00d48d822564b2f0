// SPDX-License-Identifier: MIT
// Redis end to end (issue 17): Debian's Redis 7.0.15, built by the Redis
// construct (2 MiB maxmemory, allkeys-lru), boots on QEMU virt; QEMU's
// user networking forwards a port of the host's 127.0.0.1 to it, and the
// host's redis-cli (Debian's redis-tools) talks to it. One image is built
// for the whole file. Every client talks to 127.0.0.1 only, with bounded
// request counts; the QEMU run is bounded and stopped by the test.
import t from 'tap';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/cli.ts';
import { freePort, stopServer } from './net-support.ts';
import { patience, waitForOutput } from '../helpers/watchdog.ts';

const out = join(tempDir(), 'kiln.out');
const MAXMEMORY = 2 * 1024 * 1024;

t.before(async () => {
  const build = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/kiln.js'), 'build', 'test/fixtures/programs/redis.ts', '-o', out, '--sizes'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' },
    });
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { t.comment(d.trimEnd()); });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGTERM'), patience(900_000));
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
  });
  if (build.code !== 0) throw new Error(`kiln build failed:\n${build.stderr}`);
});

/** Boots the image with `kiln run --forward` and waits for Redis's ready line. */
async function boot(port: number): Promise<{ child: ChildProcess; console: () => string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/kiln.js'), 'run', join(out, 'redis'), '--forward', `${port}:6379`, '--timeout', String(Math.round(patience(150_000) / 1000))], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' },
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { output += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { output += d; });
  if (!(await waitForOutput(() => output, /Ready to accept connections/, 30_000, () => child.exitCode !== null))) {
    await stopServer(child);
    throw new Error(`no ready line; console:\n${output}`);
  }
  return { child, console: () => output };
}

t.test('Redis on QEMU virt', async (t) => {
  const port = await freePort();
  const server = await boot(port);
  t.teardown(() => stopServer(server.child));
  /** One redis-cli command; its reply as redis-cli prints it, without the last newline. */
  const cli = (args: readonly string[], input?: string) => new Promise<string>((resolve, reject) => {
    const child = execFile('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...(input !== undefined ? ['-x'] : []), ...args], { timeout: patience(20_000), maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`redis-cli ${args.join(' ')}: ${err.message} ${stderr}`));
      else resolve(stdout.replace(/\n$/, ''));
    });
    if (input !== undefined) child.stdin!.end(input);
  });
  const info = async (section: string) => Object.fromEntries((await cli(['INFO', section])).split(/\r?\n/).filter((l) => l.includes(':')).map((l) => l.split(':', 2) as [string, string]));

  t.match(server.console(), /Redis version=7\.0\.15/, 'Debian\'s Redis 7.0.15 starts');
  t.match(server.console(), /Running mode=standalone, port=6379/, 'on the construct\'s port');

  await t.test('GIVEN strings, counters and lists WHEN redis-cli sets and reads them THEN Redis answers as it does on Linux', async (t) => {
    t.equal(await cli(['SET', 'greeting', 'hello kiln']), 'OK');
    t.equal(await cli(['GET', 'greeting']), 'hello kiln');
    t.equal(await cli(['INCR', 'counter']), '1');
    t.equal(await cli(['INCRBY', 'counter', '41']), '42');
    t.equal(await cli(['LPUSH', 'list', 'c', 'b', 'a']), '3');
    t.equal(await cli(['LRANGE', 'list', '0', '-1']), 'a\nb\nc', 'LPUSH puts each at the head');
    t.equal(await cli(['EVAL', "return redis.call('GET', KEYS[1]) .. ' / ' .. cjson.encode({1, 2})", '1', 'greeting']), 'hello kiln / [1,2]', 'Lua scripting with cjson');
  });

  await t.test('GIVEN a key with EXPIRE WHEN its time passes THEN it is gone', async (t) => {
    t.equal(await cli(['SET', 'ephemeral', 'soon gone']), 'OK');
    t.equal(await cli(['EXPIRE', 'ephemeral', '1']), '1');
    const ttl = Number(await cli(['PTTL', 'ephemeral']));
    t.ok(ttl > 0 && ttl <= 1000, `PTTL counts down from 1000 ms (${ttl})`);
    let gone = false;
    for (let i = 0; i < 40 && !gone; i++) {
      await new Promise((r) => setTimeout(r, 250));
      gone = (await cli(['EXISTS', 'ephemeral'])) === '0';
    }
    t.ok(gone, 'the key expired');
    t.equal(await cli(['TTL', 'ephemeral']), '-2', 'TTL says it does not exist');
    t.equal(await cli(['GET', 'greeting']), 'hello kiln', 'a key without expiry stays');
  });

  await t.test('GIVEN the construct\'s maxmemory WHEN CONFIG GET reads it THEN it is the construct\'s value', async (t) => {
    t.equal(await cli(['CONFIG', 'GET', 'maxmemory']), `maxmemory\n${MAXMEMORY}`);
    t.equal(await cli(['CONFIG', 'GET', 'maxmemory-policy']), 'maxmemory-policy\nallkeys-lru');
    t.equal(await cli(['CONFIG', 'GET', 'save']), 'save\n', 'no RDB snapshots');
    t.equal(await cli(['CONFIG', 'GET', 'appendonly']), 'appendonly\nno', 'no AOF');
  });

  await t.test('GIVEN allkeys-lru WHEN twice maxmemory is written THEN old keys are evicted and the newest stay', async (t) => {
    const value = 'x'.repeat(100_000);
    const keys = 40;
    for (let i = 1; i <= keys; i++) t.equal(await cli(['SET', `big:${i}`], value), 'OK', `SET big:${i} is accepted`);
    const stats = await info('stats');
    const memory = await info('memory');
    t.ok(Number(stats.evicted_keys) > 0, `keys were evicted (${stats.evicted_keys})`);
    t.ok(Number(memory.used_memory) <= MAXMEMORY, `used_memory ${memory.used_memory} stays under maxmemory`);
    t.equal(await cli(['EXISTS', 'big:1']), '0', 'the least recently used key went first');
    t.equal(await cli(['STRLEN', `big:${keys}`]), String(value.length), 'the last written key is whole');
  });

  await t.test('GIVEN no fork() WHEN BGSAVE is asked THEN it answers an error and the server goes on', async (t) => {
    t.equal(await cli(['SET', 'before-bgsave', 'kept']), 'OK');
    const reply = await cli(['BGSAVE']);
    t.match(reply, /^ERR/, `BGSAVE fails (${JSON.stringify(reply)})`);
    t.ok(await waitForOutput(server.console, /Can't save in background: fork: Function not implemented/, 10_000), 'Redis logs why');
    t.equal(await cli(['PING']), 'PONG', 'the server still answers');
    t.equal(await cli(['GET', 'before-bgsave']), 'kept', 'with its data');
    t.equal(server.child.exitCode, null, 'and QEMU is still running');
  });

  await t.test('GIVEN the build WHEN its posix-calls.json is read THEN it names what Redis reaches', async (t) => {
    const report = JSON.parse(readFileSync(join(out, 'redis', 'posix-calls.json'), 'utf8')) as { satisfied: string[]; enosys: string[]; missing: string[] };
    for (const call of ['socket', 'accept', 'select', 'getrlimit', 'pthread_mutex_lock']) t.ok(report.satisfied.includes(call), `${call} is Kiln's`);
    for (const call of ['fork', 'waitpid', 'setitimer', 'dlopen']) t.ok(report.enosys.includes(call), `${call} is ENOSYS`);
    t.comment(`satisfied: ${report.satisfied.length}, enosys: ${report.enosys.join(' ')}, missing: ${report.missing.join(' ')}`);
  });
});
