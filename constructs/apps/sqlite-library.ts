// SPDX-License-Identifier: MIT
import { Library } from '../component.ts';
import type { LibsqliteOptions } from '../generated/libsqlite-options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** Options of the SQLite library: generated from lib/sqlite/Kconfig by `kiln codegen`. */
export type SqliteLibraryProps = LibsqliteOptions;

/**
 * The SQLite library's build options (Kconfig LIBSQLITE_*): which
 * extensions an image carries. Each is on unless turned off here, as in
 * Debian's sqlite3: `fts5`, `rtree`, `json`, `mathFunctions`, `dbstat`.
 * `.use()` it beside the application that brings SQLite (Sqlite, or your
 * own Program), e.g. to leave FTS5 out of a small image:
 *
 * ```ts
 * new Image(app, 'db', { board: new QemuVirt() })
 *   .use(new Sqlite({ sql: 'SELECT 1;' }))
 *   .use(new SqliteLibrary({ fts5: false }));
 * ```
 */
export class SqliteLibrary extends Library<'SqliteLibrary', {}> {
  constructor(props: SqliteLibraryProps = {}) {
    assertProps('SqliteLibrary', props, {}, callerOrigin());
    super({ kind: 'libsqlite', name: 'SqliteLibrary', options: { ...(props ?? {}) } });
  }
}
