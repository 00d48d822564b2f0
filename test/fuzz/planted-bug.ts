// SPDX-License-Identifier: MIT
/**
 * A target with a bug behind three nested checks, for testing the fuzzer
 * itself: random inputs almost never pass all three at once, coverage
 * guidance passes them one at a time.
 */
export function plantedBug(input: Buffer): void {
  const text = input.toString('latin1');
  const at = text.indexOf('<');
  if (at < 0) return;
  if (text[at + 1] === 'K') {
    if (text[at + 2] === 'L') {
      if (text[at + 3] === 'N') throw new Error('planted bug reached');
    }
  }
}
