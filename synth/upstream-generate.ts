// SPDX-License-Identifier: MIT
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryManifest } from './catalog.ts';
import { KilnError } from './errors.ts';
import { cacheDir } from './upstream.ts';

/** The script a library with an upstream source may have, to generate what the upstream's own build generates. */
export const GENERATE_SCRIPT = 'generate.sh';

/** Options of ensureGenerated(). */
export interface GenerateOptions {
  /** The Kiln root holding lib/. */
  readonly root: string;
  /** @default cacheDir() */
  readonly cache?: string;
  /** Told about slow work (the first generation). */
  readonly onProgress?: (message: string) => void;
}

/**
 * Makes the generated sources of a library available at lib/<dir>/generated.
 *
 * Some upstream trees compile only after their own build has generated
 * sources from them (SQLite's parser from its grammar with the lemon tool
 * the tree carries, its opcode tables and sqlite3.h with Tcl scripts).
 * A library that needs this has a `generate.sh` beside its manifest: it
 * runs with UPSTREAM set to the unpacked source (lib/<dir>/upstream, which
 * ensureUpstream() must have made available) and OUT set to an empty
 * folder, using the host's cc and the upstream's own tools. Its output is
 * cached by upstream version and script content, so it runs once per
 * machine and later builds work offline.
 *
 * Returns the folder, or undefined for a library with nothing to generate.
 */
export function ensureGenerated(manifest: LibraryManifest, opts: GenerateOptions): string | undefined {
  const script = join(opts.root, manifest.dir, GENERATE_SCRIPT);
  const pin = manifest.upstream;
  if (!pin || !existsSync(script)) return undefined;
  const upstream = join(opts.root, manifest.dir, 'upstream');
  const key = createHash('sha256').update(readFileSync(script)).update(`\0${pin.package}\0${pin.version}`).digest('hex').slice(0, 16);
  const out = join(opts.cache ?? cacheDir(), 'generated', `${pin.package}_${pin.version}-${key}`);
  if (!existsSync(join(out, '.kiln-generated'))) {
    opts.onProgress?.(`generating ${manifest.name} sources from ${pin.package} ${pin.version} (first build only)`);
    const work = `${out}.generating-${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    try {
      execFileSync('sh', [script], { cwd: work, stdio: 'pipe', env: { ...process.env, UPSTREAM: upstream, OUT: work } });
    } catch (cause) {
      rmSync(work, { recursive: true, force: true });
      const stderr = (cause as { stderr?: Buffer }).stderr?.toString().trim();
      throw new KilnError([{
        message: `${manifest.dir}/${GENERATE_SCRIPT} failed${stderr ? `: ${stderr.split('\n').slice(-3).join(' / ')}` : ''}`,
        hint: 'it needs the host C compiler (gcc) and tclsh (tcl): run scripts/setup.sh',
      }], { cause, fault: 'kiln' });
    }
    writeFileSync(join(work, '.kiln-generated'), `${JSON.stringify({ ...pin, script: key }, null, 2)}\n`);
    rmSync(out, { recursive: true, force: true });
    renameSync(work, out);
  }
  const link = join(opts.root, manifest.dir, 'generated');
  const current = lstatSync(link, { throwIfNoEntry: false });
  if (!current || !current.isSymbolicLink() || readlinkSync(link) !== out) {
    rmSync(link, { recursive: true, force: true });
    symlinkSync(out, link);
  }
  return out;
}
