// SPDX-License-Identifier: MIT
/**
 * The resolved shape of a Kconfig tree: the resolver's input.
 *
 * Built once by build-model.ts and never changed afterwards. Every
 * condition here is the *effective* one: a prompt's condition includes the
 * entry's own `depends on`, every enclosing `if`, `menu ... depends on` and
 * `visible if`, and, for choice members, the choice itself. What was written
 * on the line is kept beside it (`written`) for messages.
 */
import type { DeclaredType } from './ast.ts';
import type { Expr } from './expr.ts';
import type { SourceLocation } from '../location.ts';

/** What an entry of the symbol table is. */
export type EntryKind =
  /** n, m or y. */
  | 'tristate'
  /** A quoted value, e.g. "hello". */
  | 'constant'
  /** A name no `config` defines: a number such as 4096, or a typo. */
  | 'undefined'
  /** A symbol defined by `config` or `menuconfig`. */
  | 'defined';

/** One entry of the symbol table. */
export interface Entry {
  readonly id: number;
  readonly name: string;
  kind: EntryKind;
  def?: SymbolDef;
}

/** A prompt with its effective condition. */
export interface PromptDef {
  readonly text: string;
  readonly cond: Expr;
  readonly written?: Expr;
  readonly at: SourceLocation;
}

/** One place a symbol is defined (a symbol may be defined in several). */
export interface SymbolNodeDef {
  readonly at: SourceLocation;
  readonly prompt?: PromptDef;
  /** Effective dependencies of this definition. */
  readonly dep: Expr;
  /** `depends on` as written on this definition, and-ed; undefined when none. */
  readonly writtenDep?: Expr;
  readonly help?: string;
  readonly menuconfig: boolean;
}

/** `default value if cond`. */
export interface DefaultDef {
  readonly value: Expr;
  readonly cond: Expr;
  readonly written?: Expr;
  readonly at: SourceLocation;
}

/** `range low high if cond`; low and high are entry ids. */
export interface RangeDef {
  readonly low: number;
  readonly high: number;
  readonly cond: Expr;
  readonly written?: Expr;
  readonly at: SourceLocation;
}

/** A `select` or `imply` from symbol `from` to symbol `to`. */
export interface ReverseDef {
  readonly from: number;
  readonly to: number;
  /** Effective condition, not counting `from` itself being y. */
  readonly cond: Expr;
  readonly written?: Expr;
  readonly at: SourceLocation;
}

/** A defined symbol. */
export interface SymbolDef {
  readonly id: number;
  readonly name: string;
  /** Undefined for a symbol defined without a type. */
  type?: DeclaredType;
  /** Where the type was last given. */
  typeAt?: SourceLocation;
  /**
   * `option env` and `option defconfig_list` symbols: an int, hex or string
   * one is never written to .config or the header (a bool one is, as in
   * kconfiglib, where the rule lives on the non-bool path).
   */
  noWrite?: boolean;
  readonly nodes: SymbolNodeDef[];
  /** Effective dependencies: the definitions' dependencies, or-ed. */
  directDep: Expr;
  readonly defaults: DefaultDef[];
  readonly ranges: RangeDef[];
  readonly selects: ReverseDef[];
  readonly implies: ReverseDef[];
  readonly selectedBy: ReverseDef[];
  readonly impliedBy: ReverseDef[];
  /** The choice this symbol is a member of. */
  choice?: number;
}

/** A choice default: `default MEMBER if cond`. */
export interface ChoiceDefaultDef {
  readonly sym: number;
  readonly cond: Expr;
  readonly written?: Expr;
  readonly at: SourceLocation;
}

/** One place a choice is defined (a named choice may be defined in several). */
export interface ChoiceNodeDef {
  readonly at: SourceLocation;
  readonly prompt?: PromptDef;
  readonly dep: Expr;
  readonly help?: string;
}

/** A choice. */
export interface ChoiceDef {
  readonly id: number;
  readonly name?: string;
  type?: DeclaredType;
  readonly nodes: ChoiceNodeDef[];
  optional: boolean;
  readonly members: number[];
  readonly defaults: ChoiceDefaultDef[];
  directDep: Expr;
}

/** One step of the .config layout: a symbol, a menu or comment heading, or a menu's end. */
export type OutlineItem =
  | { readonly k: 'symbol'; readonly id: number }
  | { readonly k: 'heading'; readonly title: string; readonly dep: Expr; readonly visibility?: Expr }
  | { readonly k: 'end'; readonly title: string; readonly dep: Expr; readonly visibility: Expr };

/** The whole model. */
export interface KconfigModel {
  readonly entries: readonly Entry[];
  /** Non-constant names (defined or not) to entry ids. */
  readonly byName: ReadonlyMap<string, number>;
  /** Defined symbols, in the order of their first definition. */
  readonly defined: readonly number[];
  readonly choices: readonly ChoiceDef[];
  readonly outline: readonly OutlineItem[];
  /** Oddities that do not stop resolution (e.g. a select of an undefined symbol). */
  readonly warnings: readonly string[];
}
