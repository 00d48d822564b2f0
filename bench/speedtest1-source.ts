// SPDX-License-Identifier: MIT
// Where SQLite's speedtest1.c is: in the fetched upstream tree of the
// SQLite library (Debian's sqlite3 source, in the user cache).
import { join } from 'node:path';
import { loadCatalog } from '../synth/catalog/index.ts';
import { cacheDir, upstreamTree } from '../synth/fetch/upstream.ts';

/** speedtest1.c in the upstream tree lib/sqlite builds from. */
export function speedtest1Source(): string {
  const pin = loadCatalog().manifests.get('libsqlite')?.upstream;
  if (!pin) throw new Error('lib/sqlite has no upstream pin');
  return join(upstreamTree(cacheDir(), pin), 'test', 'speedtest1.c');
}
