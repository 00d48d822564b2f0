// SPDX-License-Identifier: MIT
import type { Figure } from '../figures.ts';
import type { BenchResults } from '../results.ts';
import { formatValue } from './format.ts';
import { CHART_FILES } from './markdown.ts';
import { renderBarChart, type Bar, type Series } from './svg.ts';

/** The three charts of a run, by file name: image size, boot time, idle CPU. */
export function renderCharts(r: BenchResults): Record<string, string> {
  const bar = (label: string, series: Series, f: Figure): Bar => ('value' in f
    ? { label, series, value: f.value, text: formatValue(f) }
    : { label, series, value: undefined, text: f.missing });
  const linuxHere = (board: string) => board === r.linux.board;

  const sizes: Bar[] = [];
  const times: Bar[] = [];
  const cpu: Bar[] = [];
  for (const b of r.boards) {
    sizes.push(bar(`floor · ${b.board}`, 'floor', b.floor.binBytes));
    times.push(bar(`floor · ${b.board}`, 'floor', b.floor.firstLineMs));
    cpu.push(bar(`floor busy (spin) · ${b.board}`, 'floor', b.floor.busyCpu));
    cpu.push(bar(`floor idle (WFI) · ${b.board}`, 'floor', b.floor.idleCpu));
    for (const i of b.images) {
      sizes.push(bar(`Kiln ${i.app} · ${b.board}`, 'kiln', i.artifactBytes));
      times.push(bar(`Kiln ${i.app} · ${b.board}`, 'kiln', i.firstLineMs));
      cpu.push(bar(`Kiln ${i.app} idle · ${b.board}`, 'kiln', i.idleCpu));
    }
    if (linuxHere(b.board)) {
      sizes.push(bar(`Linux Image · ${b.board}`, 'linux', r.linux.imageBytes));
      sizes.push(bar(`Linux kernel + modules · ${b.board}`, 'linux', r.linux.packageInstalledBytes));
      times.push(bar(`Linux to /init · ${b.board}`, 'linux', r.linux.firstLineMs));
      cpu.push(bar(`Linux idle · ${b.board}`, 'linux', r.linux.idleCpu));
    }
  }
  return {
    [CHART_FILES.size]: renderBarChart({
      title: 'Boot image size: Kiln artifact, floor binary, Linux kernel',
      axis: 'size',
      bars: sizes,
      scale: 'log',
      // Powers of ten make round decimal ticks, not round KiB or MiB.
      tick: (v) => (v >= 1e9 ? `${v / 1e9} GB` : v >= 1e6 ? `${v / 1e6} MB` : v >= 1e3 ? `${v / 1e3} kB` : `${v} B`),
    }),
    [CHART_FILES.bootTime]: renderBarChart({
      title: `Spawn of QEMU to first console line (median of ${r.settings.runs}; Linux ${r.settings.linuxRuns})`,
      axis: 'milliseconds',
      bars: times,
      scale: 'log',
      tick: (v) => `${v} ms`,
    }),
    [CHART_FILES.idleCpu]: renderBarChart({
      title: `Host CPU of QEMU over ${r.settings.cpuWindowMs} ms (power proxy)`,
      axis: '% of one host core',
      bars: cpu,
      scale: 'log',
      tick: (v) => `${v} %`,
    }),
  };
}
