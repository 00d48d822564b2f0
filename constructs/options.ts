// SPDX-License-Identifier: MIT
/**
 * Numeric options carry their Kconfig range into the types: `kiln codegen`
 * writes, beside each library's options interface (where every integer is
 * a plain `number`), an interface of OptionRange entries. A component's
 * constructor takes its props as `CheckedOptions<Name, P, Ranges>`, so a
 * literal out of range is a compile error at the option's line that reads
 * as the rule's sentence, while a computed `number` (a fleet's data) is
 * accepted as it is and checked at synth, with the user's line, against
 * the same Kconfig range.
 */
import type { OptionRangeSentence } from './rules.ts';

/** The Kconfig range of an integer option: `low` to `high` inclusive, and its symbol. */
export interface OptionRange<Low extends number, High extends number, Symbol extends string> {
  readonly low: Low;
  readonly high: High;
  readonly symbol: Symbol;
}

/**
 * Props `P` with each numeric literal checked against its range in `R`:
 * an option out of range has the rule's sentence as its type.
 */
export type CheckedOptions<C extends string, P, R> = {
  [K in keyof P]: K extends keyof R & string ? RangeChecked<C, K, P[K], R[K]> : P[K];
};

type RangeChecked<C extends string, K extends string, V, R> = V extends number
  ? R extends OptionRange<infer Low, infer High, infer Symbol>
    ? InRange<V, Low, High> extends true ? V : OptionRangeSentence<C, K, V, Low, High, Symbol>
    : V
  : V;

/**
 * Whether the number literal V lies in [Low, High]; true for `number`
 * itself (a computed value, checked at synth). Compares the literals'
 * decimal digits, so ranges of any size are checked without enumerating them.
 */
export type InRange<V extends number, Low extends number, High extends number> = number extends V ? true
  : `${V}` extends `${string}.${string}` | `${string}e${string}` ? false
  : NotGreater<Low, V> extends true ? NotGreater<V, High> : false;

type NotGreater<A extends number, B extends number> = CompareIntegers<`${A}`, `${B}`> extends 1 ? false : true;

/** -1, 0 or 1 as the integer written A is below, equal to or above the one written B. */
type CompareIntegers<A extends string, B extends string> =
  A extends `-${infer a}` ? (B extends `-${infer b}` ? CompareNaturals<b, a> : -1) : B extends `-${string}` ? 1 : CompareNaturals<A, B>;

type CompareNaturals<A extends string, B extends string> =
  CompareLengths<LengthOf<A>, LengthOf<B>> extends infer L ? (L extends 0 ? CompareDigits<A, B> : L) : never;

type LengthOf<S extends string, Acc extends 0[] = []> = S extends `${string}${infer Rest}` ? LengthOf<Rest, [...Acc, 0]> : Acc['length'];

type CompareLengths<A extends number, B extends number, Count extends 0[] = []> =
  A extends B ? 0 : Count['length'] extends A ? -1 : Count['length'] extends B ? 1 : CompareLengths<A, B, [...Count, 0]>;

type CompareDigits<A extends string, B extends string> =
  A extends `${infer a}${infer restA}` ? B extends `${infer b}${infer restB}`
    ? a extends b ? CompareDigits<restA, restB> : DigitBelow<a, b> extends true ? -1 : 1
    : 0 : 0;

type DigitBelow<A extends string, B extends string> = '0123456789' extends `${string}${A}${string}${B}${string}` ? true : false;
