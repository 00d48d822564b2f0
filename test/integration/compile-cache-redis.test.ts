// SPDX-License-Identifier: MIT
// The compile cache in a Redis server (kiln build --cache redis://...), as
// build machines and CI runs would share it: a redis-server this test
// starts on 127.0.0.1 and stops. A second build in another folder compiles
// nothing, as the cache's own counters say; a changed compiler flag
// (-O2 for -Os) is a different key, so nothing stale is ever taken.
import t from 'tap';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';
import { patience } from '../helpers/watchdog.ts';
import { freePort } from './net-support.ts';

/** The counts `kiln build` printed: [answered, total, compiled]. */
function counts(stderr: string): number[] | undefined {
  const m = /compile cache .*: (\d+) of (\d+) compiles answered, (\d+) compiled/.exec(stderr);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function spec(dir: string, name: string, optimize: 'SIZE' | 'SPEED'): string {
  const file = join(dir, name);
  writeFileSync(file, [
    'version: 1',
    'images:',
    '  - id: hello',
    '    board: qemu-virt',
    '    applications: [{ kind: hello }]',
    `    config: { LIBTOOLCHAIN_OPTIMIZE_${optimize}: true }`,
    '',
  ].join('\n'));
  return file;
}

t.test('GIVEN a redis-server on 127.0.0.1 as the compile cache', async (t) => {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => { server.kill('SIGTERM'); });
  let log = '';
  server.stdout.setEncoding('utf8').on('data', (d: string) => { log += d; });
  // Ready when it says so; an early exit (port taken, no binary) fails here, not in the builds.
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), patience(30_000));
    server.stdout.on('data', () => { if (/Ready to accept connections/.test(log)) { clearTimeout(timer); resolve(true); } });
    server.on('exit', () => { clearTimeout(timer); resolve(false); });
  });
  t.ok(ready, `redis-server is listening on 127.0.0.1:${port}`);
  if (!ready) {
    t.comment(log);
    return;
  }
  const cache = `redis://127.0.0.1:${port}`;
  const dir = tempDir('kiln-redis-cache-');
  const small = spec(dir, 'small.yaml', 'SIZE');
  const fast = spec(dir, 'fast.yaml', 'SPEED');

  const first = await kiln(['build', small, '-o', join(dir, 'a'), '--cache', cache]);
  t.equal(first.code, 0, 'the first build succeeds');
  const c1 = counts(first.stderr);
  t.ok(c1 && c1[0] === 0 && c1[2] > 0, `THEN the first build compiles everything into the empty cache: ${c1}`);
  const keys = Number(spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'dbsize'], { encoding: 'utf8' }).stdout.trim());
  t.ok(keys > 0, `THEN the server holds the objects (${keys} keys)`);

  const second = await kiln(['build', small, '-o', join(dir, 'b'), '--cache', cache]);
  const c2 = counts(second.stderr);
  t.equal(second.code, 0, 'the second build succeeds');
  t.ok(c2 && c2[2] === 0 && c2[0] === c1?.[1], `THEN a second build in another folder compiles nothing: ${c2}`);

  const changed = await kiln(['build', fast, '-o', join(dir, 'c'), '--cache', cache]);
  const c3 = counts(changed.stderr);
  t.equal(changed.code, 0, 'the -O2 build succeeds');
  t.ok(c3 && c3[2] > 0, `THEN a changed flag (-O2 for -Os) compiles again rather than take the -Os objects: ${c3}`);
});
