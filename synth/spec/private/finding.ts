// SPDX-License-Identifier: MIT
/**
 * A problem found in a spec document before it is placed in a file.
 *
 * Checks work on plain data and name places by JSON pointer; the loader
 * turns each pointer into a line and column of the user's file, and the
 * plain-data validator (specs built by constructs) reports the pointer as is.
 */

/**
 * Which part of a member a finding is about: its key (an unknown key, a
 * member that lacks something) or its value (a wrong type, a bad name).
 * When the member has no key (an item of a list) both mean the item.
 */
export type Anchor = 'key' | 'value';

/** Says where another place of the same document is, e.g. "line 4" or "/images/0/id". */
export type Where = (pointer: string, anchor: Anchor) => string;

/** One problem, tied to the place in the document the user should change. */
export interface Finding {
  readonly pointer: string;
  readonly anchor: Anchor;
  /** The sentence; a function of `where` when it names a second place in the document. */
  readonly message: string | ((where: Where) => string);
}

/** Renders a finding's message, letting it name other places through `where`. */
export function messageOf(finding: Finding, where: Where): string {
  return typeof finding.message === 'string' ? finding.message : finding.message(where);
}
