// SPDX-License-Identifier: MIT
// SQLite's options one at a time (bench/sqlite-options.ts): the same
// Sqlite image on QEMU virt with every LIBSQLITE_* option on, with each
// turned off alone, and with all of them off.
import { App, Image, QemuVirt, Sqlite, SqliteLibrary } from 'kiln';

const OPTIONS = ['fts5', 'rtree', 'json', 'mathFunctions', 'dbstat'] as const;
const sql = 'SELECT sqlite_version();';

const app = new App();
new Image(app, 'sqlite-all', { board: new QemuVirt() }).use(new Sqlite({ sql }));
for (const option of OPTIONS) {
  new Image(app, `sqlite-no-${option.toLowerCase()}`, { board: new QemuVirt() })
    .use(new Sqlite({ sql }))
    .use(new SqliteLibrary({ [option]: false }));
}
new Image(app, 'sqlite-none', { board: new QemuVirt() })
  .use(new Sqlite({ sql }))
  .use(new SqliteLibrary(Object.fromEntries(OPTIONS.map((o) => [o, false]))));
app.synth();
