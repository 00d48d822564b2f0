// SPDX-License-Identifier: MIT

/** Which side of the comparison a bar is: each has its own colour. */
export type Series = 'kiln' | 'floor' | 'linux';

/** One bar of a chart. */
export interface Bar {
  readonly label: string;
  readonly series: Series;
  /** Undefined draws no bar, only `text` (e.g. "n/a"). */
  readonly value: number | undefined;
  /** Printed after the bar: the formatted value, or why there is none. */
  readonly text: string;
}

/** A horizontal bar chart. */
export interface BarChart {
  readonly title: string;
  /** Axis caption, e.g. "bytes". */
  readonly axis: string;
  readonly bars: readonly Bar[];
  /** Log scale where one series dwarfs another (Linux against Kiln). */
  readonly scale: 'log' | 'linear';
  /** Formats an axis tick. */
  readonly tick: (value: number) => string;
}

const COLOURS: Readonly<Record<Series, string>> = { kiln: '#d9480f', floor: '#868e96', linux: '#1971c2' };
const NAMES: Readonly<Record<Series, string>> = { kiln: 'Kiln', floor: 'emulator floor', linux: 'Linux' };

const WIDTH = 920;
const LABEL_W = 290;
const PLOT_W = 470;
const ROW_H = 26;
const TOP = 64;

/**
 * Renders a bar chart as a standalone SVG document: plain strings, no
 * library. On a log scale the axis runs between the powers of ten around
 * the data, with a grid line at each; zero and missing values draw no bar.
 */
export function renderBarChart(chart: BarChart): string {
  const values = chart.bars.map((b) => b.value).filter((v): v is number => v !== undefined && v > 0);
  const toX = axis(chart.scale, values);
  const height = TOP + chart.bars.length * ROW_H + 48;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(chart.title)}</text>`);

  // Legend: only the series present.
  let lx = LABEL_W;
  for (const series of (['kiln', 'floor', 'linux'] as const).filter((s) => chart.bars.some((b) => b.series === s))) {
    parts.push(`<rect x="${lx}" y="34" width="12" height="12" fill="${COLOURS[series]}"/>`);
    parts.push(`<text x="${lx + 16}" y="44">${esc(NAMES[series])}</text>`);
    lx += 24 + NAMES[series].length * 7;
  }

  // Grid and ticks.
  const plotBottom = TOP + chart.bars.length * ROW_H;
  for (const t of toX.ticks) {
    const x = LABEL_W + toX.at(t);
    parts.push(`<line x1="${x.toFixed(1)}" y1="${TOP - 4}" x2="${x.toFixed(1)}" y2="${plotBottom}" stroke="#dee2e6"/>`);
    parts.push(`<text x="${x.toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle" fill="#495057">${esc(chart.tick(t))}</text>`);
  }
  parts.push(`<text x="${LABEL_W + PLOT_W / 2}" y="${plotBottom + 36}" text-anchor="middle" fill="#495057">${esc(chart.axis)}${chart.scale === 'log' ? ' (log scale)' : ''}</text>`);

  // Bars.
  chart.bars.forEach((bar, i) => {
    const y = TOP + i * ROW_H;
    parts.push(`<text x="${LABEL_W - 8}" y="${y + 17}" text-anchor="end">${esc(bar.label)}</text>`);
    const w = bar.value !== undefined && bar.value > 0 ? Math.max(1, toX.at(bar.value)) : 0;
    if (w > 0) parts.push(`<rect x="${LABEL_W}" y="${y + 5}" width="${w.toFixed(1)}" height="${ROW_H - 10}" fill="${COLOURS[bar.series]}"/>`);
    parts.push(`<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + 17}" fill="${w > 0 ? '#212529' : '#868e96'}">${esc(bar.text)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Maps values to x offsets inside the plot, with the tick values to draw. */
function axis(scale: 'log' | 'linear', values: readonly number[]): { at: (v: number) => number; ticks: number[] } {
  if (values.length === 0) return { at: () => 0, ticks: [] };
  if (scale === 'log') {
    // Strictly below the smallest value, so its bar has length.
    const lo = Math.ceil(Math.log10(Math.min(...values))) - 1;
    let hi = Math.ceil(Math.log10(Math.max(...values)));
    if (hi === lo) hi = lo + 1;
    const ticks: number[] = [];
    for (let p = lo; p <= hi; p++) ticks.push(10 ** p);
    const at = (v: number) => ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo)) * PLOT_W;
    return { at, ticks };
  }
  const max = niceCeiling(Math.max(...values));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return { at: (v: number) => (v / max) * PLOT_W, ticks };
}

/** The next 1, 2 or 5 times a power of ten at or above v. */
function niceCeiling(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((c) => c >= v) ?? 10 * p;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
