// SPDX-License-Identifier: MIT
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { KilnError } from '../errors.ts';

/** What ensureGenerated() runs: a library's generate.sh over its unpacked upstream tree. */
export interface GenerateJob {
  /** The library, for messages. */
  readonly library: string;
  /** Its generate.sh (absolute). */
  readonly script: string;
  /** The unpacked upstream tree the script reads (UPSTREAM). */
  readonly upstream: string;
  /** The folder in the cache it fills, named by the upstream version and the script's content. */
  readonly out: string;
  readonly onProgress?: (message: string) => void;
}

/**
 * Makes the generated sources of a library available in the cache.
 *
 * Some upstream trees compile only after their own build has generated
 * sources from them (SQLite's parser from its grammar with the lemon tool
 * the tree carries, its opcode tables and sqlite3.h with Tcl scripts).
 * A library that needs this has a `generate.sh` beside its manifest: it
 * runs with UPSTREAM set to the unpacked source and OUT set to an empty
 * folder, using the host's cc and the upstream's own tools. Its output is
 * kept under a name made of the upstream version and the script's content
 * (the plan's {generated}/... folder), so it runs once per machine and
 * later builds work offline.
 */
export function ensureGenerated(job: GenerateJob): string {
  if (existsSync(`${job.out}/.kiln-generated`)) return job.out;
  job.onProgress?.(`generating ${job.library} sources with its generate.sh (once; later builds use the cache)`);
  const work = `${job.out}.generating-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    execFileSync('sh', [job.script], { cwd: work, stdio: 'pipe', env: { ...process.env, UPSTREAM: job.upstream, OUT: work } });
  } catch (cause) {
    rmSync(work, { recursive: true, force: true });
    const stderr = (cause as { stderr?: Buffer }).stderr?.toString().trim();
    throw new KilnError([{
      message: `${job.script} failed${stderr ? `: ${stderr.split('\n').slice(-3).join(' / ')}` : ''}`,
      hint: 'it needs the host C compiler (gcc) and tclsh (tcl): run scripts/setup.sh',
    }], { cause, fault: 'kiln' });
  }
  writeFileSync(`${work}/.kiln-generated`, `${JSON.stringify({ library: job.library, script: job.script }, null, 2)}\n`);
  rmSync(job.out, { recursive: true, force: true });
  renameSync(work, job.out);
  return job.out;
}
