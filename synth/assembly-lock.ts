// SPDX-License-Identifier: MIT
/**
 * One writer per assembly folder: two `kiln build`s into the same folder
 * would rewrite each other's files under ninja. The first process to
 * write takes `.kiln/lock` (its pid) and keeps it until it exits; another
 * process waits, saying for whom, until that process has gone. A lock
 * left by a process that no longer runs is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outdirError } from './assembly.ts';

/** The lock file, inside the assembly's bookkeeping folder. */
export const LOCK_FILE = '.kiln/lock';

/** The locks this process holds, shared by every copy of Kiln's modules it loaded. */
const held: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('kiln.assemblyLocks')] ??= new Set<string>()) as Set<string>;

/** Options of lockAssembly(). */
export interface LockOptions {
  /** Told once when the folder is busy and this process waits. @default a line on stderr */
  readonly onWait?: (message: string) => void;
}

/**
 * Takes the assembly folder's lock for this process (a no-op when it
 * already holds it), waiting while another live process holds it.
 */
export function lockAssembly(outdir: string, opts: LockOptions = {}): void {
  const file = join(outdir, LOCK_FILE);
  if (held.has(file)) return;
  try {
    mkdirSync(join(outdir, '.kiln'), { recursive: true });
  } catch (err) {
    throw outdirError(outdir, err) ?? err;
  }
  let told = false;
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      if (held.size === 0) process.once('exit', releaseAll);
      held.add(file);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw outdirError(outdir, err) ?? err;
    }
    const holder = Number(readFileSync(file, 'utf8').trim());
    // This process already holds it (through another copy of Kiln's modules: the program may load its own).
    if (holder === process.pid) return;
    if (!Number.isInteger(holder) || holder <= 0 || !isRunning(holder)) {
      // Left by a process that is gone (killed, crashed): take it over.
      rmSync(file, { force: true });
      continue;
    }
    if (!told) {
      (opts.onWait ?? ((m: string) => process.stderr.write(`kiln: ${m}\n`)))(`waiting for kiln (pid ${holder}), which is writing ${outdir}`);
      told = true;
    }
    sleep(200);
  }
}

/** Gives up every lock this process holds (at exit). */
function releaseAll(): void {
  for (const file of held) rmSync(file, { force: true });
  held.clear();
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
