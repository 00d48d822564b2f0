// SPDX-License-Identifier: MIT
// SQLite's storage at full size (bench/sqlite-storage.ts): a 64 MiB database
// created, fully rewritten and VACUUMed on QEMU virt with 512 MiB of RAM,
// and databases grown until full on virt boards of 128 and 256 MiB.
import { App, Board, Image, MemReport, QemuVirt, Sqlite } from 'kiln';
import { fillSql, rewriteSql } from '../../test/fixtures/posix/sqlite/storage.ts';

const MiB = 1024 * 1024;

/** QEMU virt with `mib` MiB of RAM. */
class RoomyVirt extends Board<'RoomyVirt', { network: 'virtio-net'; cores: 1 }> {
  constructor(mib: number) {
    const virt = new QemuVirt().info;
    super({ ...virt, id: `virt-${mib}m`, ram: { base: virt.ram.base, size: mib * MiB }, qemu: { ...virt.qemu, memoryMiB: mib } });
  }
}

const app = new App();
new Image(app, 'sqlite-rewrite-64m', { board: new RoomyVirt(512) })
  .use(new Sqlite({ sql: rewriteSql(64), database: '/big.db', timing: true }))
  .use(new MemReport());
for (const mib of [128, 256]) {
  new Image(app, `sqlite-fill-${mib}m`, { board: new RoomyVirt(mib) })
    .use(new Sqlite({ sql: fillSql(mib / 4 + 8), database: '/fill.db' }))
    .use(new MemReport());
}
app.synth();
