// SPDX-License-Identifier: MIT
import { cpuShareOver } from './cpu.ts';
import { describeRun, findLine, runConsole, type ConsoleRun } from './console-run.ts';

/** Something QEMU boots and the bench times: a floor image or a Kiln image. */
export interface BootTarget {
  /** Named in error messages, e.g. "floor on qemu-virt". */
  readonly label: string;
  /** QEMU's full command line. */
  readonly command: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** The line the boot is timed to. */
  readonly readyLine: RegExp;
  /** Whether the guest exits by itself after the line (then its status must be 0). */
  readonly exits: boolean;
}

/** No image the bench boots takes this long; a hang is a failure. */
const BOOT_TIMEOUT_MS = 30_000;

/**
 * Boots the target once and returns the wall time from spawning QEMU to
 * its ready line. A guest that exits must exit 0; one that does not is
 * killed at the line.
 *
 * @throws describing the run when the line never came or the status was not 0
 */
export async function timeToReadyLine(target: BootTarget, extraArgs: readonly string[] = []): Promise<{ ms: number; run: ConsoleRun }> {
  const run = await runConsole({
    command: [...target.command, ...extraArgs],
    env: target.env,
    timeoutMs: BOOT_TIMEOUT_MS,
    onLine: (line) => (!target.exits && target.readyLine.test(line.text) ? 'stop' : undefined),
  });
  const ready = findLine(run, target.readyLine);
  if (!ready) throw new Error(`${target.label}: no line matching ${target.readyLine}; ${describeRun(run)}`);
  if (target.exits && run.code !== 0) throw new Error(`${target.label}: printed its line but then ${describeRun(run)}`);
  return { ms: ready.atMs, run };
}

/**
 * Host CPU share of QEMU (percent of one core) over `windowMs`, starting
 * once the target has printed its ready line; QEMU is killed afterwards.
 */
export async function cpuAfterReadyLine(target: BootTarget, windowMs: number): Promise<number> {
  let share: number | undefined;
  const run = await runConsole({
    command: target.command,
    env: target.env,
    timeoutMs: BOOT_TIMEOUT_MS + windowMs,
    onLine: async (line, pid) => {
      if (!target.readyLine.test(line.text)) return undefined;
      share = await cpuShareOver(pid, windowMs);
      return 'stop';
    },
  });
  if (share === undefined) throw new Error(`${target.label}: never printed a line matching ${target.readyLine} to start the CPU window; ${describeRun(run)}`);
  return share;
}
