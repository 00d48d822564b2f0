// SPDX-License-Identifier: MIT
// Upstream sources come from Debian source packages, pinned by SHA-256 and
// cached: the fetch step. (Needs Debian's archive once, as every build of such
// a library does: that is why this test is in the integration tier.)
import t from 'tap';
import { appendFileSync, existsSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { UpstreamPin } from '../../synth/catalog/index.ts';
import { KilnError } from '../../synth/errors.ts';
import { ensureUpstream } from '../../synth/fetch/upstream.ts';
import { tempDir } from '../helpers/cli.ts';

const LUA: UpstreamPin = {
  package: 'lua5.4',
  version: '5.4.4-3+deb12u1',
  sha256: {
    'lua5.4_5.4.4-3+deb12u1.debian.tar.xz': '2d8e0e380722c648cfeffb8d58287865619b4d035544d93d7ef3a2eaf627abe6',
    'lua5.4_5.4.4-3+deb12u1.dsc': 'd47c50154294a68c8a209c5d61bc09e5b22891c01b7c47501ac3f9725eb4a813',
    'lua5.4_5.4.4.orig.tar.gz': '164c7849653b80ae67bec4b7473b884bf5cc8d2dca05653475ec2ed27b9ebf61',
  },
};

t.test('GIVEN a pinned Debian source WHEN ensured THEN it is fetched, verified, unpacked and cached', async (t) => {
  const cache = tempDir();
  const messages: string[] = [];
  const tree = ensureUpstream(LUA, 'lua-test', { cache, onProgress: (m) => messages.push(m) });
  t.equal(tree, join(cache, 'upstream', 'lua5.4_5.4.4-3+deb12u1'), 'unpacked into the user cache');
  t.ok(existsSync(join(tree, 'src/lua.h')), 'lua.h unpacked');
  t.match(readFileSync(join(tree, 'src/lua.h'), 'utf8'), /LUA_VERSION_RELEASE\s+"4"/);
  t.match(messages, [/fetching lua5\.4 5\.4\.4-3\+deb12u1 source/]);
  const again: string[] = [];
  ensureUpstream(LUA, 'lua-test', { cache, onProgress: (m) => again.push(m) });
  t.same(again, [], 'the second time comes from the cache, offline');
});

t.test('GIVEN a wrong pin WHEN ensured THEN it fails naming the file and both hashes, and caches nothing', async (t) => {
  const cache = tempDir();
  const bad: UpstreamPin = { ...LUA, sha256: { ...LUA.sha256, 'lua5.4_5.4.4.orig.tar.gz': '0'.repeat(64) } };
  const err = t.throws(() => ensureUpstream(bad, 'lua-test', { cache })) as KilnError;
  t.ok(KilnError.isKilnError(err));
  t.match(err.problems[0].message, /lua5\.4_5\.4\.4\.orig\.tar\.gz: SHA-256 164c7849\w+, pinned 0{64}/);
  t.notOk(existsSync(join(cache, 'upstream', 'lua5.4_5.4.4-3+deb12u1')), 'nothing unpacked');
});

t.test('GIVEN a cached source that was edited or whose download was truncated WHEN ensured THEN the change is named and the source fetched again', async (t) => {
  const cache = tempDir();
  const tree = ensureUpstream(LUA, 'lua-test', { cache });
  const original = readFileSync(join(tree, 'src/lapi.c'), 'utf8');
  appendFileSync(join(tree, 'src/lapi.c'), '/* edited */\n');
  const messages: string[] = [];
  ensureUpstream(LUA, 'lua-test', { cache, onProgress: (m) => messages.push(m) });
  t.match(messages, [/the cached lua5\.4 5\.4\.4-3\+deb12u1 source changed since it was unpacked \(src\/lapi\.c changed\); fetching it again/]);
  t.equal(readFileSync(join(tree, 'src/lapi.c'), 'utf8'), original, 'the pinned file is back');

  truncateSync(join(cache, 'upstream', 'downloads', 'lua5.4_5.4.4-3+deb12u1', 'lua5.4_5.4.4.orig.tar.gz'), 1000);
  const again: string[] = [];
  ensureUpstream(LUA, 'lua-test', { cache, onProgress: (m) => again.push(m) });
  t.match(again, [/lua5\.4_5\.4\.4\.orig\.tar\.gz does not match its pinned SHA-256\); fetching it again/]);
  const quiet: string[] = [];
  ensureUpstream(LUA, 'lua-test', { cache, onProgress: (m) => quiet.push(m) });
  t.same(quiet, [], 'an intact cache is used as it is');
});
