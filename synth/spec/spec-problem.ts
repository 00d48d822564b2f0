// SPDX-License-Identifier: MIT
/**
 * Problems in a user's spec file, placed at a line and a JSON pointer.
 */

/**
 * One thing wrong with a spec file: the user's to fix.
 *
 * `line` and `column` are 1-based and point at the text to change (for an
 * unknown key, the key; for a bad value, the value; for something missing,
 * the key of the mapping that lacks it). `pointer` names the same place as
 * a JSON pointer into the file's document, e.g. `/images/3/board`.
 */
export interface SpecProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly pointer: string;
  /** A sentence saying what is wrong and how to fix it. */
  readonly message: string;
}

/** Formats a problem the way compilers do: `file:line:col: message (at /images/3/board)`. */
export function formatSpecProblem(problem: SpecProblem): string {
  const at = problem.pointer === '' ? '' : ` (at ${problem.pointer})`;
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}${at}`;
}
