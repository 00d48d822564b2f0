// SPDX-License-Identifier: MIT
/**
 * Where something is written in the Kconfig tree.
 */

/** A line of a Kconfig file; `file` is relative to the source tree. */
export interface SourceLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
}

/** Formats a location as `file:line`, the form editors and compilers use. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}`;
}
