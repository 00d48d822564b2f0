// SPDX-License-Identifier: MIT
import type { Figure, Measured } from '../figures.ts';

/** A number with its unit, as people read it: 12.8 KiB, 52.3 ms, 0.41 %, 21.5×. */
export function formatValue(f: Measured): string {
  const v = f.value;
  switch (f.unit) {
    case 'ms':
      return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms`;
    case 'bytes':
      return formatBytes(v);
    case 'KiB':
      return formatBytes(v * 1024);
    case 'MiB':
      return `${v} MiB`;
    case 'ticks':
      return `${v.toFixed(0)} ticks`;
    case '%cpu':
      return `${v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2)} %`;
    case 'x':
      return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)}×`;
  }
}

/** Bytes in B, KiB or MiB (binary units, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Footnotes for figures without a number: a table cell says "n/a [2]" or
 * "error [3]", and the reasons are listed once under the tables.
 */
export class Footnotes {
  private readonly reasons: string[] = [];

  /** The cell text of a figure: its value, or its gap with a footnote mark. */
  cell(f: Figure): string {
    if ('value' in f) return formatValue(f);
    return `${f.missing} [${this.mark(`${f.missing === 'error' ? 'error: ' : ''}${f.reason}`)}]`;
  }

  /** The footnote number of a reason (the same reason shares one number). */
  mark(reason: string): number {
    const oneLine = reason.replace(/\s*\n\s*/g, ' ');
    let i = this.reasons.indexOf(oneLine);
    if (i < 0) i = this.reasons.push(oneLine) - 1;
    return i + 1;
  }

  /** The footnotes as a markdown list, empty when there are none. */
  render(): string {
    return this.reasons.map((r, i) => `[${i + 1}] ${r}`).join('  \n');
  }
}
