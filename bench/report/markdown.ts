// SPDX-License-Identifier: MIT
import type { Figure } from '../figures.ts';
import type { BenchResults } from '../results.ts';
import { Footnotes } from './format.ts';

/** Chart files results.md links to, relative to it. */
export const CHART_FILES = { size: 'size.svg', bootTime: 'boot-time.svg', idleCpu: 'idle-cpu.svg' } as const;

/**
 * The results as markdown: the summary table with the ratios, then host
 * CPU, build times and the Linux baseline, then the footnotes that say
 * why a figure is n/a or failed. Printed to stdout and written to
 * results.md (with the charts linked when `withCharts`).
 */
export function renderMarkdown(r: BenchResults, withCharts: boolean): string {
  const notes = new Footnotes();
  const c = (f: Figure) => notes.cell(f);
  /** A Linux figure where the board has the baseline, its reason elsewhere. */
  const linuxCell = (board: string, f: Figure) => {
    if (board === r.linux.board) return c(f);
    const reason = r.linux.otherBoards.find((o) => o.board === board)?.reason ?? `no Linux baseline on ${board}`;
    return c({ missing: 'n/a', reason });
  };
  const out: string[] = [];
  const m = r.machine;
  out.push(`# Kiln bench (${r.mode})`, '');
  out.push(`Machine: ${m.cpuModel}, nproc ${m.nproc}, Linux ${m.kernel}; QEMU ${m.qemuVersion}; Node ${m.node}.  `);
  out.push(`Boot times are medians of ${r.settings.runs} boots (Linux: ${r.settings.linuxRuns}), wall time from spawning QEMU to the line; `
    + `CPU windows last ${r.settings.cpuWindowMs} ms. Every ratio comes from figures measured in this run.`, '');

  out.push('## Kiln against the emulator floor and Linux', '');
  out.push(table(
    ['board', 'app', 'first line', 'floor', 'Kiln boot cost (Δ floor)', 'boot ticks', 'artifact', 'ELF', 'Linux first line', 'speed-up vs Linux', 'size: Linux Image / Kiln'],
    r.boards.flatMap((b) => b.images.map((i) => [
      b.board, i.app, c(i.firstLineMs), c(b.floor.firstLineMs), c(i.bootCostMs), c(i.bootTicks),
      c(i.artifactBytes), c(i.elfBytes),
      linuxCell(b.board, r.linux.firstLineMs),
      c(i.speedupVsLinux), c(i.sizeRatioVsLinux),
    ])),
  ), '');

  out.push('## Host CPU of QEMU (power proxy), % of one core', '');
  out.push('Measured over the window after the guest\'s line. Floor busy: core 0 spins. Floor idle: WFI with every exception masked, '
    + 'which halts the virtual CPU for good (on raspi3b, cores 1-3 are first moved from QEMU\'s WFE spin loop into WFI too). '
    + 'Linux idle: /init in a busybox sleep.', '');
  out.push(table(
    ['board', 'floor busy (spin)', 'floor idle (WFI)', ...r.boards[0]?.images.map((i) => `Kiln ${i.app} idle`) ?? [], 'Linux idle'],
    r.boards.map((b) => [
      b.board, c(b.floor.busyCpu), c(b.floor.idleCpu), ...b.images.map((i) => c(i.idleCpu)),
      linuxCell(b.board, r.linux.idleCpu),
    ]),
  ), '');

  out.push(`## Build time (kiln build of every board in the program, median of ${r.settings.buildRuns})`, '');
  out.push(table(['app', 'program', 'clean build', 'no-op rebuild'], r.builds.map((b) => [b.app, `\`${b.program}\``, c(b.cleanMs), c(b.noopMs)])), '');

  const l = r.linux;
  out.push(`## Linux baseline (${l.board}: ${l.kernelPackage}, ${l.busyboxPackage})`, '');
  const row = (what: string, f: Figure) => [what, c(f), 'note' in f ? f.note ?? '' : ''];
  out.push(table(['figure', 'value', 'note'], [
    row('first userspace line (wall, from spawn)', l.firstLineMs),
    row('kernel uptime when /init ran', l.uptimeAtInitMs),
    row('kernel Image (booted)', l.imageBytes),
    row('boot/vmlinuz as shipped', l.vmlinuzBytes),
    row('kernel package installed (Image + modules)', l.packageInstalledBytes),
    row('initramfs (busybox + /init)', l.initramfsBytes),
    row('memory used after boot (MemTotal − MemFree)', l.memUsedKiB),
    row('MemTotal with -m 256M', l.memTotalKiB),
    row('smallest -m it boots in', l.minRamMiB),
    row('idle host CPU', l.idleCpu),
    ...l.otherBoards.map((o) => row(o.board, { missing: 'n/a', reason: o.reason })),
  ]), '');

  out.push('## QEMU command lines', '');
  for (const b of r.boards) {
    if (b.qemuFlags.length) out.push(`- ${b.board} (floor and Kiln, from the Kiln image's manifest): \`${b.qemuFlags.join(' ')} -kernel …\``);
  }
  if (r.linux.qemuCommand.length) out.push(`- Linux: \`${r.linux.qemuCommand.map(quoteArg).join(' ')}\``);
  out.push('');

  if (withCharts) {
    out.push('## Charts', '');
    out.push(`![image size](${CHART_FILES.size}) ![boot time](${CHART_FILES.bootTime}) ![idle CPU](${CHART_FILES.idleCpu})`, '');
  }
  const footnotes = notes.render();
  if (footnotes) out.push('## Notes', '', footnotes, '');
  return out.join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** Shell-quotes an argument that has spaces, so a command line can be pasted. */
function quoteArg(arg: string): string {
  return /[\s']/.test(arg) ? `'${arg.replace(/'/g, `'\\''`)}'` : arg;
}
