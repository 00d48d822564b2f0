// SPDX-License-Identifier: MIT
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failed, measured, notApplicable, type Figure } from '../figures.ts';
import { medianFigure } from '../measure/stats.ts';
import type { LinuxResults } from '../results.ts';
import { ensureLinuxFiles, readBaseline } from './baseline.ts';
import { bootLinux, linuxCommand, linuxIdleCpu, smallestRam, type LinuxBoot } from './boot.ts';
import { baselineInitramfs } from './initramfs.ts';

/** The RAM the baseline is booted with for its timings, and the top of the bisection. */
export const LINUX_RAM_MIB = 256;
/** The bottom of the smallest-RAM bisection. */
const LINUX_RAM_FLOOR_MIB = 32;

/** What the Linux phase needs. */
export interface LinuxBenchInput {
  /** bench/linux-baseline.json. */
  readonly baselineFile: string;
  readonly cacheDir: string;
  /** Where the initramfs is written. */
  readonly workDir: string;
  /** Boots for the boot-time median. */
  readonly runs: number;
  readonly cpuWindowMs: number;
  /** Whether to bisect the smallest RAM; otherwise `skipReason` says why not. */
  readonly bisectRam: boolean;
  readonly bisectSkipReason: string;
  /** Boards without a baseline, reported as such. */
  readonly otherBoards: LinuxResults['otherBoards'];
  readonly log: (line: string) => void;
}

/**
 * Measures the Linux baseline on virt: fetches (or takes from the cache)
 * the pinned kernel and busybox, builds the initramfs, boots N times for
 * the time to /init's first line, reads the memory figures /init prints,
 * measures the idle CPU and bisects the smallest RAM.
 */
export async function benchLinux(input: LinuxBenchInput): Promise<LinuxResults> {
  let baseline;
  let files;
  try {
    baseline = readBaseline(input.baselineFile);
    input.log('linux: checking the pinned Debian packages (downloading them if not cached)');
    files = await ensureLinuxFiles(baseline, input.cacheDir);
  } catch (err) {
    return skippedLinux(failed(err), input.otherBoards, baseline ? describePins(baseline) : undefined);
  }
  const initramfs = join(input.workDir, 'initramfs.cpio');
  writeFileSync(initramfs, baselineInitramfs(readFileSync(files.busybox)));
  const boot = { image: files.image, initramfs };

  const boots: LinuxBoot[] = [];
  let bootError: unknown;
  for (let i = 0; i < input.runs && !bootError; i++) {
    try {
      boots.push(await bootLinux(boot, LINUX_RAM_MIB));
    } catch (err) {
      bootError = err;
    }
  }
  input.log(`linux: ${boots.length} boot(s) done`);
  const fromBoots = (pick: (b: LinuxBoot) => number, unit: 'ms' | 'KiB'): Figure => {
    if (bootError) return failed(bootError);
    return medianFigure(boots.map(pick), unit);
  };

  let idleCpu: Figure;
  try {
    idleCpu = measured(await linuxIdleCpu(boot, LINUX_RAM_MIB, input.cpuWindowMs), '%cpu', { note: `over ${input.cpuWindowMs} ms, /init in a busybox sleep` });
  } catch (err) {
    idleCpu = failed(err);
  }

  let minRamMiB: Figure = notApplicable(input.bisectSkipReason);
  if (input.bisectRam && !bootError) {
    try {
      const found = await smallestRam(boot, LINUX_RAM_FLOOR_MIB, LINUX_RAM_MIB);
      minRamMiB = measured(found.mib, 'MiB', {
        note: found.atLowest ? `boots at the lowest size tried (${found.mib} MiB): an upper bound` : `bisected to 1 MiB in ${found.boots} boots`,
      });
      input.log(`linux: smallest RAM ${found.mib} MiB (${found.boots} boots)`);
    } catch (err) {
      minRamMiB = failed(err);
    }
  }

  return {
    board: 'qemu-virt',
    kernelPackage: `${files.baseline.kernel.package} ${files.baseline.kernel.version}`,
    busyboxPackage: `${files.baseline.busybox.package} ${files.baseline.busybox.version}`,
    qemuCommand: linuxCommand({ image: '<Image>', initramfs: '<initramfs.cpio>' }, LINUX_RAM_MIB),
    firstLineMs: fromBoots((b) => b.firstLineMs, 'ms'),
    uptimeAtInitMs: fromBoots((b) => b.uptimeMs, 'ms'),
    imageBytes: measured(statSync(files.image).size, 'bytes'),
    vmlinuzBytes: measured(statSync(files.vmlinuz).size, 'bytes', {
      note: files.vmlinuzGzipped ? 'gzip\'d Image' : 'not compressed: Debian\'s signed arm64 vmlinuz is the Image itself (an EFI application)',
    }),
    packageInstalledBytes: measured(files.kernelInstalledBytes, 'bytes'),
    initramfsBytes: measured(statSync(initramfs).size, 'bytes'),
    memUsedKiB: fromBoots((b) => b.memTotalKiB - b.memFreeKiB, 'KiB'),
    memTotalKiB: fromBoots((b) => b.memTotalKiB, 'KiB'),
    minRamMiB,
    idleCpu,
    otherBoards: input.otherBoards,
  };
}

/** Linux results in which every figure is the same gap (skipped, or the packages could not be had). */
export function skippedLinux(why: Figure, otherBoards: LinuxResults['otherBoards'], pins?: { kernel: string; busybox: string }): LinuxResults {
  return {
    board: 'qemu-virt',
    kernelPackage: pins?.kernel ?? 'unknown',
    busyboxPackage: pins?.busybox ?? 'unknown',
    qemuCommand: [],
    firstLineMs: why,
    uptimeAtInitMs: why,
    imageBytes: why,
    vmlinuzBytes: why,
    packageInstalledBytes: why,
    initramfsBytes: why,
    memUsedKiB: why,
    memTotalKiB: why,
    minRamMiB: why,
    idleCpu: why,
    otherBoards,
  };
}

function describePins(b: ReturnType<typeof readBaseline>): { kernel: string; busybox: string } {
  return { kernel: `${b.kernel.package} ${b.kernel.version}`, busybox: `${b.busybox.package} ${b.busybox.version}` };
}
