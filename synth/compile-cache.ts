// SPDX-License-Identifier: MIT
/**
 * The shared compile cache: every compile step goes through ccache (Debian's
 * `ccache`), keyed by the compiler, its flags and the preprocessed source,
 * so a stale hit is impossible and a hit is the object the compiler would
 * have written. The cache is a folder, or a Redis server (ccache's remote
 * storage) shared by machines and CI runs.
 *
 * build.ninja's compile rule starts with `$KILN_COMPILER_LAUNCHER`, empty
 * unless a build asks for the cache: the plan and the objects are the same
 * either way, only where the object comes from differs.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { KilnError } from './errors.ts';

/** Where compiled objects are shared: a folder, or a redis:// address. */
export interface CompileCache {
  readonly kind: 'folder' | 'redis';
  /** The folder (absolute) or the redis:// address as given. */
  readonly where: string;
}

/** What the cache did during one build. */
export interface CacheUse {
  readonly cache: CompileCache;
  /** Compiles answered by the cache (local or remote). */
  readonly hits: number;
  /** Compiles the compiler ran (and the cache stored). */
  readonly misses: number;
}

/** The environment variable ninja's compile rule reads; also KILN_CACHE names a default cache. */
export const LAUNCHER_VARIABLE = 'KILN_COMPILER_LAUNCHER';

/** Reads `--cache` (or KILN_CACHE): a folder path or redis://host:port[/db]. Undefined or '' is no cache. */
export function parseCompileCache(given: string | undefined, cwd = process.cwd()): CompileCache | undefined {
  if (given === undefined || given === '') return undefined;
  if (/^rediss?:\/\//i.test(given)) {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new KilnError([{ message: `the compile cache '${given}' is not a valid address`, hint: 'write redis://HOST:PORT, e.g. redis://127.0.0.1:6379' }], { fault: 'user' });
    }
    if (!url.hostname) throw new KilnError([{ message: `the compile cache '${given}' names no host`, hint: 'write redis://HOST:PORT, e.g. redis://127.0.0.1:6379' }], { fault: 'user' });
    return { kind: 'redis', where: given };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(given)) {
    throw new KilnError([{ message: `the compile cache '${given}' is neither a folder nor a redis:// address`, hint: 'give a folder (--cache ~/.cache/kiln-objects) or redis://HOST:PORT' }], { fault: 'user' });
  }
  return { kind: 'folder', where: resolve(cwd, given) };
}

/** The environment a ninja run needs for the cache: nothing without one. */
export function cacheEnvironment(cache: CompileCache | undefined): Record<string, string> {
  if (!cache) return { [LAUNCHER_VARIABLE]: '' };
  requireCcache();
  const env: Record<string, string> = {
    [LAUNCHER_VARIABLE]: 'ccache',
    // Objects carry no build folder (-ffile-prefix-map): two clones share their objects.
    CCACHE_NOHASHDIR: 'true',
    // The compile command never names the time; SOURCE_DATE_EPOCH is fixed by build.ninja.
    CCACHE_SLOPPINESS: 'time_macros',
  };
  if (cache.kind === 'folder') env.CCACHE_DIR = cache.where;
  else {
    env.CCACHE_REMOTE_STORAGE = cache.where;
    env.CCACHE_REMOTE_ONLY = 'true';
  }
  return env;
}

/** ccache's counters, for the difference a build made. */
export function cacheCounters(cache: CompileCache, env: Record<string, string>): { hits: number; misses: number } {
  const r = spawnSync('ccache', ['--print-stats'], { encoding: 'utf8', env: { ...process.env, ...env } });
  const counters = new Map<string, number>();
  for (const line of (r.stdout ?? '').split('\n')) {
    const [key, value] = line.split('\t');
    if (key && value !== undefined) counters.set(key, Number(value));
  }
  const get = (k: string) => counters.get(k) ?? 0;
  // Direct and preprocessed hits are local; remote hits are counted apart (ccache 4.7).
  const hits = cache.kind === 'redis' ? get('remote_storage_hit') : get('direct_cache_hit') + get('preprocessed_cache_hit');
  return { hits, misses: get('cache_miss') };
}

function requireCcache(): void {
  const r = spawnSync('ccache', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new KilnError([{ message: 'the compile cache needs ccache, which is not installed', hint: 'install it (apt-get install ccache), or build without --cache / KILN_CACHE' }], { fault: 'user' });
  }
}
