// SPDX-License-Identifier: MIT
/**
 * One number the bench reports, or why it has none.
 *
 * Every figure in results.json is a Figure, so a reader (and the quick
 * test) can tell a measured zero from "not applicable yet" from "the
 * measurement broke", and each missing figure carries its reason.
 */
export type Figure = Measured | Missing;

/** The units the bench reports in. `%cpu` is percent of one host core. */
export type Unit = 'ms' | 'bytes' | 'ticks' | '%cpu' | 'KiB' | 'MiB' | 'x';

/** A figure that was measured (or derived from measured figures). */
export interface Measured {
  readonly value: number;
  readonly unit: Unit;
  /** The individual runs behind a median, in the order they ran. */
  readonly samples?: readonly number[];
  /** What the number means when the unit alone does not say, e.g. "at most". */
  readonly note?: string;
}

/**
 * A figure without a number: `n/a` when it cannot exist yet or for this
 * board (an expected gap, labelled), `error` when measuring it failed.
 */
export interface Missing {
  readonly missing: 'n/a' | 'error';
  readonly reason: string;
}

/** A measured figure. */
export function measured(value: number, unit: Unit, extra: { samples?: readonly number[]; note?: string } = {}): Measured {
  return { value, unit, ...(extra.samples ? { samples: extra.samples } : {}), ...(extra.note ? { note: extra.note } : {}) };
}

/** An expected gap, with the reason printed next to it. */
export function notApplicable(reason: string): Missing {
  return { missing: 'n/a', reason };
}

/** A measurement that failed; `cause` is an Error or a message. */
export function failed(cause: unknown): Missing {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return { missing: 'error', reason: reason.trim() };
}

/** True when the figure has a number. */
export function isMeasured(f: Figure): f is Measured {
  return 'value' in f;
}

/** The figure's number, or undefined. */
export function valueOf(f: Figure): number | undefined {
  return isMeasured(f) ? f.value : undefined;
}

/**
 * Derives a figure from two others (a difference, a ratio); a missing
 * input makes the result missing with the input's reason.
 */
export function combine(a: Figure, b: Figure, unit: Unit, op: (a: number, b: number) => number): Figure {
  if (!isMeasured(a)) return a;
  if (!isMeasured(b)) return b;
  const value = op(a.value, b.value);
  return Number.isFinite(value) ? measured(value, unit) : failed(`cannot derive a ${unit} figure from ${a.value} and ${b.value}`);
}

/** Every figure found anywhere inside a results object, with its path. */
export function collectFigures(root: unknown, path = ''): { path: string; figure: Figure }[] {
  if (typeof root !== 'object' || root === null) return [];
  if (isFigureLike(root)) return [{ path, figure: root }];
  const found: { path: string; figure: Figure }[] = [];
  for (const [key, child] of Object.entries(root)) {
    found.push(...collectFigures(child, path ? `${path}.${key}` : key));
  }
  return found;
}

function isFigureLike(x: object): x is Figure {
  return ('value' in x && 'unit' in x) || ('missing' in x && 'reason' in x);
}
