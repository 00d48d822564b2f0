// SPDX-License-Identifier: MIT
/**
 * Which symbols make a condition come out the way it did.
 *
 * For a condition that is n, the culprits are what would have to change:
 * the n operand of an `&&`, both operands of an `||`, the y operand under a
 * `!`, both sides of a comparison. Messages name them, and explanations walk
 * down into each one's own reasons.
 */
import { conjuncts, type Expr } from './expr.ts';
import type { Evaluation } from './evaluate.ts';

/** A symbol (any entry that is not a constant) or a choice behind a condition's value. */
export type Culprit = { readonly k: 'symbol'; readonly id: number } | { readonly k: 'choice'; readonly choice: number };

/** The `&&` operands of `e` that are n: the part of a dependency that fails. */
export function failingParts(ev: Evaluation, e: Expr): Expr[] {
  return conjuncts(e).filter((c) => ev.eval(c) === 0);
}

/** The symbols and choices that make `e` (which is n) n. */
export function culprits(ev: Evaluation, e: Expr): Culprit[] {
  const out: Culprit[] = [];
  collect(ev, e, false, out);
  return dedupe(out);
}

// want = false: explain why e is n; want = true: explain why e is not n.
function collect(ev: Evaluation, e: Expr, want: boolean, out: Culprit[]): void {
  switch (e.k) {
    case 'ref':
      if (ev.model.entries[e.id].kind === 'defined' || ev.model.entries[e.id].kind === 'undefined') out.push({ k: 'symbol', id: e.id });
      return;
    case 'choice':
      out.push({ k: 'choice', choice: e.choice });
      return;
    case 'not':
      collect(ev, e.a, !want, out);
      return;
    case 'cmp':
      for (const id of [e.a, e.b]) {
        const kind = ev.model.entries[id].kind;
        if (kind === 'defined' || kind === 'undefined') out.push({ k: 'symbol', id });
      }
      return;
    case 'and':
    case 'or': {
      // An && that is n is decided by any operand that is n, an || that is
      // not n by any operand that is not n; the other two cases need both.
      const decisive = (e.k === 'and') !== want;
      for (const x of [e.a, e.b]) {
        if (!decisive || (ev.eval(x) !== 0) === want) collect(ev, x, want, out);
      }
    }
  }
}

function dedupe(list: Culprit[]): Culprit[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = c.k === 'symbol' ? `s${c.id}` : `c${c.choice}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
