// SPDX-License-Identifier: MIT
import type { BoardId } from 'kiln';
import type { Figure } from './figures.ts';

/** results.json: everything one bench run measured, as plain data. */
export interface BenchResults {
  readonly kiln: 'bench-results/1';
  readonly mode: 'full' | 'quick';
  readonly machine: MachineInfo;
  readonly settings: {
    readonly runs: number;
    readonly linuxRuns: number;
    readonly buildRuns: number;
    readonly cpuWindowMs: number;
  };
  readonly boards: readonly BoardResults[];
  readonly builds: readonly BuildResults[];
  readonly linux: LinuxResults;
}

/** The host the figures were taken on. */
export interface MachineInfo {
  readonly nproc: number;
  readonly cpuModel: string;
  readonly qemuVersion: string;
  readonly node: string;
  readonly kernel: string;
}

/** The floor image of one board. */
export interface FloorResults {
  /** Median wall time from spawning QEMU to the floor's line. */
  readonly firstLineMs: Figure;
  readonly binBytes: Figure;
  readonly elfBytes: Figure;
  /** Host CPU of QEMU while the floor spins (the busy ceiling). */
  readonly busyCpu: Figure;
  /** Host CPU of QEMU while the floor sleeps in WFI (the idle floor). */
  readonly idleCpu: Figure;
}

/** One Kiln application image on one board. */
export interface ImageResults {
  readonly app: string;
  readonly image: string;
  /** Median wall time from spawning QEMU to the application's first line. */
  readonly firstLineMs: Figure;
  /** Kiln's own boot cost: firstLineMs minus the floor's, medians. */
  readonly bootCostMs: Figure;
  /** Guest ticks from entry to main, from `kiln: boot ticks N` under -icount shift=0,sleep=off. */
  readonly bootTicks: Figure;
  readonly artifactBytes: Figure;
  readonly elfBytes: Figure;
  /** Host CPU of QEMU while the application sleeps. */
  readonly idleCpu: Figure;
  /** Linux's time to its first userspace line divided by Kiln's (same board). */
  readonly speedupVsLinux: Figure;
  /** Linux's kernel Image bytes divided by Kiln's artifact bytes. */
  readonly sizeRatioVsLinux: Figure;
}

/** One board: its floor and every application image. */
export interface BoardResults {
  readonly board: BoardId;
  readonly name: string;
  /** QEMU and the flags the floor and the board's Kiln images all ran with (all but -kernel). */
  readonly qemuFlags: readonly string[];
  readonly floor: FloorResults;
  readonly images: readonly ImageResults[];
}

/** Build times of one application's program (all its boards at once). */
export interface BuildResults {
  readonly app: string;
  readonly program: string;
  /** `kiln build` into an empty folder (median). */
  readonly cleanMs: Figure;
  /** `kiln build` again with nothing changed (median). */
  readonly noopMs: Figure;
}

/** The Linux baseline (Debian's kernel and busybox on the same QEMU). */
export interface LinuxResults {
  readonly board: BoardId;
  readonly kernelPackage: string;
  readonly busyboxPackage: string;
  /** The QEMU command of the timed boots, with the kernel and initramfs as placeholders. */
  readonly qemuCommand: readonly string[];
  /** Median wall time from spawning QEMU to /init's first line. */
  readonly firstLineMs: Figure;
  /** The kernel's own uptime when /init read /proc/uptime. */
  readonly uptimeAtInitMs: Figure;
  /** The uncompressed arm64 Image that QEMU boots. */
  readonly imageBytes: Figure;
  /** boot/vmlinuz as Debian ships it (its note says whether it is compressed). */
  readonly vmlinuzBytes: Figure;
  /** The kernel package installed (Image, modules and all), from its Installed-Size. */
  readonly packageInstalledBytes: Figure;
  readonly initramfsBytes: Figure;
  /** MemTotal - MemFree after boot, from /proc/meminfo. */
  readonly memUsedKiB: Figure;
  readonly memTotalKiB: Figure;
  /** The least -m (MiB) it still reaches /init's lines in, by bisection. */
  readonly minRamMiB: Figure;
  /** Host CPU of QEMU while Linux idles in a shell sleep. */
  readonly idleCpu: Figure;
  /** Boards without a Linux baseline, and why. */
  readonly otherBoards: readonly { readonly board: BoardId; readonly reason: string }[];
}
