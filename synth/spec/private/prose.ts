// SPDX-License-Identifier: MIT
/**
 * Small helpers for writing problem messages as sentences.
 *
 * Messages speak the user's language (a mapping, a list, a whole number), not
 * JSON Schema's, and offer the nearest valid name when a name looks mistyped.
 */

/**
 * Edit distance between two strings, counting an insertion, a deletion, a
 * substitution or a swap of two neighbouring characters as one edit
 * (optimal string alignment), so "borad" is one edit from "board".
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j] is the distance between the first i characters of a and the first j of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0]!;
  for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const above = rows[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row[j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate nearest to `name`, when it is near enough to be a likely typo.
 *
 * "Near enough" allows one edit for names up to five characters and roughly
 * one edit in three beyond that; ties go to the earlier candidate, so callers
 * pass candidates in a stable order. Case differences are free. Failing that,
 * a candidate that `name` is the start of ("qemu" for "qemu-virt") is offered.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  // Names are short: past this length a suggestion is noise, and the edit distance grows with the square.
  if (name.length > MAX_SUGGESTED_LENGTH) return undefined;
  const wanted = name.toLowerCase();
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined || wanted.length < 3) return best;
  for (const candidate of candidates) {
    if (candidate.toLowerCase().startsWith(wanted)) return candidate;
  }
  return undefined;
}

/** `1st`, `2nd`, `3rd`, `4th`, ..., `11th`, `12th`, `13th`, `21st`... */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** Joins words as prose: `a`, `a or b`, `a, b or c` (or with `and`). */
export function listOf(words: readonly string[], conjunction: 'and' | 'or' = 'or'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** A string in double quotes, escaped the way JSON escapes it. */
export function quote(text: string): string {
  // A message names a value, it does not repeat a 100 KB one.
  return JSON.stringify(text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text);
}

/** The longest name a "did you mean" looks at. */
export const MAX_SUGGESTED_LENGTH = 64;
/** How much of a value a message quotes. */
export const MAX_QUOTED_LENGTH = 80;

/** Says what a parsed value is, for the "got ..." part of a message. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return `the number ${value}`;
    if (Number.isFinite(value)) return `the fraction ${value}`;
    return `the number ${value}`;
  }
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a timestamp';
  if (value instanceof Uint8Array) return 'binary data';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** Names a JSON type the way a YAML author thinks of it. */
export function typeNoun(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping (key: value lines)';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'nothing';
    default:
      return type;
  }
}

/** `a` or `an`, by the sound of the next word's first letter. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
