// SPDX-License-Identifier: MIT
/**
 * Expressions over the symbol table, as the resolver evaluates them.
 *
 * Names are interned to entry ids (see model.ts): a defined symbol, a name
 * nothing defines (a number such as `4096` is one), a quoted constant, or
 * one of the constants n, m and y. A choice appears in an expression only
 * as the implicit dependency of its members.
 */
import type { CompareOp } from './ast.ts';

/** Kconfig's three-valued logic: n = 0, m = 1, y = 2 (m only appears transiently; Kiln has no modules). */
export type Tri = 0 | 1 | 2;

/** An interned expression. */
export type Expr =
  | { readonly k: 'ref'; readonly id: number }
  | { readonly k: 'choice'; readonly choice: number }
  | { readonly k: 'not'; readonly a: Expr }
  | { readonly k: 'and' | 'or'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'cmp'; readonly op: CompareOp; readonly a: number; readonly b: number };

/** Entry ids of the constants n, m and y; every table starts with them. */
export const N_ID = 0;
export const M_ID = 1;
export const Y_ID = 2;

/** The constant y, used for "no condition". */
export const Y: Expr = { k: 'ref', id: Y_ID };
/** The constant n. */
export const N: Expr = { k: 'ref', id: N_ID };

function isRef(e: Expr, id: number): boolean {
  return e.k === 'ref' && e.id === id;
}

/** True for the constant y, i.e. a condition that is always met. */
export function isAlways(e: Expr): boolean {
  return isRef(e, Y_ID);
}

/**
 * `a && b`, simplified only where one side is the constant y or n.
 *
 * The simplification is deliberately no smarter than the reference
 * implementation's: how a symbol's dependencies are shaped decides which
 * entries nest under it in a menu, and that decides choice membership.
 */
export function andExpr(a: Expr, b: Expr): Expr {
  if (isRef(a, Y_ID)) return b;
  if (isRef(b, Y_ID)) return a;
  if (isRef(a, N_ID) || isRef(b, N_ID)) return N;
  return { k: 'and', a, b };
}

/** `a || b`, simplified only where one side is the constant y or n. */
export function orExpr(a: Expr, b: Expr): Expr {
  if (isRef(a, N_ID)) return b;
  if (isRef(b, N_ID)) return a;
  if (isRef(a, Y_ID) || isRef(b, Y_ID)) return Y;
  return { k: 'or', a, b };
}

/** The operands of a chain of `&&`, left to right. */
export function conjuncts(e: Expr): Expr[] {
  if (e.k !== 'and') return [e];
  return [...conjuncts(e.a), ...conjuncts(e.b)];
}

/** Calls `onRef` for every entry id and `onChoice` for every choice in `e`. */
export function visitExpr(e: Expr, onRef: (id: number) => void, onChoice: (choice: number) => void = () => {}): void {
  switch (e.k) {
    case 'ref':
      onRef(e.id);
      return;
    case 'choice':
      onChoice(e.choice);
      return;
    case 'not':
      visitExpr(e.a, onRef, onChoice);
      return;
    case 'and':
    case 'or':
      visitExpr(e.a, onRef, onChoice);
      visitExpr(e.b, onRef, onChoice);
      return;
    case 'cmp':
      onRef(e.a);
      onRef(e.b);
  }
}

/**
 * True when `e` makes a menu entry depend on symbol `id` in the sense of
 * Kconfig's automatic submenus: `id` itself, `id = y`, `id != n`, or an
 * `&&` chain containing one of those.
 */
export function dependsOnSymbol(e: Expr, id: number): boolean {
  switch (e.k) {
    case 'ref':
      return e.id === id;
    case 'and':
      return dependsOnSymbol(e.a, id) || dependsOnSymbol(e.b, id);
    case 'cmp': {
      if (e.op !== '=' && e.op !== '!=') return false;
      let other: number;
      if (e.b === id) other = e.a;
      else if (e.a === id) other = e.b;
      else return false;
      // Mirrors the reference implementation exactly, including its
      // treatment of `id != y` as a dependency.
      return (e.op === '=' && other === M_ID) || other === Y_ID || (e.op === '!=' && other === N_ID);
    }
    default:
      return false;
  }
}

/** How names print inside expressions. */
export interface ExprNames {
  /** The text of an entry: its name, or a quoted constant. */
  entry(id: number): string;
  /** The text of a choice, e.g. `<choice PLATFORM>`. */
  choice(choice: number): string;
}

/** Formats `e` in Kconfig syntax, parenthesizing only where needed. */
export function formatExpr(e: Expr, names: ExprNames): string {
  switch (e.k) {
    case 'ref':
      return names.entry(e.id);
    case 'choice':
      return names.choice(e.choice);
    case 'not':
      return e.a.k === 'ref' || e.a.k === 'choice' ? `!${formatExpr(e.a, names)}` : `!(${formatExpr(e.a, names)})`;
    case 'and':
      return `${wrapIf(e.a, 'or', names)} && ${wrapIf(e.b, 'or', names)}`;
    case 'or':
      return `${wrapIf(e.a, 'and', names)} || ${wrapIf(e.b, 'and', names)}`;
    case 'cmp':
      return `${names.entry(e.a)} ${e.op} ${names.entry(e.b)}`;
  }
}

function wrapIf(e: Expr, k: 'and' | 'or', names: ExprNames): string {
  const s = formatExpr(e, names);
  return e.k === k ? `(${s})` : s;
}
