// SPDX-License-Identifier: MIT
/**
 * What a spec may name: the micro-libraries and their typed options.
 *
 * The real catalog is built from lib/<dir>/library.yaml joined with the
 * Kconfig tree (synth/catalog.ts); validation code takes this interface so it
 * can be tested with a small hand-made catalog.
 */

/** The Kconfig type of an option. */
export type OptionType = 'bool' | 'int' | 'hex' | 'string';

/** One option of a micro-library, derived from a Kconfig symbol. */
export interface OptionInfo {
  /** camelCase name used in specs and constructs, e.g. 'exitStatus'. */
  readonly name: string;
  /** The Kconfig symbol, e.g. 'APP_HELLO_EXIT_STATUS'. */
  readonly symbol: string;
  readonly type: OptionType;
  /** Inclusive range for int/hex options, when Kconfig declares one. */
  readonly range?: readonly [number, number];
  readonly help?: string;
}

/** What a library is for, as declared in its manifest. */
export type LibraryRole = 'application' | 'library' | 'driver' | 'arch' | 'allocator' | 'scheduler' | 'platform';

/** One micro-library as seen by specs. */
export interface LibraryInfo {
  /** The name used as `kind` in specs, e.g. 'hello'. */
  readonly name: string;
  readonly role: LibraryRole;
  /** The Kconfig symbol that enables it, e.g. 'APP_HELLO'. */
  readonly symbol: string;
  readonly summary: string;
  readonly options: ReadonlyMap<string, OptionInfo>;
}

/** Everything a spec can refer to. */
export interface Catalog {
  readonly libraries: ReadonlyMap<string, LibraryInfo>;
  /**
   * The boards a spec may name by id.
   * @default Kiln's own boards (BUILTIN_BOARD_IDS)
   */
  readonly boards?: ReadonlyMap<string, unknown>;
}
