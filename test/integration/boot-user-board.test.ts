// SPDX-License-Identifier: MIT
// The porting guide's worked example (docs/porting.md, issue 16): a board
// Kiln does not ship, QEMU's xlnx-versal-virt, described in a user folder
// (test/fixtures/boot-user-board/libs/versal-virt: board.yaml and a
// Kconfig), with Kiln's own drivers (pl011). hello and pi run there with
// semihosting; a hardware hello powers the machine off through PSCI over
// SMC, configured because the board's tree has no /psci node.
import t from 'tap';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.ts';
import { runImagePatiently } from '../helpers/watchdog.ts';
import { buildProgram } from './os-support.ts';

const out = await buildProgram(join(ROOT, 'test/fixtures/boot-user-board/image.ts'));

async function run(id: string) {
  const r = await runImagePatiently({ imageDir: join(out, id), quietMs: 30_000 });
  return { ...r, text: r.output.replace(/\r/g, '') };
}

const REPORT = /^kiln: fdt: entered at EL2, device tree at 0x[0-9a-f]+, RAM 0x00000000 \+ 256 MiB from the device tree, console 0xff000000 from the device tree's stdout-path, timer 62500000 Hz from CNTFRQ_EL0$/m;

t.test('GIVEN the user board versal-virt WHEN hello boots THEN it greets, reads the board\'s tree and exits through semihosting', async (t) => {
  const r = await run('hello-versal');
  t.match(r.text, REPORT, 'RAM at 0 and the PL011 at 0xff000000, as the user\'s board.yaml says and QEMU\'s tree confirms');
  t.match(r.text, /^Hello from Kiln!$/m);
  t.equal(r.status, 0, r.text.slice(-400));
});

t.test('GIVEN the user board WHEN pi boots THEN it prints 1000 digits', async (t) => {
  const r = await run('pi-versal');
  t.match(r.text, /^pi: 1000 digits$/m);
  t.match(r.text, /^3\.14159265358979323846/m);
  t.equal(r.status, 0, r.text.slice(-400));
});

t.test('GIVEN a hardware hello on the user board with PSCI over SMC THEN it powers off and QEMU exits', async (t) => {
  const r = await run('hello-versal-hw');
  t.match(r.text, REPORT);
  t.match(r.text, /^kiln: halt: exit status 0; powering off with PSCI SYSTEM_OFF over SMC \(configured\)$/m);
  t.notOk(r.stalled);
  t.equal(r.status, 0);
});
