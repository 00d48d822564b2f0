// SPDX-License-Identifier: MIT
/**
 * A request the configuration could not honour, in the user's terms.
 */
import type { Origin } from '../spec/image-spec.ts';
import type { SourceLocation } from './location.ts';
import type { ConfigRequest } from './requests.ts';

/** What went wrong. */
export type ConfigProblemKind =
  /** No Kconfig file defines the requested symbol. */
  | 'unknown-symbol'
  /** The value does not fit the symbol's type (a string for a bool, `abc` for an int). */
  | 'type-mismatch'
  /** An int or hex value outside the symbol's active range. */
  | 'out-of-range'
  /** The symbol's dependencies (or prompt condition) are n, so the request cannot take effect. */
  | 'unmet-dependency'
  /** Two members of one choice were requested y, or a member's request lost to the choice's selection. */
  | 'choice-conflict'
  /** A symbol is forced on by `select` although its own dependencies are n. */
  | 'select-unmet-dependency'
  /** The symbol has no prompt: only defaults and selects can set it. */
  | 'not-visible'
  /** The symbol was requested n but a `select` forces it y. */
  | 'forced-by-select'
  /** The symbol was requested more than once with different values; the earlier request lost. */
  | 'duplicate-request'
  /**
   * Values that depend on themselves for these requests: a loop the tree's
   * load-time check (kconfiglib's) does not see. The tree must be fixed.
   */
  | 'dependency-loop';

/** One request that could not be honoured, or a consequence the user must know about. */
export interface ConfigProblem {
  readonly kind: ConfigProblemKind;
  /** The symbol concerned (for select-unmet-dependency: the selected one). */
  readonly symbol: string;
  /** A full sentence: the symbol, its Kconfig file:line, who asked, what happened and why. */
  readonly message: string;
  /** Who asked (for select-unmet-dependency: who asked for the selecting symbol, when someone did). */
  readonly origin?: Origin;
  /** Where the symbol is defined; undefined for an unknown symbol. */
  readonly definedAt?: SourceLocation;
  /** A suggested fix, when one is known, e.g. `also request LIBFOO=y`. */
  readonly hint?: string;
  /** The request the problem is about, when it is about one. */
  readonly request?: ConfigRequest;
}
