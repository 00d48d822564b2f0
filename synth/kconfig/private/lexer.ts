// SPDX-License-Identifier: MIT
/**
 * Splits one logical Kconfig line into tokens.
 *
 * Kconfig is line-oriented: a line is a keyword followed by words, quoted
 * strings and expression operators, and `#` starts a comment anywhere outside
 * a string. Which words are keywords is decided by the parser; the lexer only
 * knows shapes.
 */
import { KconfigParseError } from '../parse-error.ts';
import type { SourceLocation } from '../location.ts';

/** The expression operators. */
export type Operator = '&&' | '||' | '!' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '(' | ')';

/** One token of a line. */
export type Token =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'op'; readonly text: Operator };

// A keyword, a symbol name or a bare number (Kconfig allows / . - in them).
const WORD = /[A-Za-z0-9_$/.-]+/y;
const BLANKS = /\s*/y;
// Longest operators first.
const OPERATORS: readonly Operator[] = ['&&', '||', '!=', '<=', '>=', '!', '=', '<', '>', '(', ')'];

/** Describes a token for an error message: `'foo'`, `"bar"` or `end of line`. */
export function describeToken(token: Token | undefined): string {
  if (!token) return 'end of line';
  if (token.kind === 'string') return `"${token.text}"`;
  return `'${token.text}'`;
}

/**
 * Tokenizes `text`, the content of one logical line (continuations joined).
 *
 * @throws KconfigParseError on an unterminated string, a character that
 *   starts no token, or a macro (`$(...)`), which Kiln does not expand.
 */
export function tokenizeLine(text: string, at: SourceLocation): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const skipBlanks = (): void => {
    BLANKS.lastIndex = i;
    BLANKS.exec(text);
    i = BLANKS.lastIndex;
  };
  skipBlanks();
  while (i < text.length) {
    const c = text[i];
    if (c === '#') break;
    if (c === '"' || c === "'") {
      const [value, end] = readQuoted(text, i, at);
      tokens.push({ kind: 'string', text: value });
      i = end;
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(text);
      if (word) {
        if (word[0].includes('$')) {
          throw new KconfigParseError(at.file, at.line, 'a plain name (Kiln does not expand Kconfig macros)', `'${word[0]}'`);
        }
        tokens.push({ kind: 'word', text: word[0] });
        i = WORD.lastIndex;
      } else {
        const op = OPERATORS.find((o) => text.startsWith(o, i));
        if (!op) {
          throw new KconfigParseError(at.file, at.line, 'a name, a quoted string or an operator', `'${c}'`);
        }
        tokens.push({ kind: 'op', text: op });
        i += op.length;
      }
    }
    skipBlanks();
  }
  return tokens;
}

// Reads a string starting at the quote at `start`; a backslash makes the next
// character literal. Returns the value and the index after the closing quote.
function readQuoted(text: string, start: number, at: SourceLocation): [string, number] {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === quote) return [value, i + 1];
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      throw new KconfigParseError(at.file, at.line, 'a string without macros (Kiln does not expand $(...))', `'${text.slice(start)}'`);
    }
    value += c;
    i++;
  }
  throw new KconfigParseError(at.file, at.line, `a closing ${quote}`, 'end of line');
}
