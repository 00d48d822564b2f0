// SPDX-License-Identifier: MIT
import { formatOrigin, type Origin } from './spec/image-spec.ts';

const KILN_ERROR = Symbol.for('kiln.KilnError');

/** Whose fault an error is: the user's input, or Kiln itself. */
export type Fault = 'user' | 'kiln';

/** One problem found in the user's program or spec, tagged with where it came from. */
export interface Problem {
  readonly message: string;
  readonly origin?: Origin;
  /** How to fix it, when known. */
  readonly hint?: string;
}

/** Formats a problem as `file:line:col (path): message` plus its hint. */
export function formatProblem(p: Problem): string {
  const where = p.origin ? `${formatOrigin(p.origin)}: ` : '';
  return `${where}${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`;
}

/**
 * An error Kiln reports to the user: one or more problems, whose fault it
 * is, and an optional cause (shown with --debug).
 */
export class KilnError extends Error {
  /** True when `x` is a KilnError from any copy of Kiln. */
  static isKilnError(x: unknown): x is KilnError {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[KILN_ERROR] === true;
  }

  readonly problems: readonly Problem[];
  readonly fault: Fault;

  constructor(problems: readonly Problem[] | string, options: { fault?: Fault; cause?: unknown } = {}) {
    const list = typeof problems === 'string' ? [{ message: problems }] : problems;
    super(list.map(formatProblem).join('\n'), { cause: options.cause });
    Object.defineProperty(this, KILN_ERROR, { value: true });
    this.name = 'KilnError';
    this.problems = list;
    this.fault = options.fault ?? 'user';
  }
}
