// SPDX-License-Identifier: MIT
import { cpuShareOver } from '../measure/cpu.ts';
import { describeRun, findLine, runConsole, type ConsoleRun } from '../measure/console-run.ts';
import { IDLING_LINE, READY_LINE } from './initramfs.ts';

/** What the Linux baseline boots: the kernel Image and the initramfs. */
export interface LinuxBootFiles {
  readonly image: string;
  readonly initramfs: string;
}

/** Figures one successful Linux boot printed. */
export interface LinuxBoot {
  /** Wall time from spawning QEMU to /init's first line. */
  readonly firstLineMs: number;
  /** The kernel's uptime when /init read it. */
  readonly uptimeMs: number;
  readonly memTotalKiB: number;
  readonly memFreeKiB: number;
}

/** A boot hangs or panics well within this even at the smallest RAM tried. */
const LINUX_TIMEOUT_MS = 60_000;

/**
 * The QEMU command of the baseline: the same machine and CPU as Kiln's
 * virt images, one core, a quiet kernel on the PL011. `-nic none` as for
 * Kiln's images: virt's default NIC wants a PXE ROM (efi-virtio.rom) that
 * Debian ships in a package Kiln does not install.
 */
export function linuxCommand(files: LinuxBootFiles, memMiB: number, extraAppend = ''): string[] {
  return [
    'qemu-system-aarch64',
    '-M', 'virt', '-cpu', 'cortex-a53', '-smp', '1', '-m', `${memMiB}M`,
    '-nographic',
    '-nic', 'none',
    '-kernel', files.image,
    '-initrd', files.initramfs,
    '-append', `console=ttyAMA0 quiet${extraAppend ? ` ${extraAppend}` : ''}`,
  ];
}

/** Stops a run at a kernel panic instead of waiting for the timeout (Debian kernels hang after one). */
function stopAtPanic(line: { text: string }): 'stop' | void {
  if (/Kernel panic/.test(line.text)) return 'stop';
}

/**
 * Boots the baseline once and reads its figures.
 *
 * @throws describing how the boot ended when /init's lines did not all arrive
 *   or QEMU did not exit cleanly after the power-off
 */
export async function bootLinux(files: LinuxBootFiles, memMiB: number): Promise<LinuxBoot> {
  const run = await runConsole({ command: linuxCommand(files, memMiB), timeoutMs: LINUX_TIMEOUT_MS, onLine: stopAtPanic });
  const boot = parseBoot(run);
  if (!boot || run.code !== 0) throw new Error(`Linux with ${memMiB} MiB did not boot to /init and power off: ${describeRun(run)}`);
  return boot;
}

/** Whether the baseline reaches /init's lines and powers off with this much RAM. */
export async function bootsIn(files: LinuxBootFiles, memMiB: number): Promise<boolean> {
  const run = await runConsole({ command: linuxCommand(files, memMiB), timeoutMs: LINUX_TIMEOUT_MS, onLine: stopAtPanic });
  return parseBoot(run) !== undefined && run.code === 0;
}

/**
 * The least RAM, in MiB, Linux boots in: bisection between `low` (tried
 * first; if it boots, that is the answer, an upper bound) and `high`
 * (known to boot), to 1 MiB.
 *
 * @returns the MiB and how many boots it took
 */
export async function smallestRam(files: LinuxBootFiles, low: number, high: number): Promise<{ mib: number; boots: number; atLowest: boolean }> {
  let boots = 1;
  if (await bootsIn(files, low)) return { mib: low, boots, atLowest: true };
  let bad = low;
  let good = high;
  while (good - bad > 1) {
    const mid = Math.floor((bad + good) / 2);
    boots++;
    if (await bootsIn(files, mid)) good = mid;
    else bad = mid;
  }
  return { mib: good, boots, atLowest: false };
}

/**
 * Host CPU of QEMU while Linux idles: boots with kiln_bench=idle, waits for
 * /init to say it is sleeping, then measures over the window and kills QEMU.
 */
export async function linuxIdleCpu(files: LinuxBootFiles, memMiB: number, windowMs: number): Promise<number> {
  let share: number | undefined;
  const run = await runConsole({
    command: linuxCommand(files, memMiB, 'kiln_bench=idle'),
    timeoutMs: LINUX_TIMEOUT_MS + windowMs,
    onLine: async (line, pid) => {
      if (IDLING_LINE.test(line.text)) {
        share = await cpuShareOver(pid, windowMs);
        return 'stop';
      }
      return stopAtPanic(line);
    },
  });
  if (share === undefined) throw new Error(`Linux never reached its idle loop: ${describeRun(run)}`);
  return share;
}

function parseBoot(run: ConsoleRun): LinuxBoot | undefined {
  const ready = findLine(run, READY_LINE);
  const uptime = findLine(run, /^kiln-bench: uptime /);
  const total = findLine(run, /^kiln-bench: MemTotal: /);
  const free = findLine(run, /^kiln-bench: MemFree: /);
  if (!ready || !uptime || !total || !free) return undefined;
  return {
    firstLineMs: ready.atMs,
    uptimeMs: Number(uptime.text.split(' ')[2]) * 1000,
    memTotalKiB: Number(total.text.split(/\s+/)[2]),
    memFreeKiB: Number(free.text.split(/\s+/)[2]),
  };
}
