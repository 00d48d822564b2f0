// SPDX-License-Identifier: MIT
import { dirname, resolve } from 'node:path';
import { Application } from '../component.ts';
import type { SqliteOptions } from '../generated/sqlite-options.ts';
import { callerOrigin } from '../private/origin.ts';
import { contributeToProcess } from '../process.ts';
import { KilnError } from '../../synth/errors.ts';
import type { FileSpec } from '../../synth/spec/image-spec.ts';
import { assertProps } from '../private/props.ts';

/** Properties of the Sqlite application: its Kconfig options (generated), and the SQL to run. */
export interface SqliteProps extends SqliteOptions {
  /**
   * The SQL to run, embedded in the image at `script`. Give this or
   * `sqlFile`, not both.
   * @default none: the script must come from the image's `.files()`
   */
  readonly sql?: string;
  /**
   * A file of SQL on the host, embedded at `script`: relative to the file
   * that creates the Sqlite, or absolute.
   * @default none
   */
  readonly sqlFile?: string;
}

/**
 * Sqlite: runs SQL against a database with SQLite 3.40, built unmodified
 * from Debian's sqlite3 source, and prints the rows as the sqlite3 shell
 * does in its default list mode. The database is in memory unless
 * `database` names a file of the RAM file system. With `script: '-'`
 * the statements are the console's input (`kiln run IMAGE --stdin FILE`),
 * so one image runs any script.
 *
 * The image's main stack is at least the 448 KiB SQLite declares
 * (lib/sqlite/library.yaml `stack`), enough for its own limits
 * (500-term compound SELECTs, expressions 1000 deep); give more with
 * `.configure({ LIBBOOT_STACK_SIZE: ... })`.
 *
 * ```ts
 * new Image(app, 'db', { board: new QemuVirt() })
 *   .use(new Sqlite({ sql: 'SELECT 6 * 7;', database: '/shop.db' }));
 * ```
 */
export class Sqlite extends Application<'Sqlite', { files: true }> {
  /** Where the SQL is embedded unless `script` says otherwise. */
  static readonly SCRIPT_PATH = '/main.sql';

  constructor(props: SqliteProps = {}) {
    const origin = callerOrigin();
    assertProps('Sqlite', props, { sql: 'string', sqlFile: 'string' }, origin);
    props ??= {};
    super({ kind: 'sqlite', name: 'Sqlite', requires: { files: true }, options: { bail: props.bail, database: props.database, script: props.script, timing: props.timing } });
    if (props.sql !== undefined && props.sqlFile !== undefined) {
      throw new KilnError([{ message: 'Sqlite takes sql or sqlFile, not both', origin, hint: 'keep the one that holds the statements' }]);
    }
    if (props.script === '-' && (props.sql !== undefined || props.sqlFile !== undefined)) {
      throw new KilnError([{ message: `Sqlite's script '-' reads the statements from standard input, so ${props.sql !== undefined ? 'sql' : 'sqlFile'} has nowhere to go`, origin, hint: 'drop script to embed the statements, or drop them and give the input with kiln run --stdin FILE' }]);
    }
    const at = props.script ?? Sqlite.SCRIPT_PATH;
    const files: FileSpec[] = [];
    if (props.sql !== undefined) files.push({ at, content: props.sql });
    if (props.sqlFile !== undefined) files.push({ at, from: resolve(origin.file ? dirname(resolve(origin.file)) : process.cwd(), props.sqlFile) });
    if (files.length) contributeToProcess(this, { files });
  }
}
