// SPDX-License-Identifier: MIT
import { measured, type Measured, type Unit } from '../figures.ts';

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A median figure that keeps its samples, so the spread is in results.json. */
export function medianFigure(samples: readonly number[], unit: Unit): Measured {
  return measured(median(samples), unit, { samples });
}
