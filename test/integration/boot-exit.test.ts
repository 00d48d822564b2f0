// SPDX-License-Identifier: MIT
// Exit on hardware and the machine read at boot (issue 16). Images built
// with target 'hardware' (no semihosting) on QEMU virt end the way the
// exit library is configured: PSCI SYSTEM_OFF over the conduit the device
// tree's /psci node names (hvc on plain virt, smc with virtualization=on),
// SYSTEM_RESET over a configured HVC (QEMU run with -no-reboot exits on
// it), or a WFI loop, which QEMU never leaves (the watchdog has to stop
// it). Each prints why it stops. The device tree reader's line says
// where each fact came from: virt's own tree (stdout-path), a tree with
// the console only as the serial0 alias and a timer clock-frequency, and
// raspi3b, which passes none (every fact the board's).
//
// One build for the file; every run waits on the guest's progress only
// (watchdog.ts).
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/cli.ts';
import { patience, runImagePatiently } from '../helpers/watchdog.ts';
import { buildProgram } from './os-support.ts';

const out = await buildProgram(join(ROOT, 'test/fixtures/boot-exit/image.ts'));
/** How long a guest that halts in WFI is left silent before the test stops it (scaled by the load). */
const WFI_QUIET_MS = 5_000;

async function run(id: string, qemuArgs: readonly string[], quietMs = 30_000) {
  const r = await runImagePatiently({ imageDir: join(out, id), qemuArgs, quietMs });
  return { ...r, text: r.output.replace(/\r/g, '') };
}

const GOODBYE = /^boot-exit: main\(\) returns 3$/m;

t.test('GIVEN a hardware image on virt WHEN main() returns THEN it powers off with PSCI SYSTEM_OFF over the conduit the device tree names, and QEMU exits', async (t) => {
  const plain = await run('exit-off', []);
  t.match(plain.text, GOODBYE);
  t.match(plain.text, /^kiln: fdt: entered at EL1, device tree at 0x[0-9a-f]+, RAM 0x40000000 \+ 128 MiB from the device tree, console 0x09000000 from the device tree's stdout-path, timer 62500000 Hz from CNTFRQ_EL0, PSCI hvc from the device tree$/m,
    'every fact and its source: virt\'s tree names the PL011 Kiln uses; the timer is CNTFRQ_EL0 (62.5 MHz under QEMU)');
  t.match(plain.text, /^kiln: halt: exit status 3; powering off with PSCI SYSTEM_OFF over HVC \(from the device tree\)$/m, 'the reason and the status on the console');
  t.notOk(plain.stalled, 'QEMU ended by itself');
  t.equal(plain.status, 0, 'QEMU exits 0 on SYSTEM_OFF (the status is on the console only)');

  const el2 = await run('exit-off', ['-M', 'virt,virtualization=on']);
  t.match(el2.text, /^kiln: fdt: entered at EL2, .*, PSCI smc from the device tree$/m, 'with EL2 present QEMU\'s tree says smc');
  t.match(el2.text, /^kiln: halt: exit status 3; powering off with PSCI SYSTEM_OFF over SMC \(from the device tree\)$/m);
  t.notOk(el2.stalled);
  t.equal(el2.status, 0);
});

t.test('GIVEN SYSTEM_RESET over a configured HVC WHEN main() returns THEN QEMU (-no-reboot) exits on the reset', async (t) => {
  const r = await run('exit-reset-hvc', ['-no-reboot']);
  t.match(r.text, GOODBYE);
  t.match(r.text, /^kiln: halt: exit status 3; resetting the board with PSCI SYSTEM_RESET over HVC \(configured\)$/m);
  t.notMatch(r.text, /PSCI hvc from the device tree/, 'the tree\'s /psci is not read when the conduit is configured');
  t.notOk(r.stalled);
  t.equal(r.status, 0);
});

t.test('GIVEN the WFI halt WHEN main() returns THEN it says so and QEMU keeps running until stopped', async (t) => {
  const r = await run('exit-wfi', [], WFI_QUIET_MS);
  t.match(r.text, /^kiln: halt: exit status 3; the core waits for interrupts, masked; reset the board to run again$/m);
  t.ok(r.stalled, `the guest never ended QEMU: the test's watchdog stopped it after ${patience(WFI_QUIET_MS)} ms of silence`);
});

t.test('GIVEN a tree naming the console only by its serial0 alias and giving the timer a clock-frequency THEN the report says the tree gave both', async (t) => {
  const dir = tempDir('kiln-dtb-');
  const dump = join(dir, 'virt.dtb');
  execFileSync('qemu-system-aarch64', ['-M', `virt,dumpdtb=${dump}`, '-cpu', 'cortex-a53', '-m', '128M', '-display', 'none', '-nic', 'none'], { stdio: 'ignore' });
  // virt's own tree, then a second root block dtc merges into it.
  const source = execFileSync('dtc', ['-q', '-I', 'dtb', '-O', 'dts', dump], { encoding: 'utf8' }) + [
    '/ {',
    '\taliases { serial0 = "/pl011@9000000"; };',
    '\ttimer { clock-frequency = <50000000>; };',
    '\tchosen { /delete-property/ stdout-path; };',
    '};',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'mod.dts'), source);
  execFileSync('dtc', ['-q', '-I', 'dts', '-O', 'dtb', '-o', join(dir, 'mod.dtb'), join(dir, 'mod.dts')]);
  const r = await run('exit-off', ['-dtb', join(dir, 'mod.dtb')]);
  t.match(r.text, /, console 0x09000000 from the device tree's serial0 alias, timer 50000000 Hz from the device tree's timer node \(CNTFRQ_EL0 says 62500000\), PSCI hvc from the device tree$/m);
  t.match(r.text, /^kiln: halt: exit status 3; powering off with PSCI SYSTEM_OFF/m);
  t.equal(r.status, 0);
});

t.test('GIVEN QEMU raspi3b, which passes no device tree THEN every fact is the board\'s, and without PSCI the core waits in WFI', async (t) => {
  const r = await run('exit-pi', [], WFI_QUIET_MS);
  t.match(r.text, /^kiln: fdt: x0 holds no device tree; the board's description stays$/m);
  t.match(r.text, /^kiln: fdt: entered at EL2, no device tree, RAM 0x00000000 \+ 948 MiB from the board, console 0x3f201000 from the board, timer 62500000 Hz from CNTFRQ_EL0$/m,
    'the board\'s RAM and console; the timer is still CNTFRQ_EL0 (QEMU\'s raspi3b: 62.5 MHz; a real Pi 3: 19.2 MHz)');
  t.match(r.text, GOODBYE);
  t.match(r.text, /^kiln: halt: exit status 3; no PSCI \(no device tree, or no \/psci node in it\): the core waits for interrupts, masked; reset the board to run again$/m);
  t.ok(r.stalled, 'QEMU did not end by itself');
});
