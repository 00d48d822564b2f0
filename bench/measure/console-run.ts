// SPDX-License-Identifier: MIT
import { spawn } from 'node:child_process';

/** A console line and when it arrived, in ms since QEMU was spawned. */
export interface TimedLine {
  readonly text: string;
  readonly atMs: number;
}

/** Options of runConsole(). */
export interface ConsoleRunOptions {
  /** The program and its arguments (QEMU's full command line). */
  readonly command: readonly string[];
  /** Added to the harness's environment. @default none */
  readonly env?: Readonly<Record<string, string>>;
  /** Kill the process after this long. @default 30000 */
  readonly timeoutMs?: number;
  /**
   * Called with each line as it arrives; returning 'stop' ends the run
   * (SIGKILL), for guests that never exit on their own or have said all
   * that is needed (a kernel panic).
   * @default none: the run lasts until the process exits
   */
  readonly onLine?: (line: TimedLine, pid: number) => 'stop' | void | Promise<'stop' | void>;
}

/** What one run printed and how it ended. */
export interface ConsoleRun {
  readonly lines: readonly TimedLine[];
  readonly stderr: string;
  /** The exit code; undefined when the harness ended the run. */
  readonly code: number | undefined;
  /** True when the run was stopped by onLine. */
  readonly stopped: boolean;
  readonly timedOut: boolean;
  /** Wall time from spawn to exit. */
  readonly totalMs: number;
}

/**
 * Spawns a program with its stdout piped and timestamps every line of it
 * with process.hrtime, from just before the spawn. Chunks that carry
 * several lines stamp them alike (they arrived together).
 */
export function runConsole(opts: ConsoleRunOptions): Promise<ConsoleRun> {
  const [program, ...args] = opts.command;
  return new Promise((resolve, reject) => {
    const lines: TimedLine[] = [];
    let stderr = '';
    let pending = '';
    let stopped = false;
    let timedOut = false;
    let queue = Promise.resolve();
    const started = process.hrtime.bigint();
    const sinceStart = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(program, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
    });
    const stop = () => {
      if (!stopped && child.exitCode === null) {
        stopped = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      const atMs = sinceStart();
      pending += chunk.toString('latin1');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const part of parts) {
        const line = { text: part.replace(/\r$/, ''), atMs };
        lines.push(line);
        if (opts.onLine) {
          const onLine = opts.onLine;
          // In arrival order, even when a handler awaits (a CPU window).
          queue = queue.then(async () => {
            if (!stopped && (await onLine(line, child.pid ?? 0)) === 'stop') stop();
          }).catch((err: unknown) => {
            // A handler that fails ends the run too: no guest left spinning.
            stop();
            reject(err);
          });
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const timer = setTimeout(() => { timedOut = true; stop(); }, opts.timeoutMs ?? 30_000);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code) => {
      clearTimeout(timer);
      const totalMs = sinceStart();
      if (pending) lines.push({ text: pending.replace(/\r$/, ''), atMs: totalMs });
      void queue.then(() => resolve({ lines, stderr, code: stopped ? undefined : code ?? undefined, stopped: stopped && !timedOut, timedOut, totalMs }));
    });
  });
}

/** The first line matching `pattern`, or undefined. */
export function findLine(run: ConsoleRun, pattern: RegExp): TimedLine | undefined {
  return run.lines.find((l) => pattern.test(l.text));
}

/** A short account of a run for error messages: how it ended and its last output. */
export function describeRun(run: ConsoleRun): string {
  const ending = run.timedOut ? 'timed out' : run.stopped ? 'was stopped' : `exited ${run.code}`;
  const tail = [...run.lines.slice(-5).map((l) => l.text), ...run.stderr.trim().split('\n').slice(-3)].filter(Boolean);
  return `QEMU ${ending}${tail.length ? `; last output: ${tail.join(' | ')}` : ' with no output'}`;
}
