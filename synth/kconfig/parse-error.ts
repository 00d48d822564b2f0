// SPDX-License-Identifier: MIT
/**
 * The one error the Kconfig engine throws: a tree that cannot be read.
 *
 * Everything about a *configuration* (a request that cannot be honoured) is
 * reported as a ConfigProblem instead; only a tree that cannot be built at
 * all is worth stopping for.
 */

const BRAND = Symbol.for('kiln.KconfigParseError');

/**
 * A Kconfig file could not be turned into a tree: a syntax error, a missing
 * sourced file, a dependency loop, or a construct Kiln does not support.
 *
 * The message reads `file:line: expected X, found Y`, with `file` relative to
 * the source tree, so that it points at the exact line to fix.
 */
export class KconfigParseError extends Error {
  /** True for a KconfigParseError from any copy of this package. */
  static isKconfigParseError(x: unknown): x is KconfigParseError {
    return typeof x === 'object' && x !== null && BRAND in x;
  }

  override readonly name = 'KconfigParseError';
  /** The file, relative to the source tree when it lies inside it. */
  readonly file: string;
  /** 1-based line number in `file`. */
  readonly line: number;
  /** What the parser was looking for, e.g. `endif` or `a symbol name`. */
  readonly expected: string;
  /** What it found instead, e.g. `end of file` or `'tristate'`. */
  readonly found: string;
  /**
   * Set when the file is valid Kconfig that Kiln refuses on purpose, to the
   * name of the refusal as docs/kconfig.md lists it (`tristate`, `shell`,
   * `non-bool-choice`); undefined for a plain error in the file.
   */
  readonly unsupported?: string;

  constructor(
    file: string, line: number, expected: string, found: string,
    options?: { readonly cause?: unknown; readonly unsupported?: string },
  ) {
    super(`${file}:${line}: expected ${expected}, found ${found}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.file = file;
    this.line = line;
    this.expected = expected;
    this.found = found;
    if (options?.unsupported !== undefined) this.unsupported = options.unsupported;
    Object.defineProperty(this, BRAND, { value: true });
  }
}
