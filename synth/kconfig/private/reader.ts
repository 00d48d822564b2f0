// SPDX-License-Identifier: MIT
/**
 * Reads a Kconfig file line by line: logical lines for statements, raw lines
 * for help text.
 *
 * A statement may continue on the next line after a trailing backslash; a
 * help block is not tokenized at all and ends at the first non-blank line
 * indented less than its first line (tabs count to the next multiple of 8),
 * which is then read again as a statement.
 */

/** A logical line: its text (continuations joined) and the line it starts on. */
export interface LogicalLine {
  readonly text: string;
  readonly line: number;
  /** The last physical line it takes (after continuations). */
  readonly lastLine: number;
  /** False for a last line with no line break after it. */
  readonly newline: boolean;
}

/** A cursor over one file's lines. */
export class KconfigFileReader {
  /** The file, relative to the source tree. */
  readonly file: string;
  private readonly lines: readonly string[];
  // Whether line i ended with a newline (only the last one may not).
  private readonly lastHasNewline: boolean;
  private index = 0;
  private lastStart = 0;

  constructor(file: string, text: string) {
    this.file = file;
    // Universal newlines, as Python's text mode reads them.
    const lines = text.split(/\r\n|\r|\n/);
    this.lastHasNewline = lines[lines.length - 1] === '';
    if (this.lastHasNewline) lines.pop();
    this.lines = lines;
  }

  /** The number of the last line, for errors at end of file. */
  get lastLine(): number {
    return Math.max(1, this.lines.length);
  }

  /** Returns the next logical line, or undefined at end of file. */
  next(): LogicalLine | undefined {
    if (this.index >= this.lines.length) return undefined;
    this.lastStart = this.index;
    const line = this.index + 1;
    let text = this.lines[this.index++];
    while (text.endsWith('\\') && this.hasNewlineAfter(this.index - 1)) {
      text = text.slice(0, -1);
      if (this.index >= this.lines.length) break;
      text += this.lines[this.index++];
    }
    return { text, line, lastLine: this.index, newline: this.hasNewlineAfter(this.index - 1) };
  }

  /** Steps back so that the line last returned by next() is returned again. */
  unread(): void {
    this.index = this.lastStart;
  }

  /**
   * Reads the help text following a `help` line.
   *
   * Leading blank lines are skipped; the block is every following line
   * indented at least as much as its first, with that indentation removed,
   * blank lines kept and trailing blanks dropped. A first line with no
   * indentation means empty help (that line is left for the parser).
   */
  readHelp(): string {
    let i = this.index;
    while (i < this.lines.length && isBlank(this.lines[i])) i++;
    if (i >= this.lines.length) {
      this.index = i;
      return '';
    }
    const first = expandTabs(this.lines[i]);
    const indent = leadingBlanks(first);
    if (indent === 0) {
      this.index = i;
      return '';
    }
    const out = [first.slice(indent)];
    i++;
    while (i < this.lines.length) {
      const raw = this.lines[i];
      if (isBlank(raw)) {
        out.push('');
        i++;
        continue;
      }
      const expanded = expandTabs(raw);
      if (leadingBlanks(expanded) < indent) break;
      out.push(expanded.slice(indent));
      i++;
    }
    this.index = i;
    return out.join('\n').trimEnd();
  }

  private hasNewlineAfter(i: number): boolean {
    return i < this.lines.length - 1 || this.lastHasNewline;
  }
}

function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

function leadingBlanks(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/** Expands tabs to the next multiple of 8 columns, as Python's str.expandtabs() does. */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const c of line) {
    if (c === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += c;
  }
  return out;
}
