// SPDX-License-Identifier: MIT
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime. */
let clockTicks: number | undefined;

function ticksPerSecond(): number {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return clockTicks;
}

/**
 * Host CPU time (user + system) a process has used so far, in ms.
 *
 * Summed over /proc/<pid>/task/<tid>/schedstat, whose first field is each
 * thread's run time in nanoseconds: /proc/<pid>/stat's utime+stime counts
 * in clock ticks (10 ms), too coarse for a guest that sleeps. Falls back to
 * /proc/<pid>/stat where the kernel has no schedstat.
 */
export function cpuTimeMs(pid: number): number {
  const tasks = `/proc/${pid}/task`;
  let ns = 0;
  let read = 0;
  for (const tid of readdirSync(tasks)) {
    try {
      ns += Number(readFileSync(`${tasks}/${tid}/schedstat`, 'utf8').split(' ')[0]);
      read++;
    } catch {
      // No schedstat on this kernel, or the thread ended between the listing and the read.
    }
  }
  if (read > 0) return ns / 1e6;
  // Fields after the command name's closing parenthesis start at field 3
  // (state); utime and stime are fields 14 and 15 (proc(5)).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)\s*/s, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
}

/**
 * The share of one host core a process uses over the next `windowMs`, in
 * percent: its CPU time at the end of the window minus at the start,
 * divided by the window's wall time.
 */
export async function cpuShareOver(pid: number, windowMs: number): Promise<number> {
  const cpu0 = cpuTimeMs(pid);
  const wall0 = performance.now();
  await sleep(windowMs);
  const cpu1 = cpuTimeMs(pid);
  const wall = performance.now() - wall0;
  return ((cpu1 - cpu0) / wall) * 100;
}
