// SPDX-License-Identifier: MIT
/**
 * Numbers and string order the way Python sees them.
 *
 * kconfiglib, the reference Kconfig implementation Kiln agrees with, reads
 * every number with Python's `int(text, base)` and compares strings by code
 * point. Kconfig values are strings until something needs a number, so Kiln
 * has to accept exactly the spellings Python accepts (`+5`, `0x_1f`, `1_000`,
 * surrounding blanks) and reject the same ones (`010` in base 0, `0x` alone).
 * Numbers are BigInt because hex symbols hold 64-bit addresses.
 */

/** The bases kconfiglib uses: 10 for int, 16 for hex, 0 (auto-detect) for anything else. */
export type PyIntBase = 0 | 10 | 16;

// Python's str.isspace() characters (JavaScript's \s differs: it has U+FEFF
// and lacks U+001C..U+001F and U+0085).
/** Python's str.isspace() characters, as a regular-expression class body. */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const EDGE_BLANKS = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
const NON_ASCII_DIGIT = /\p{Nd}/u;
const NON_ASCII_DIGITS = /\p{Nd}/gu;

// Code point -> decimal value, for every Unicode decimal digit outside ASCII.
// Built on first use: Unicode promises digits come in runs of ten, 0 to 9.
let digitValues: Map<number, number> | undefined;
function digitValue(ch: string): string {
  if (!digitValues) {
    digitValues = new Map();
    let runStart = -1;
    for (let cp = 0x80; cp < 0x20000; cp++) {
      if (NON_ASCII_DIGIT.test(String.fromCodePoint(cp))) {
        if (runStart < 0) runStart = cp;
        digitValues.set(cp, (cp - runStart) % 10);
      } else {
        runStart = -1;
      }
    }
  }
  const value = digitValues.get(ch.codePointAt(0)!);
  return value === undefined ? ch : String(value);
}

const TRAILING_BLANKS = new RegExp(`[${PY_SPACE}]+$`);

/** Python's `text.rstrip()`. */
export function pyRstrip(text: string): string {
  return text.replace(TRAILING_BLANKS, '');
}

/**
 * What Python does to a number's text before parsing it: every Unicode
 * decimal digit becomes its ASCII digit (so fullwidth '５' and
 * Arabic-Indic '٣' are numbers), and the blanks Python knows are stripped.
 */
function pythonNumberText(text: string): string {
  const ascii = /[^\x00-\x7f]/.test(text) ? text.replace(NON_ASCII_DIGITS, digitValue) : text;
  return ascii.replace(EDGE_BLANKS, '');
}

const DIGITS: Readonly<Record<number, string>> = { 2: '[01]', 8: '[0-7]', 10: '[0-9]', 16: '[0-9a-fA-F]' };

function digitRun(radix: number, afterPrefix: boolean): RegExp {
  const d = DIGITS[radix];
  // Python allows one underscore between digits, and one right after a base prefix.
  return new RegExp(`^${afterPrefix ? '_?' : ''}${d}+(?:_${d}+)*$`);
}

const RUNS = new Map<string, RegExp>();
function run(radix: number, afterPrefix: boolean): RegExp {
  const key = `${radix}:${afterPrefix}`;
  let re = RUNS.get(key);
  if (!re) {
    re = digitRun(radix, afterPrefix);
    RUNS.set(key, re);
  }
  return re;
}

const PREFIX_RADIX: Readonly<Record<string, number>> = { x: 16, o: 8, b: 2 };
const BIGINT_PREFIX: Readonly<Record<number, string>> = { 2: '0b', 8: '0o', 10: '', 16: '0x' };

/**
 * Parses `text` as Python's `int(text, base)` would.
 *
 * @returns the value, or undefined where Python raises ValueError.
 */
export function parsePyInt(text: string, base: PyIntBase): bigint | undefined {
  let s = pythonNumberText(text);
  let negative = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  let radix: number = base;
  let afterPrefix = false;
  const prefix = /^0([xXoObB])/.exec(s);
  if (base === 16 && prefix && prefix[1].toLowerCase() === 'x') {
    s = s.slice(2);
    afterPrefix = true;
  } else if (base === 0) {
    if (prefix) {
      radix = PREFIX_RADIX[prefix[1].toLowerCase()];
      s = s.slice(2);
      afterPrefix = true;
    } else {
      radix = 10;
      // Base 0 refuses leading zeros on a decimal number (it would be octal in C).
      if (/^0/.test(s) && !/^0+(?:_0+)*$/.test(s)) return undefined;
    }
  }
  if (!run(radix, afterPrefix).test(s)) return undefined;
  const value = BigInt(BIGINT_PREFIX[radix] + s.replace(/_/g, ''));
  return negative ? -value : value;
}

/** True when Python's `int(text, base)` would succeed. */
export function isPyInt(text: string, base: PyIntBase): boolean {
  return parsePyInt(text, base) !== undefined;
}

/** Python's `hex(n)`: lowercase, `0x` prefix, sign in front. */
export function pyHex(n: bigint): string {
  return n < 0n ? `-0x${(-n).toString(16)}` : `0x${n.toString(16)}`;
}

/** Compares two strings by Unicode code point, as Python does: -1, 0 or 1. */
export function pyCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(i) as number;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
