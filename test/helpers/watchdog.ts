// SPDX-License-Identifier: MIT
/**
 * Bounds a child process (a QEMU guest, a kiln command) by its progress
 * rather than by the clock, so that a loaded machine slows a test down
 * without failing it, while a hang still ends.
 *
 * The child is stopped when it has been silent (no output at all) for
 * longer than its patience: the limit the test gives, scaled by how loaded
 * the machine is when the wait starts (the 1-minute load average per core,
 * never below 1). Output resets the wait, so a guest that keeps printing
 * keeps its time. A cap of ten times the scaled patience (at least 15
 * minutes) stops a child that prints forever.
 */
import { availableParallelism, loadavg } from 'node:os';
import { runImage, type RunOptions, type RunResult } from '../../synth/run.ts';

/** How much slower than a quiet machine this one is likely to be now: 1 or more. */
export function loadFactor(): number {
  const perCore = loadavg()[0] / Math.max(1, availableParallelism());
  return Math.max(1, perCore);
}

/** The patience for a wait whose quiet-machine limit is `ms`. */
export function patience(ms: number): number {
  return Math.round(ms * loadFactor());
}

/** A running watchdog. */
export interface Watchdog {
  /** The child made progress: start the silent wait again. */
  poke(): void;
  /** The child ended: stop watching. */
  stop(): void;
  /** Why the child was stopped, if it was. */
  readonly fired: 'silent' | 'cap' | undefined;
  /** The silent-wait limit in use, in milliseconds. */
  readonly idleMs: number;
}

/**
 * Watches a child: calls `stopChild` once it has been silent for
 * `patience(quietMs)`, or has run for the cap.
 */
export function watchdog(stopChild: () => void, quietMs: number): Watchdog {
  const idleMs = patience(quietMs);
  const capMs = Math.max(15 * 60_000, 10 * idleMs);
  let fired: Watchdog['fired'];
  let stopped = false;
  const fire = (why: 'silent' | 'cap') => {
    if (fired) return;
    fired = why;
    stopChild();
  };
  let idle = setTimeout(() => fire('silent'), idleMs);
  const cap = setTimeout(() => fire('cap'), capMs);
  return {
    poke() {
      clearTimeout(idle);
      // Output that arrives after stop() (a child's last lines) must not start the limit again.
      if (!fired && !stopped) idle = setTimeout(() => fire('silent'), idleMs);
    },
    stop() {
      stopped = true;
      clearTimeout(idle);
      clearTimeout(cap);
    },
    get fired() {
      return fired;
    },
    idleMs,
  };
}

/**
 * Boots an image with runImage(), bounded by the guest's progress: it is
 * stopped (status 130, `stalled` set) once its console has been silent for
 * `quietMs` scaled by the machine's load.
 */
export async function runImagePatiently(
  opts: Omit<RunOptions, 'timeoutMs' | 'signal' | 'console'> & { readonly quietMs: number },
): Promise<RunResult & { readonly stalled: boolean }> {
  const stop = new AbortController();
  const dog = watchdog(() => stop.abort(), opts.quietMs);
  const { quietMs: _quiet, ...run } = opts;
  try {
    const r = await runImage({
      ...run,
      console: 'capture',
      signal: stop.signal,
      onOutput: (text) => {
        dog.poke();
        opts.onOutput?.(text);
      },
    });
    return { ...r, stalled: dog.fired !== undefined };
  } finally {
    dog.stop();
  }
}

/**
 * Waits until `read()` (a growing console capture) matches `pattern`, for
 * as long as it keeps growing: it gives up once the text has not changed
 * for `quietMs` scaled by the machine's load, or once `ended()` (the
 * process behind it exited). Returns whether it matched.
 */
export async function waitForOutput(read: () => string, pattern: RegExp, quietMs: number, ended: () => boolean = () => false): Promise<boolean> {
  const idleMs = patience(quietMs);
  let seen = read().length;
  let lastChange = performance.now();
  while (!pattern.test(read())) {
    if (ended()) return pattern.test(read());
    if (read().length !== seen) {
      seen = read().length;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > idleMs) {
      return false;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}
