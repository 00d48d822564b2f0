// SPDX-License-Identifier: MIT
// SQLite's own benchmark, test/speedtest1.c from Debian's sqlite3 source
// (the tree lib/sqlite builds from, in the user cache once fetched), as a
// program of its own on QEMU virt, against an in-memory database:
// `speedtest1 --memdb --verify --size N`. bench/speedtest1.ts builds it and
// runs the same source on the host; it passes N (default 5) in
// KILN_SPEEDTEST1_SIZE, since a program's arguments are fixed at build.
import { dirname } from 'node:path';
import { App, Image, Program, QemuVirt, SqliteLibrary } from 'kiln';
import { speedtest1Source } from '../speedtest1-source.ts';

const size = process.env.KILN_SPEEDTEST1_SIZE ?? '5';
const app = new App();
new Image(app, 'speedtest1-virt', { board: new QemuVirt() })
  .use(new Program({
    name: 'speedtest1',
    sources: 'speedtest1/main.c',
    include: [dirname(speedtest1Source())],
    args: ['speedtest1', '--memdb', '--verify', '--size', size],
  }))
  .use(new SqliteLibrary())
  // SQLite's code generator needs the stack the Sqlite application declares (lib/app-sqlite/library.yaml).
  .configure({ LIBBOOT_STACK_SIZE: 0x70000 });
app.synth();
