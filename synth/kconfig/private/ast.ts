// SPDX-License-Identifier: MIT
/**
 * The Kconfig syntax tree, exactly as written.
 *
 * The parser produces it and nothing else reads it but the builder
 * (build-model.ts), which propagates dependencies and turns names into
 * symbols. Keeping the two apart lets the tree report "what the file says"
 * (a default's own `if`) next to "what it means" (that condition and every
 * enclosing `if` and `menu`).
 */
import type { SourceLocation } from '../location.ts';

/** The comparison operators of Kconfig expressions. */
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One side of a comparison, or a bare value: a name (a symbol or a number) or a quoted constant. */
export type Operand =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'constant'; readonly value: string };

/** A Kconfig expression as written. */
export type AstExpr =
  | Operand
  | { readonly kind: 'not'; readonly operand: AstExpr }
  | { readonly kind: 'and' | 'or'; readonly left: AstExpr; readonly right: AstExpr }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Operand; readonly right: Operand };

/**
 * The value types Kiln supports (tristate is refused: Kiln builds no
 * modules). 'unknown' is a symbol defined without a type, which kconfiglib
 * accepts with a warning: its value is its own name and it is never written.
 */
export type KconfigType = 'bool' | 'int' | 'hex' | 'string' | 'unknown';

/** The types a Kconfig line can declare. */
export type DeclaredType = Exclude<KconfigType, 'unknown'>;

/** A prompt line: `bool "text" if cond` or `prompt "text" if cond`. */
export interface AstPrompt {
  readonly text: string;
  readonly condition?: AstExpr;
  readonly at: SourceLocation;
}

/** `default value if cond` (also the value half of def_bool and friends). */
export interface AstDefault {
  readonly value: AstExpr;
  readonly condition?: AstExpr;
  readonly at: SourceLocation;
}

/** `select TARGET if cond` or `imply TARGET if cond`. */
export interface AstReverse {
  readonly target: string;
  readonly condition?: AstExpr;
  readonly at: SourceLocation;
}

/** `range low high if cond`. */
export interface AstRange {
  readonly low: Operand;
  readonly high: Operand;
  readonly condition?: AstExpr;
  readonly at: SourceLocation;
}

/** `depends on expr` (several lines are and-ed). */
export interface AstDependsOn {
  readonly expr: AstExpr;
  readonly at: SourceLocation;
}

/** `config NAME` or `menuconfig NAME` and its properties. */
export interface AstConfig {
  readonly kind: 'config';
  readonly name: string;
  readonly menuconfig: boolean;
  readonly at: SourceLocation;
  readonly type?: DeclaredType;
  /** The line that gave the type (the last one, when several do). */
  readonly typeAt?: SourceLocation;
  readonly prompt?: AstPrompt;
  readonly defaults: readonly AstDefault[];
  readonly dependsOn: readonly AstDependsOn[];
  readonly selects: readonly AstReverse[];
  readonly implies: readonly AstReverse[];
  readonly ranges: readonly AstRange[];
  readonly help?: string;
  /** `option env="NAME"`: the environment variable that gives the default; such symbols are never written. */
  readonly envVar?: string;
  /** `option defconfig_list` (the first in the tree): never written. */
  readonly defconfigList: boolean;
}

/** `choice [NAME] ... endchoice`. */
export interface AstChoice {
  readonly kind: 'choice';
  readonly name?: string;
  readonly at: SourceLocation;
  readonly type?: DeclaredType;
  readonly prompt?: AstPrompt;
  readonly defaults: readonly AstDefault[];
  readonly dependsOn: readonly AstDependsOn[];
  readonly optional: boolean;
  readonly help?: string;
  readonly children: readonly AstEntry[];
}

/** `menu "title" ... endmenu`. */
export interface AstMenu {
  readonly kind: 'menu';
  readonly title: string;
  readonly at: SourceLocation;
  readonly dependsOn: readonly AstDependsOn[];
  readonly visibleIf: readonly AstExpr[];
  readonly children: readonly AstEntry[];
}

/** `comment "text"`. */
export interface AstComment {
  readonly kind: 'comment';
  readonly text: string;
  readonly at: SourceLocation;
  readonly dependsOn: readonly AstDependsOn[];
}

/** `if expr ... endif`. */
export interface AstIf {
  readonly kind: 'if';
  readonly condition: AstExpr;
  readonly at: SourceLocation;
  readonly children: readonly AstEntry[];
}

/** One entry of a Kconfig block; `source` is expanded in place by the parser. */
export type AstEntry = AstConfig | AstChoice | AstMenu | AstComment | AstIf;

/** A whole parsed tree. */
export interface AstTree {
  readonly mainmenu?: string;
  readonly entries: readonly AstEntry[];
  /** Every file read, relative to the source tree, in the order they were read. */
  readonly files: readonly string[];
  /** What kconfiglib would warn about while parsing (`file:line: text`). */
  readonly warnings: readonly string[];
  /** `$(info,...)` output (`file:line: text`). */
  readonly info: readonly string[];
  /** The environment variables the files read, with their values. */
  readonly environment: ReadonlyMap<string, string>;
}
