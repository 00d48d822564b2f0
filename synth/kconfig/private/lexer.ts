// SPDX-License-Identifier: MIT
/**
 * Splits one logical Kconfig line into tokens, expanding macros on the way.
 *
 * Kconfig is line-oriented: a line is a keyword followed by words, quoted
 * strings and expression operators, and `#` starts a comment anywhere outside
 * a string. A line whose first word is no keyword is a preprocessor
 * assignment (`NAME := value`), which the preprocessor takes and which yields
 * no tokens.
 *
 * What a token is depends on the one before it, as in every Kconfig
 * implementation: after a keyword that takes text (`bool`, `prompt`, `menu`,
 * `source`, `choice`...) a quoted string, or an unquoted word, is that text;
 * anywhere else a quoted string is a constant in an expression. Names may be
 * built with `$(...)`; quoted strings expand `$(...)`, then `$NAME` and
 * `${NAME}` from the environment (os.path.expandvars, as kconfiglib does).
 */
import { release } from 'node:os';
import { KconfigParseError } from '../parse-error.ts';
import { PY_SPACE } from './python-numbers.ts';
import { expandEnvInString, type MacroPlace, type Preprocessor } from './preprocessor.ts';

/** The expression operators. */
export type Operator = '&&' | '||' | '!' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '(' | ')';

/** One token of a line. */
export type Token =
  /** A keyword, or a symbol name (`keyword` false; a name built by a macro never is one). */
  | { readonly kind: 'word'; readonly text: string; readonly keyword: boolean }
  /** Text a keyword takes: a prompt, a title, a path, a choice name, an option's value. */
  | { readonly kind: 'string'; readonly text: string }
  /** A quoted constant inside an expression. */
  | { readonly kind: 'constant'; readonly text: string }
  | { readonly kind: 'op'; readonly text: Operator };

/** Words that are keywords anywhere on a line, so they cannot name symbols. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  '---help---', 'allnoconfig_y', 'bool', 'boolean', 'choice', 'comment', 'config', 'def_bool', 'def_hex', 'def_int',
  'def_string', 'def_tristate', 'default', 'defconfig_list', 'depends', 'endchoice', 'endif', 'endmenu', 'env',
  'grsource', 'gsource', 'help', 'hex', 'if', 'imply', 'int', 'mainmenu', 'menu', 'menuconfig', 'modules', 'on',
  'option', 'optional', 'orsource', 'osource', 'prompt', 'range', 'rsource', 'select', 'source', 'string', 'tristate',
  'visible',
]);

// Keywords after which a quoted string or a bare word is text, not a symbol.
const TAKES_TEXT: ReadonlySet<string> = new Set([
  'bool', 'boolean', 'choice', 'comment', 'hex', 'int', 'mainmenu', 'menu', 'orsource', 'grsource', 'osource', 'gsource',
  'prompt', 'rsource', 'source', 'string', 'tristate',
]);

// Python's str.isspace() set, which kconfiglib's tokenizer skips.
const SPACE = PY_SPACE;
const COMMAND = new RegExp(`[${SPACE}]*([A-Za-z0-9_$-]+)[${SPACE}]*`, 'y');
const WORD = new RegExp(`([A-Za-z0-9_$/.-]+)[${SPACE}]*`, 'y');
const BLANKS = new RegExp(`[${SPACE}]*`, 'y');
// Where a name ends: a character no name has, a `$(` call (expanded in place), or the end.
const NAME_END = /\$\(|[^A-Za-z0-9_$/.-]|$/g;
const IS_BLANK = new RegExp(`^[${SPACE}]*$`);
// Longest operators first.
const OPERATORS: readonly Operator[] = ['&&', '||', '!=', '<=', '>=', '!', '=', '<', '>', '(', ')'];

/** Describes a token for an error message: `'foo'`, `"bar"` or `end of line`. */
export function describeToken(token: Token | undefined): string {
  if (!token) return 'end of line';
  if (token.kind === 'string' || token.kind === 'constant') return `"${token.text}"`;
  return `'${token.text}'`;
}

/** Calls back for style warnings (`file:line: text`). */
export type LexWarn = (message: string) => void;

/**
 * Tokenizes `text`, the content of one logical line (continuations joined).
 * Returns no tokens for a blank line, a comment or a preprocessor assignment.
 *
 * @throws KconfigParseError on an unterminated string, a character that
 *   starts no token, or a macro error.
 */
export function tokenizeLine(text: string, at: MacroPlace, pp: Preprocessor, warn: LexWarn, newline = true): Token[] {
  pp.at(at);
  COMMAND.lastIndex = 0;
  const command = COMMAND.exec(text);
  if (!command) {
    if (IS_BLANK.test(text) || text.trimStart().startsWith('#')) return [];
    throw new KconfigParseError(at.file, at.line, 'a Kconfig statement', `'${text.trim().slice(0, 40)}'`);
  }
  const head = command[1];
  if (!KEYWORDS.has(head)) {
    // Old tools accepted any dashes around help ("--help--").
    if (text.replace(/^[ \t\n-]+|[ \t\n-]+$/g, '') === 'help') return [{ kind: 'word', text: 'help', keyword: true }];
    pp.assignment(text, newline);
    return [];
  }
  const tokens: Token[] = [{ kind: 'word', text: head, keyword: true }];
  const option = head === 'option';
  let previous: string | undefined = head;
  let s = text;
  let i = COMMAND.lastIndex;
  while (i < s.length) {
    WORD.lastIndex = i;
    const word = WORD.exec(s);
    if (word) {
      const name = word[1];
      if (KEYWORDS.has(name)) {
        tokens.push({ kind: 'word', text: name, keyword: true });
        previous = name;
        i = WORD.lastIndex;
      } else if (previous === undefined || !TAKES_TEXT.has(previous)) {
        if (name.includes('$')) {
          let expanded: string;
          [expanded, s, i] = expandName(s, i, pp, at);
          tokens.push({ kind: 'word', text: expanded, keyword: false });
        } else {
          tokens.push({ kind: 'word', text: name, keyword: false });
          i = WORD.lastIndex;
        }
        previous = undefined;
      } else {
        if (previous !== 'choice') warn(`${at.file}:${at.line}: style: quotes recommended around '${name}' in '${text.trim()}'`);
        tokens.push({ kind: 'string', text: name });
        previous = undefined;
        i = WORD.lastIndex;
      }
      continue;
    }
    const c = s[i];
    if (c === '"' || c === "'") {
      let value: string;
      [value, s, i] = readQuoted(s, i, pp, at);
      const isText = (previous !== undefined && TAKES_TEXT.has(previous)) || option;
      tokens.push(isText ? { kind: 'string', text: value } : { kind: 'constant', text: value });
      previous = undefined;
    } else if (c === '#') {
      break;
    } else {
      const op = OPERATORS.find((o) => s.startsWith(o, i));
      if (!op) throw new KconfigParseError(at.file, at.line, 'a name, a quoted string or an operator', `'${c}'`);
      tokens.push({ kind: 'op', text: op });
      previous = undefined;
      i += op.length;
    }
    BLANKS.lastIndex = i;
    BLANKS.exec(s);
    i = BLANKS.lastIndex;
  }
  return tokens;
}

// Expands a name built with $(...) starting at s[i]; returns the name, the
// expanded line and the index after the name and its trailing blanks.
function expandName(s: string, i: number, pp: Preprocessor, at: MacroPlace): [string, string, number] {
  let j = i;
  for (;;) {
    NAME_END.lastIndex = j;
    const m = NAME_END.exec(s)!;
    if (m[0] !== '$(') {
      j = m.index;
      break;
    }
    [s, j] = pp.expandCall(s, m.index, []);
  }
  const name = s.slice(i, j);
  if (name.trim() === '') throw new KconfigParseError(at.file, at.line, 'a symbol name', 'a macro that expanded to nothing');
  BLANKS.lastIndex = j;
  BLANKS.exec(s);
  return [name, s, BLANKS.lastIndex];
}

let unameRelease: string | undefined;
function kernelRelease(): string {
  return (unameRelease ??= release());
}

// Reads a string starting at the quote at s[start]. A backslash makes the
// next character literal (so `\$(x)` is no call); `$(...)` calls expand in
// place; then `$NAME` expands from the environment. Returns the value, the
// line with the calls expanded, and the index after the closing quote.
function readQuoted(s: string, start: number, pp: Preprocessor, at: MacroPlace): [string, string, number] {
  const quote = s[start];
  let i = start + 1;
  let raw = '';
  for (;;) {
    if (i >= s.length) throw new KconfigParseError(at.file, at.line, `a closing ${quote}`, 'end of line');
    const c = s[i];
    if (c === quote) break;
    if (c === '\\') {
      // The backslash goes; the next character is taken as it is.
      s = s.slice(0, i) + s.slice(i + 1);
      if (i < s.length) raw += s[i];
      i++;
    } else if (c === '$' && s[i + 1] === '(') {
      const [expanded, end] = pp.expandCall(s, i, []);
      raw += expanded.slice(i, end);
      s = expanded;
      i = end;
    } else {
      raw += c;
      i++;
    }
  }
  return [expandEnvInString(raw, pp, kernelRelease), s, i + 1];
}
