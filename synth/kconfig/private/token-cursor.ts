// SPDX-License-Identifier: MIT
/**
 * A cursor over the tokens of one line, with the expression grammar.
 *
 * Kconfig expressions, loosest binding first:
 *
 *     expr    := and ('||' expr)?
 *     and     := factor ('&&' and)?
 *     factor  := operand (relop operand)? | '!' factor | '(' expr ')'
 *     operand := NAME | "quoted constant"
 *
 * A comparison takes two operands, never sub-expressions, and `!A = B`
 * therefore means `!(A = B)`.
 */
import type { AstExpr, CompareOp, Operand } from './ast.ts';
import { KconfigParseError } from '../parse-error.ts';
import { describeToken, type Token } from './lexer.ts';

export { KEYWORDS } from './lexer.ts';
import type { SourceLocation } from '../location.ts';

const RELATIONS: ReadonlySet<string> = new Set(['=', '!=', '<', '<=', '>', '>=']);

/** Reads the tokens of one line left to right; every failure is a KconfigParseError at that line. */
export class TokenCursor {
  private i = 0;

  constructor(
    private readonly tokens: readonly Token[],
    readonly at: SourceLocation,
  ) {}

  /** The next token without consuming it. */
  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  /** Consumes and returns the next token. */
  next(): Token | undefined {
    return this.tokens[this.i++];
  }

  /** True when every token has been read. */
  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  /** Throws unless the line is fully read. */
  end(): void {
    if (!this.atEnd()) this.fail('end of line', this.peek());
  }

  /** True (and consumed) when the next token is the word `word`. */
  acceptWord(word: string): boolean {
    const t = this.peek();
    if (t?.kind === 'word' && t.keyword && t.text === word) {
      this.i++;
      return true;
    }
    return false;
  }

  /** Consumes the word `word` or throws. */
  expectWord(word: string, context: string): void {
    if (!this.acceptWord(word)) this.fail(`'${word}' ${context}`, this.peek());
  }

  /** Consumes a quoted string, described as `what` in the error. */
  string(what: string): string {
    const t = this.next();
    if (t?.kind !== 'string') this.fail(what, t);
    return t.text;
  }

  /** Consumes a symbol name (a word that is not a keyword, nor one of the constants n, m and y). */
  name(what: string): string {
    const t = this.next();
    if (t?.kind !== 'word' || t.keyword || t.text === 'n' || t.text === 'm' || t.text === 'y') this.fail(what, t);
    return t.text;
  }

  /** Consumes an optional `if <expr>` and then requires the end of the line. */
  condition(): AstExpr | undefined {
    const cond = this.acceptWord('if') ? this.expr(true) : undefined;
    this.end();
    return cond;
  }

  /** Consumes an operand: a name or a quoted constant. */
  operand(): Operand {
    const t = this.next();
    if (t?.kind === 'constant') return { kind: 'constant', value: t.text };
    if (t?.kind === 'word' && !t.keyword) return { kind: 'name', name: t.text };
    return this.fail('a symbol or a quoted value', t);
  }

  /**
   * Consumes an expression.
   *
   * In conditions (`transformM`), a bare `m` means `m && MODULES`, as in every
   * Kconfig implementation; in a default's value it stays the constant m.
   */
  expr(transformM: boolean): AstExpr {
    const left = this.and(transformM);
    if (this.peekOp('||')) {
      this.i++;
      return { kind: 'or', left, right: this.expr(transformM) };
    }
    return left;
  }

  private and(transformM: boolean): AstExpr {
    const left = this.factor(transformM);
    if (this.peekOp('&&')) {
      this.i++;
      return { kind: 'and', left, right: this.and(transformM) };
    }
    return left;
  }

  private factor(transformM: boolean): AstExpr {
    const t = this.peek();
    if (t?.kind === 'op' && t.text === '!') {
      this.i++;
      return { kind: 'not', operand: this.factor(transformM) };
    }
    if (t?.kind === 'op' && t.text === '(') {
      this.i++;
      const inner = this.expr(transformM);
      const close = this.next();
      if (close?.kind !== 'op' || close.text !== ')') this.fail("')'", close);
      return inner;
    }
    if (t?.kind === 'constant' || (t?.kind === 'word' && !t.keyword)) {
      const left = this.operand();
      const rel = this.peek();
      if (rel?.kind === 'op' && RELATIONS.has(rel.text)) {
        this.i++;
        return { kind: 'compare', op: rel.text as CompareOp, left, right: this.operand() };
      }
      if (transformM && operandText(left) === 'm') {
        return { kind: 'and', left, right: { kind: 'name', name: 'MODULES' } };
      }
      return left;
    }
    return this.fail('an expression', t);
  }

  private peekOp(op: string): boolean {
    const t = this.peek();
    return t?.kind === 'op' && t.text === op;
  }

  /** Throws `expected <expected>, found <token>` at this line. */
  fail(expected: string, found: Token | undefined): never {
    throw new KconfigParseError(this.at.file, this.at.line, expected, describeToken(found));
  }
}

function operandText(o: Operand): string {
  return o.kind === 'name' ? o.name : o.value;
}
