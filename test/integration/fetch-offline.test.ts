// SPDX-License-Identifier: MIT
// The fetch step: `kiln fetch FILE` prepares the cache, then `kiln build`
// works with the network unplugged (a network namespace of its own, no
// interfaces up); on a fresh cache without network the build says which
// package it could not fetch and how to get it.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/cli.ts';

/** Runs kiln, optionally in a network namespace with no network, with XDG_CACHE_HOME set. */
function kilnWith(args: string[], opts: { cacheHome: string; offline: boolean }) {
  const command = [process.execPath, join(ROOT, 'bin/kiln.js'), ...args];
  const [file, ...rest] = opts.offline ? ['unshare', '--net', ...command] : command;
  const r = spawnSync(file, rest, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true', XDG_CACHE_HOME: opts.cacheHome }, timeout: 900_000 });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

t.test('GIVEN a fresh cache and no network WHEN kiln build runs THEN it names the package it could not fetch and how to get it', async (t) => {
  const cacheHome = tempDir('kiln-cache-');
  const r = kilnWith(['build', 'examples/lua/image.ts', '-o', join(tempDir(), 'out'), '--no-typecheck'], { cacheHome, offline: true });
  t.equal(r.code, 1, 'a user error, not a crash');
  t.match(r.stderr, /could not fetch lua5\.4 5\.4\.4-3\+deb12u1, the Debian source package library "liblua" builds from/);
  t.match(r.stderr, /run "kiln fetch <your image\.ts or spec>" on a machine where it is/);
});

t.test('GIVEN kiln fetch ran WHEN kiln build runs with the network unplugged THEN it builds', async (t) => {
  const cacheHome = tempDir('kiln-cache-');
  const out = join(tempDir(), 'out');
  const fetched = kilnWith(['fetch', 'examples/lua/image.ts', '-o', out, '--no-typecheck'], { cacheHome, offline: false });
  t.equal(fetched.code, 0, `kiln fetch succeeds\n${fetched.stderr}`);
  t.match(fetched.stdout, /lua5\.4 5\.4\.4-3\+deb12u1 \(liblua\): in /);
  const built = kilnWith(['build', 'examples/lua/image.ts', '-o', out, '--no-typecheck', '--quiet'], { cacheHome, offline: true });
  t.equal(built.code, 0, `kiln build succeeds offline\n${built.stderr}`);
  t.notMatch(built.stderr, /fetching/, 'nothing fetched by the build');
});
