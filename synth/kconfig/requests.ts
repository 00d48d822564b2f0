// SPDX-License-Identifier: MIT
/**
 * What an image asks of the configuration, and how each ask reads as a
 * line of a defconfig fragment.
 *
 * A request means exactly what the corresponding fragment line means to
 * kconfiglib (`CONFIG_X=y`, `# CONFIG_X is not set`, `CONFIG_X=4096`,
 * `CONFIG_X="text"`), so that Kiln's resolution and the reference's agree
 * line for line. Values that fit no such line for the symbol's type are
 * refused up front (and reported as type mismatches) rather than guessed at.
 */
import type { Origin } from '../spec/image-spec.ts';
import type { KconfigType } from './private/ast.ts';
import { escapeString } from './private/names.ts';
import { parsePyInt, pyRstrip } from './private/python-numbers.ts';
import type { KconfigTree } from './tree.ts';

/** One symbol value an image asks for. */
export interface ConfigRequest {
  /** The Kconfig symbol, without the CONFIG_ prefix. */
  readonly symbol: string;
  /**
   * The value: a boolean for a bool symbol; for int and hex symbols a whole
   * number, or a numeric string such as "4096", "-1" or "0x80000000" (exact
   * for 64-bit addresses, and kept as written); a string without line
   * breaks for a string symbol.
   */
  readonly value: boolean | number | string;
  /** Who asked, for messages. */
  readonly origin?: Origin;
}

/** A request's value checked against the symbol's type. */
export type CheckedValue =
  /** Accepted; `text` is the value as Kconfig stores it: y/n for a bool, the number as written otherwise. */
  | { readonly ok: true; readonly text: string }
  /** Refused; `expected` names what the type takes, `hint` suggests a fix. */
  | { readonly ok: false; readonly expected: string; readonly hint: string };


/** Checks `value` against a symbol of type `type`. */
export function checkRequestValue(type: KconfigType, value: ConfigRequest['value']): CheckedValue {
  switch (type) {
    case 'bool':
      if (typeof value === 'boolean') return { ok: true, text: value ? 'y' : 'n' };
      return {
        ok: false,
        expected: 'true or false',
        hint: typeof value === 'string' && /^(y|yes|true|on)$/i.test(value) ? 'write true (a boolean, not a string)'
          : typeof value === 'string' && /^(n|no|false|off)$/i.test(value) ? 'write false (a boolean, not a string)'
          : 'give true or false',
      };
    case 'int':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return { ok: true, text: String(value) };
      if (typeof value === 'string' && isNumberText(value, 10)) return { ok: true, text: pyRstrip(value) };
      return { ok: false, expected: 'a whole decimal number', hint: 'give a whole number such as 42' };
    case 'hex':
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return { ok: true, text: `0x${value.toString(16)}` };
      if (typeof value === 'string' && isNumberText(value, 16) && parsePyInt(value, 16)! >= 0n) return { ok: true, text: pyRstrip(value) };
      return {
        ok: false,
        expected: 'a non-negative hexadecimal number',
        hint: typeof value === 'number' && value < 0 ? 'hex values cannot be negative' : 'give a number, or a string such as "0x1000"',
      };
    case 'unknown':
      return { ok: false, expected: 'nothing (the symbol has no type, so it takes no value)', hint: 'give the symbol a type in its Kconfig file' };
    case 'string':
      if (typeof value === 'string' && !/[\r\n]/.test(value)) return { ok: true, text: value };
      return {
        ok: false,
        expected: 'a string on one line',
        hint: typeof value === 'string' ? 'remove the line breaks' : `quote the value: "${String(value)}"`,
      };
  }
}

// A number as a .config line can carry it: what Python's int(text, base)
// reads, on one line. Kconfig keeps the text as written (minus trailing
// blanks, which a .config line loses), so " 5" and "1_000" stay as they are.
function isNumberText(text: string, base: 10 | 16): boolean {
  return !/[\r\n]/.test(text) && parsePyInt(text, base) !== undefined;
}

/** The requested value as the user wrote it, for messages: `true`, `42`, `"text"`. */
export function formatRequestedValue(value: ConfigRequest['value']): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * The requests as a defconfig fragment: the file kconfiglib would load to
 * get the same configuration. Requests for unknown symbols and values of the
 * wrong type are left out, since kconfiglib would ignore them too.
 */
export function defconfigFragment(tree: KconfigTree, requests: readonly ConfigRequest[]): string {
  const lines: string[] = [];
  for (const r of requests) {
    const symbol = tree.trySymbol(r.symbol);
    if (!symbol) continue;
    const checked = checkRequestValue(symbol.type, r.value);
    if (!checked.ok) continue;
    lines.push(defconfigLine(symbol.type, r.symbol, checked.text));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** One .config line for a value already in Kconfig's form. */
export function defconfigLine(type: KconfigType, symbol: string, text: string): string {
  if (type === 'bool') return text === 'n' ? `# CONFIG_${symbol} is not set` : `CONFIG_${symbol}=${text}`;
  if (type === 'string') return `CONFIG_${symbol}="${escapeString(text)}"`;
  return `CONFIG_${symbol}=${text}`;
}
