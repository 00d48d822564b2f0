// SPDX-License-Identifier: MIT
/**
 * Suggests the symbol a user probably meant.
 */

/**
 * The known name closest to `name`, or undefined when nothing is close.
 *
 * Catches a stray `CONFIG_` prefix, wrong case, and small typos (edit
 * distance up to a third of the name's length, at least 2).
 */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  // Symbol names are short: past this length a suggestion is noise, and the edit distance grows with the square.
  if (name.length > 64) return undefined;
  const names = [...known];
  const set = new Set(names);
  if (name.startsWith('CONFIG_') && set.has(name.slice(7))) return name.slice(7);
  const upper = name.toUpperCase();
  if (set.has(upper)) return upper;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of names) {
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const d = editDistance(upper, candidate.toUpperCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
