// SPDX-License-Identifier: MIT
// The Raspberry Pi 3 B+ card image (kiln build --medium) booted the way a
// Pi with U-Boot boots it (issue 16): U-Boot built from Debian's u-boot
// source package (rpi_arm64_defconfig, synth/medium/u-boot-build.ts) is
// the kernel QEMU's raspi3b starts, with the generated sdcard.img as the
// SD card. At U-Boot's prompt the test types what a user would:
// load mmc 0:1 ${kernel_addr_r} kernel8.img; booti ${kernel_addr_r} - ${fdt_addr}
// booti takes kernel8.img for its arm64 Image header; the image reads
// U-Boot's device tree, runs, and halts cleanly (the Pi has no PSCI: the
// halt line, then WFI, where the test stops QEMU).
//
// U-Boot is Debian's arm64 u-boot-rpi binary of the same version, with
// the device tree compiled from the source as U-Boot's build compiles it
// (synth/medium/u-boot-build.ts uBootFromDebian: about 30 s on an empty
// cache); the long form (npm run test:long) boots U-Boot built from the
// source instead (uBootBuild: about 4 minutes on two quiet cores, 15
// under load). Either is kept in the user cache. The firmware files
// on the card are stand-ins: QEMU starts U-Boot itself, as the GPU
// firmware would, and nothing reads them.
import t from 'tap';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../../synth/fetch/upstream.ts';
import { RPI_ARM64, parseArm64ImageHeader, parseConfigTxt, uBootBuild, uBootFromDebian } from '../../synth/medium/index.ts';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';
import { longForm } from '../helpers/depth.ts';
import { waitForOutput, watchdog } from '../helpers/watchdog.ts';

const started = Date.now();
const fromSource = longForm();
const uboot = (fromSource ? uBootBuild : uBootFromDebian)(RPI_ARM64, { cache: cacheDir(), onProgress: (m) => t.comment(m) });
t.comment(`U-Boot ${fromSource ? 'built from the source' : 'from Debian\'s u-boot-rpi'}, ${uboot.built ? `made in ${Math.round((Date.now() - started) / 1000)} s` : 'from the cache'}: ${uboot.dir}`);

const out = join(tempDir('kiln-uboot-rpi-'), 'kiln.out');
const firmware = tempDir('kiln-fw-');
for (const name of ['bootcode.bin', 'start.elf', 'fixup.dat']) writeFileSync(join(firmware, name), `stand-in ${name}\n`);
const build = await kiln(['build', join(ROOT, 'test/fixtures/boot-uboot/image.ts'), '-o', out, '--firmware', firmware], { timeoutMs: 300_000 });
if (build.code !== 0) throw new Error(`kiln build --medium failed (${build.code}):\n${build.stdout}\n${build.stderr}`);

/** The command a user types at U-Boot's prompt. */
const BOOT_COMMAND = 'load mmc 0:1 ${kernel_addr_r} kernel8.img; booti ${kernel_addr_r} - ${fdt_addr}';

interface UBootRun {
  readonly text: string;
  /** Milliseconds from QEMU's start to U-Boot's prompt, and to the image's first line. */
  readonly promptMs: number;
  readonly kernelMs: number;
  readonly halted: boolean;
}

/**
 * Runs QEMU raspi3b with U-Boot as the kernel and `card` as the SD card,
 * stops autoboot, types the boot command, and waits for the image's halt
 * line; then stops QEMU (the Pi has no PSCI: the image waits in WFI).
 * U-Boot prints on the mini UART (QEMU's second serial port), Kiln on the
 * PL011 (the first): both go to one multiplexed stdio, whose input reaches
 * U-Boot's.
 */
async function bootThroughUBoot(card: string): Promise<UBootRun> {
  const t0 = Date.now();
  const qemu = spawn('qemu-system-aarch64', [
    '-M', 'raspi3b', '-display', 'none', '-monitor', 'none',
    '-chardev', 'stdio,id=con,mux=on', '-serial', 'chardev:con', '-serial', 'chardev:con',
    '-kernel', uboot.files['u-boot.bin']!, '-dtb', uboot.files['bcm2837-rpi-3-b-plus.dtb']!,
    '-drive', `if=sd,format=raw,file=${card}`,
  ], { stdio: ['pipe', 'pipe', 'pipe'] });
  let text = '';
  let ended = false;
  const dog = watchdog(() => qemu.kill('SIGTERM'), 60_000);
  qemu.stdout.setEncoding('utf8').on('data', (d: string) => { text += d; dog.poke(); });
  qemu.stderr.setEncoding('utf8').on('data', (d: string) => { text += d; dog.poke(); });
  const closed = new Promise<void>((resolve) => qemu.on('close', () => { ended = true; resolve(); }));
  const read = () => text.replace(/\r/g, '');
  try {
    if (!await waitForOutput(read, /Hit any key to stop autoboot/, 60_000, () => ended)) return { text: read(), promptMs: NaN, kernelMs: NaN, halted: false };
    qemu.stdin.write(' ');
    if (!await waitForOutput(read, /^U-Boot> $/m, 30_000, () => ended)) return { text: read(), promptMs: NaN, kernelMs: NaN, halted: false };
    const promptMs = Date.now() - t0;
    qemu.stdin.write(`${BOOT_COMMAND}\r`);
    const kernel = await waitForOutput(read, /^Starting kernel \.\.\.\n\n?./m, 30_000, () => ended);
    const kernelMs = kernel ? Date.now() - t0 : NaN;
    const halted = await waitForOutput(read, /^kiln: halt: exit status \d+;.*\n/m, 60_000, () => ended);
    return { text: read(), promptMs, kernelMs, halted };
  } finally {
    qemu.stdin.end();
    if (!ended) qemu.kill('SIGTERM');
    await closed;
    // Only now: QEMU's last words ("terminating on signal 15") poke the watchdog, which would arm it again.
    dog.stop();
  }
}

for (const id of ['hello', 'pi']) {
  t.test(`GIVEN ${id}'s sdcard.img WHEN U-Boot (rpi_arm64) on QEMU raspi3b loads kernel8.img from it and runs booti THEN it runs and halts cleanly`, async (t) => {
    const dir = join(out, id);
    const kernel = readFileSync(join(dir, 'boot', 'kernel8.img'));
    const header = parseArm64ImageHeader(kernel);
    t.ok(header, 'kernel8.img has the arm64 Image header');
    const config = readFileSync(join(dir, 'boot', 'config.txt'), 'utf8');
    t.equal(Number(parseConfigTxt(config).find((s) => s.key === 'kernel_address')?.value), header?.textOffset, 'config.txt\'s kernel_address is the header\'s place (RAM base 0 + text_offset)');
    // QEMU may write to the card; boot a copy.
    const work = tempDir('kiln-card-');
    mkdirSync(work, { recursive: true });
    const card = join(work, 'sdcard.img');
    copyFileSync(join(dir, 'sdcard.img'), card);
    const run = await bootThroughUBoot(card);
    const text = run.text;
    t.match(text, /^U-Boot 2023\.01/m, 'U-Boot ran');
    t.match(text, new RegExp(`^${kernel.length} bytes read in \\d+ ms`, 'm'), 'U-Boot read kernel8.img from the card\'s FAT partition');
    t.match(text, /^## Flattened Device Tree blob at 0*8000000$/m, 'booti passes U-Boot\'s device tree');
    t.match(text, /^Starting kernel \.\.\.$/m);
    // U-Boot's Pi 3 B+ tree names the mini UART (serial1) as stdout: the report says so, and that the image keeps the board's PL011.
    t.match(text, /^kiln: fdt: entered at EL2, device tree at 0x08000000, RAM 0x00000000 \+ 960 MiB from the device tree, console 0x3f215040 from the device tree's stdout-path \(not the board's 0x3f201000, which the image uses\), timer 62500000 Hz from CNTFRQ_EL0, PSCI none from the device tree$/m,
      'the image read U-Boot\'s tree: RAM (QEMU\'s 1 GiB less the GPU\'s 64 MiB), its console (the mini UART), no PSCI');
    if (id === 'hello') t.match(text, /^Hello from Kiln!?/m, 'hello greets');
    else t.match(text, /^pi: 1000 digits/m, 'pi computed its digits');
    t.match(text, /^kiln: halt: exit status 0; no PSCI \(no device tree, or no \/psci node in it\): the core waits for interrupts, masked; reset the board to run again$/m, 'a clean halt with the reason');
    t.ok(run.halted);
    t.comment(`${id}: U-Boot's prompt after ${run.promptMs} ms, the image started ${run.kernelMs} ms after QEMU did`);
  });
}
