// SPDX-License-Identifier: MIT
// SQLite from Debian's source, unmodified, in an image: an inventory
// database in the RAM file system, queried with joins and aggregates.
//
//   kiln build examples/sqlite/image.ts && kiln run kiln.out/sqlite
import { App, Image, QemuVirt, RaspberryPi3BPlus, Sqlite } from 'kiln';

const app = new App();

for (const [id, board] of [['sqlite', new QemuVirt()], ['sqlite-rpi3', new RaspberryPi3BPlus()]] as const) {
  new Image(app, id, { board })
    .use(new Sqlite({ sqlFile: 'inventory.sql', database: '/inventory.db' }));
}

app.synth();
