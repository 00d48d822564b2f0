// SPDX-License-Identifier: MIT
/**
 * The Kconfig preprocessor: variables, `$(...)` calls and the environment.
 *
 * What the language defines (kconfig-macro-language.rst), as kconfiglib reads it:
 *
 * - `NAME = value` defines a recursive variable (expanded at each use),
 *   `NAME := value` a simple one (expanded once, now), and `NAME += value`
 *   appends a space and the value (expanded now only when the variable is
 *   simple). An assignment is any line whose first word is not a keyword;
 *   the name itself may be built from `$(...)` calls.
 * - `$(NAME)` is a variable, `$(NAME,a,b)` calls it with arguments, which
 *   it reads as `$(1)`, `$(2)` (and `$(0)`, its own name).
 * - The built-in functions `$(info,text)`, `$(warning-if,cond,text)`,
 *   `$(error-if,cond,text)`, `$(filename)` and `$(lineno)`.
 * - A name that is neither a variable nor a function reads the environment;
 *   an unset variable expands to nothing.
 *
 * `$(shell,...)` is refused: a Kconfig file is input, and input never runs a
 * command on the machine that builds.
 */
import { KconfigParseError } from '../parse-error.ts';
import { parsePyInt, PY_SPACE } from './python-numbers.ts';

/** Where the preprocessor is reading, for `$(filename)`, `$(lineno)` and errors. */
export interface MacroPlace {
  readonly file: string;
  /** The line a message names (the logical line's first). */
  readonly line: number;
  /** The last physical line of the logical line, which `$(lineno)` gives, as kconfiglib does. */
  readonly lastLine: number;
}

interface Variable {
  value: string;
  recursive: boolean;
  // How many expansions of it are in progress (a plain variable may not recurse).
  active: number;
}

// A function calling itself more often than this is taken to be stuck.
const MAX_RECURSION = 100;
// Bounds what a file can make the preprocessor build, so that bad input fails fast.
const MAX_EXPANSION_CHARS = 1 << 20;

const BUILTINS: Readonly<Record<string, readonly [min: number, max: number]>> = {
  info: [1, 1],
  'warning-if': [2, 2],
  'error-if': [2, 2],
  filename: [0, 0],
  lineno: [0, 0],
  shell: [1, 1],
};

// An assignment's left side: name characters and `$(` calls; its right side: the operator and the value.
const NAME_FRAGMENT = /[A-Za-z0-9_-]*/y;
const ASSIGNMENT_RHS = /\s*(=|:=|\+=)\s*(.*)/y;
const PY_BLANK_LINE = new RegExp(`^[${PY_SPACE}]*$`);

/** Preprocessor state for one tree: variables persist from file to file. */
export class Preprocessor {
  private readonly variables = new Map<string, Variable>();
  /** Environment variables the tree read, with the values it saw. */
  readonly environment = new Map<string, string>();
  /** `$(info,...)` output, as `file:line: text`. */
  readonly info: string[] = [];
  /** `$(warning-if,y,...)` output and other preprocessor warnings, as `file:line: text`. */
  readonly warnings: string[] = [];
  private place: MacroPlace = { file: '', line: 0, lastLine: 0 };

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  /** Reads an environment variable, recording that the tree depends on it. */
  getenv(name: string): string | undefined {
    if (!Object.hasOwn(this.env, name)) return undefined;
    const value = this.env[name];
    if (value === undefined) return undefined;
    this.environment.set(name, value);
    return value;
  }

  /** Sets where the following expansions happen. */
  at(place: MacroPlace): void {
    this.place = place;
  }

  /**
   * Handles a line whose first word is not a keyword: a variable assignment,
   * or a line of calls that expands to nothing (`$(info,...)`).
   */
  assignment(line: string, newline = true): void {
    let s = line.replace(/^\s+/, '');
    let i = 0;
    for (;;) {
      NAME_FRAGMENT.lastIndex = i;
      NAME_FRAGMENT.exec(s);
      i = NAME_FRAGMENT.lastIndex;
      if (!s.startsWith('$(', i)) break;
      [s, i] = this.expandCall(s, i, []);
    }
    // Nothing left but blanks: a line of calls. kconfiglib decides this on
    // the line with its line break, so on a last line without one, nothing
    // at all left is a syntax error.
    if (PY_BLANK_LINE.test(s) && (s !== '' || newline)) return;
    const name = s.slice(0, i);
    ASSIGNMENT_RHS.lastIndex = i;
    const rhs = ASSIGNMENT_RHS.exec(s);
    if (!rhs || name === '') {
      this.fail('a Kconfig statement (config, menuconfig, choice, menu, comment, if, source) or a variable assignment (NAME := value)', `'${line.trim().slice(0, 60)}'`);
    }
    let op = rhs[1];
    const value = rhs[2];
    let v = this.variables.get(name);
    if (!v) {
      v = { value: '', recursive: true, active: 0 };
      this.variables.set(name, v);
      // += on a new variable defines a recursive one.
      if (op === '+=') op = '=';
    }
    if (op === '=') {
      v.recursive = true;
      v.value = value;
    } else if (op === ':=') {
      v.recursive = false;
      v.value = this.expandAll(value, []);
    } else {
      v.value += ` ${v.recursive ? value : this.expandAll(value, [])}`;
    }
    this.bound(v.value);
  }

  /** Expands every `$(...)` in `s`. */
  expandAll(s: string, args: readonly string[]): string {
    let i = 0;
    for (;;) {
      i = s.indexOf('$(', i);
      if (i < 0) return s;
      [s, i] = this.expandCall(s, i, args);
    }
  }

  /**
   * Expands the call starting at `s[i]` (`$(`). Returns the new text (what
   * came before, the expansion, and the rest) and the index just past the
   * expansion, where scanning goes on: an expansion is not scanned again.
   */
  expandCall(s: string, i: number, args: readonly string[]): [string, number] {
    const before = s.slice(0, i);
    let j = i + 2;
    let argStart = j;
    let nesting = 0;
    const parts: string[] = [];
    for (;;) {
      const k = nextSpecial(s, j);
      if (k < 0) this.fail("')' to close the $(...) call", 'end of line');
      if (s.startsWith('$(', k)) {
        [s, j] = this.expandCall(s, k, args);
        continue;
      }
      const c = s[k];
      j = k + 1;
      if (c === '(') {
        nesting++;
      } else if (c === ',') {
        if (nesting === 0) {
          parts.push(s.slice(argStart, k));
          argStart = j;
        }
      } else if (nesting > 0) {
        nesting--;
      } else {
        parts.push(s.slice(argStart, k));
        const value = this.callValue(parts, args);
        const out = before + value;
        this.bound(out);
        return [out + s.slice(j), out.length];
      }
    }
  }

  // $(1) is an argument of the call being expanded; anything else is a name to call.
  private callValue(parts: readonly string[], args: readonly string[]): string {
    const index = parsePyInt(parts[0], 10);
    if (index !== undefined && args.length > 0) {
      const n = Number(index);
      const k = n < 0 ? args.length + n : n;
      if (k >= 0 && k < args.length) return args[k];
    }
    return this.call(parts);
  }

  private call(parts: readonly string[]): string {
    const [name] = parts;
    const v = this.variables.get(name);
    if (v) {
      if (parts.length === 1 && v.active > 0) this.fail(`a variable that does not refer to itself`, `${name}, which does`);
      if (v.active > MAX_RECURSION) this.fail(`a function that ends`, `${name}, which calls itself more than ${MAX_RECURSION} times`);
      v.active++;
      try {
        return this.expandAll(v.value, parts);
      } finally {
        v.active--;
      }
    }
    if (Object.hasOwn(BUILTINS, name)) return this.builtin(name, parts.slice(1));
    return this.getenv(name) ?? '';
  }

  private builtin(name: string, args: readonly string[]): string {
    const [min, max] = BUILTINS[name];
    if (args.length < min || args.length > max) {
      this.fail(`${min} argument${min === 1 ? '' : 's'} to $(${name})`, String(args.length));
    }
    const where = `${this.place.file}:${this.place.lastLine}`;
    switch (name) {
      case 'info':
        this.info.push(`${where}: ${args[0]}`);
        return '';
      case 'warning-if':
        if (args[0] === 'y') this.warnings.push(`${where}: ${args[1]}`);
        return '';
      case 'error-if':
        if (args[0] === 'y') throw new KconfigParseError(this.place.file, this.place.line, 'no $(error-if,y,...)', `"${args[1]}"`);
        return '';
      case 'filename':
        return this.place.file;
      case 'lineno':
        return String(this.place.lastLine);
      default:
        throw new KconfigParseError(this.place.file, this.place.line, 'no $(shell,...) (Kiln never runs commands from Kconfig files)', `$(shell,${args[0]})`, { unsupported: 'shell' });
    }
  }

  private bound(text: string): void {
    if (text.length > MAX_EXPANSION_CHARS) this.fail(`expansions under ${MAX_EXPANSION_CHARS} characters`, `${text.length}`);
  }

  private fail(expected: string, found: string): never {
    throw new KconfigParseError(this.place.file, this.place.line, expected, found);
  }
}

// The next '(', ')', ',' or '$(' at or after i, or -1.
function nextSpecial(s: string, i: number): number {
  for (let k = i; k < s.length; k++) {
    const c = s[k];
    if (c === '(' || c === ')' || c === ',' || (c === '$' && s[k + 1] === '(')) return k;
  }
  return -1;
}

/**
 * Python's os.path.expandvars() over `text`: `$NAME` and `${NAME}` (ASCII
 * word characters) become the environment variable's value when it is set,
 * and stay as written otherwise. kconfiglib applies it to every quoted
 * string, after replacing `$UNAME_RELEASE` with the kernel release.
 */
export function expandEnvInString(text: string, pp: Preprocessor, unameRelease: () => string): string {
  if (!text.includes('$')) return text;
  const s = text.includes('$UNAME_RELEASE') ? text.split('$UNAME_RELEASE').join(unameRelease()) : text;
  return s.replace(/\$(\w+|\{[^}]*\})/g, (whole, ref: string) => {
    const name = ref.startsWith('{') ? ref.slice(1, -1) : ref;
    return pp.getenv(name) ?? whole;
  });
}
