// SPDX-License-Identifier: MIT
/**
 * The fetch step: the upstream sources an assembly's libraries build from,
 * into the user cache, before anything compiles.
 *
 * Synth only names what is needed (the assembly manifest's `fetch`); `kiln
 * build` runs this step before ninja, and `kiln fetch FILE` runs it alone
 * to prepare a machine for offline builds. Nothing is written into Kiln's
 * own folders.
 */
import { join } from 'node:path';
import type { LibraryManifest, UpstreamPin } from '../catalog/index.ts';
import { GENERATED_TOKEN, UPSTREAM_TOKEN } from '../toolchain.ts';
import { ensureGenerated } from './generate.ts';
import { ensureUpstream } from './upstream.ts';

export { cacheDir } from './upstream.ts';

/** One upstream source an assembly needs, as the assembly manifest records it. */
export interface FetchNeed {
  /** The library that builds from it. */
  readonly library: string;
  readonly upstream: UpstreamPin;
  /** The library's generate.sh (absolute), when it has one. */
  readonly generateScript?: string;
  /** Where the generated tree goes, as a rooted path ({generated}/...). */
  readonly generatedDir?: string;
}

/** What the enabled libraries of an assembly need fetched, each source once, in a stable order. */
export function fetchNeeds(libraries: Iterable<LibraryManifest>): FetchNeed[] {
  const needs = new Map<string, FetchNeed>();
  for (const m of libraries) {
    if (!m.upstream) continue;
    needs.set(m.name, {
      library: m.name,
      upstream: m.upstream,
      ...(m.generateScript && m.generatedDir ? { generateScript: m.generateScript, generatedDir: m.generatedDir } : {}),
    });
  }
  return [...needs.values()].sort((a, b) => a.library.localeCompare(b.library));
}

/** Options of fetchSources(). */
export interface FetchOptions {
  /** The user cache (see cacheDir()). */
  readonly cache: string;
  /** Told about slow work: a download, a generation. */
  readonly onProgress?: (message: string) => void;
}

/**
 * Fetches, checks and unpacks every needed upstream source, then runs the
 * generate.sh of those that have one. What is in the cache already is not
 * fetched again.
 *
 * @throws KilnError naming the package that could not be fetched and how to get it
 */
export function fetchSources(needs: readonly FetchNeed[], opts: FetchOptions): void {
  for (const need of needs) {
    const tree = ensureUpstream(need.upstream, need.library, opts);
    if (need.generateScript && need.generatedDir) {
      ensureGenerated({
        library: need.library,
        script: need.generateScript,
        upstream: tree,
        out: join(opts.cache, 'generated', need.generatedDir.slice(GENERATED_TOKEN.length + 1)),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
    }
  }
}

/** The folders build.ninja's {upstream} and {generated} stand for, in a cache. */
export function cacheRoots(cache: string): { readonly upstream: string; readonly generated: string } {
  return { upstream: join(cache, UPSTREAM_TOKEN.slice(1, -1)), generated: join(cache, GENERATED_TOKEN.slice(1, -1)) };
}
