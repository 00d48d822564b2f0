// SPDX-License-Identifier: MIT
// Integration tier: kiln build --medium for the real boards. The card image
// is read back with mtools and dosfstools, boot.scr with dumpimage, the
// images are disassembled, and the Pi's kernel8.img from the medium boots
// in QEMU's raspi3b.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RASPI_FIRMWARE, parseConfigTxt, referencedFiles, scriptCommands } from '../../synth/medium/index.ts';
import { kiln, tempDir } from '../helpers/cli.ts';
import { patience } from '../helpers/watchdog.ts';

const SPEC = 'test/fixtures/medium/hardware.yaml';
const PI_FILES = ['bootcode.bin', 'config.txt', 'fixup.dat', 'kernel8.img', 'start.elf'];
const MTOOLS = { ...process.env, MTOOLSRC: '/dev/null', MTOOLS_SKIP_CHECK: '1' };

/** The files of the FAT partition at `offset` of a disk image, as mdir lists them (mdir -b: one path a line). */
function mdirFiles(image: string, offset: number): string[] {
  const out = execFileSync('mdir', ['-i', `${image}@@${offset}`, '-b', '::/'], { encoding: 'utf8', env: MTOOLS });
  return out.split('\n').filter(Boolean).map((l) => l.replace(/^::\//, '')).sort();
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Where `hlt #0xf000` (semihosting) is in an ELF's code, as objdump writes it. */
function semihostingCalls(elf: string): string[] {
  const text = execFileSync('aarch64-linux-gnu-objdump', ['-d', elf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\n').filter((l) => /\bhlt\s+#0xf000\b/.test(l));
}

t.test('kiln build --medium for the Raspberry Pi 3 B+ and the Ultra96-V2', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const firmware = join(tempDir(), 'firmware');
  mkdirSync(firmware);

  t.test('GIVEN a firmware folder without the files WHEN --medium THEN the build fails listing each missing file', async (t) => {
    const r = await kiln(['build', SPEC, '-o', out, '--firmware', firmware], { timeoutMs: 300_000 });
    t.equal(r.code, 1, 'a problem in the user\'s input');
    t.match(r.stderr, `the firmware folder ${firmware} lacks bootcode.bin, start.elf, fixup.dat`);
    t.notOk(existsSync(join(out, 'hello-rpi3', 'sdcard.img')), 'no card image without its firmware');
  });

  t.test('GIVEN the firmware WHEN --medium THEN sdcard.img holds exactly the boot files on a FAT32 partition', async (t) => {
    // Stand-ins: the medium's layout does not depend on the firmware's bytes.
    for (const name of ['bootcode.bin', 'start.elf', 'fixup.dat']) writeFileSync(join(firmware, name), `stand-in ${name}\n`);
    const r = await kiln(['build', SPEC, '-o', out, '--firmware', firmware], { timeoutMs: 300_000 });
    t.equal(r.code, 0, `kiln build --medium succeeds (stderr: ${r.stderr})`);
    t.match(r.stdout, /hello-rpi3 {2}medium \S+\/hello-rpi3\/sdcard\.img {2}\d+ B/);
    t.notMatch(r.stderr, /warning: image/, 'hardware images draw no warning');
    const dir = join(out, 'hello-rpi3');
    const record = JSON.parse(readFileSync(join(dir, 'medium.json'), 'utf8')) as { sdcard: { partitionOffset: number; bytes: number } };
    t.equal(record.sdcard.partitionOffset, 1024 * 1024, 'the partition starts at 1 MiB');
    t.same(mdirFiles(join(dir, 'sdcard.img'), record.sdcard.partitionOffset), PI_FILES, 'mdir lists exactly the firmware, config.txt and kernel8.img');
    t.same(readdirSync(join(dir, 'boot')).sort(), PI_FILES, 'the same files as a folder');
    for (const f of PI_FILES) {
      const copy = join(tempDir(), f);
      execFileSync('mcopy', ['-i', `${join(dir, 'sdcard.img')}@@${record.sdcard.partitionOffset}`, `::/${f}`, copy], { env: MTOOLS });
      t.equal(sha256(copy), sha256(join(dir, 'boot', f)), `${f} on the card is the folder's`);
    }
    t.equal(sha256(join(dir, 'boot', 'kernel8.img')), sha256(join(dir, 'kernel8.img')), 'kernel8.img is the built one');
    // The partition alone, checked by dosfstools without changing anything.
    const partition = join(tempDir(), 'partition.img');
    execFileSync('dd', [`if=${join(dir, 'sdcard.img')}`, `of=${partition}`, 'bs=1M', 'skip=1', 'status=none']);
    const fsck = execFileSync('fsck.vfat', ['-n', partition], { encoding: 'utf8' });
    t.match(fsck, /files, \d+\/\d+ clusters/, 'fsck.vfat -n finds a clean FAT');
    const config = readFileSync(join(dir, 'boot', 'config.txt'), 'utf8');
    t.equal(parseConfigTxt(config).find((s) => s.key === 'kernel_address')?.value, '0x80000');
    for (const f of referencedFiles(config)) t.ok(PI_FILES.includes(f), `config.txt references ${f}, which is on the card`);
  });

  t.test('GIVEN the Ultra96-V2 medium THEN boot.scr decodes to the load and booti commands', async (t) => {
    const dir = join(out, 'hello-ultra96');
    t.same(readdirSync(join(dir, 'boot')).sort(), ['Image', 'boot.scr']);
    t.equal(sha256(join(dir, 'boot', 'Image')), sha256(join(dir, 'Image')));
    const listing = execFileSync('mkimage', ['-l', join(dir, 'boot', 'boot.scr')], { encoding: 'utf8' });
    t.match(listing, /Image Type:\s+AArch64 Linux Script \(uncompressed\)/);
    const script = join(tempDir(), 'boot.txt');
    execFileSync('dumpimage', ['-T', 'script', '-p', '0', '-o', script, join(dir, 'boot', 'boot.scr')]);
    // A script image's data: a table of lengths (big-endian, ending with 0), then the text.
    const data = readFileSync(script);
    const length = data.readUInt32BE(0);
    t.equal(data.readUInt32BE(4), 0, 'one script in the image');
    const text = data.subarray(8, 8 + length).toString('utf8');
    t.same(scriptCommands(text), [
      'if test -z "${devtype}"; then setenv devtype mmc; setenv devnum 0; setenv distro_bootpart 1; fi',
      'echo "Kiln: loading Image for hello-ultra96"',
      'load ${devtype} ${devnum}:${distro_bootpart} 0x18000000 Image',
      'booti 0x18000000 - ${fdtcontroladdr}',
    ]);
    t.equal(text, readFileSync(join(dir, 'boot.cmd'), 'utf8'), 'boot.cmd beside it is its source');
    const readme = readFileSync(join(dir, 'README.txt'), 'utf8');
    t.match(readme, /BOOT\.BIN/);
    t.match(readme, /115200 baud/);
  });

  t.test('GIVEN images built for the real boards THEN their code has no semihosting instruction', async (t) => {
    for (const id of ['hello-rpi3', 'hello-ultra96']) t.same(semihostingCalls(join(out, id, 'image.elf')), [], `${id}: no hlt #0xf000`);
  });

  t.test('GIVEN the medium\'s kernel8.img WHEN QEMU raspi3b boots it THEN it greets and halts (no semihosting to exit with)', async (t) => {
    // A hardware image never exits: kiln run's own limit ends it, 10 s scaled by the machine's load.
    const r = await kiln(['run', join(out, 'hello-rpi3'), '--timeout', String(Math.round(patience(10_000) / 1000))], { timeoutMs: 60_000 });
    t.match(r.stdout, 'Hello from Kiln on the Raspberry Pi 3 B+!');
    t.equal(r.code, 124, 'a hardware image halts; kiln run stops it at the timeout');
  });

  t.test('GIVEN Debian\'s raspi-firmware WHEN --medium without --firmware THEN the card holds the pinned firmware, or the error names what is missing', async (t) => {
    const r = await kiln(['build', SPEC, '-o', out, '--medium'], { timeoutMs: 300_000 });
    if (r.code !== 0) {
      // Debian's archive unreachable and nothing in the cache: say so, and what the user can do.
      t.equal(r.code, 1);
      t.match(r.stderr, /the Raspberry Pi firmware is missing: bootcode\.bin, start\.elf, fixup\.dat/);
      t.match(r.stderr, /--firmware DIR/);
      t.comment(`raspi-firmware could not be obtained here: ${r.stderr.trim()}`);
      return;
    }
    t.match(r.stdout, `firmware from Debian raspi-firmware ${RASPI_FIRMWARE.version}`);
    const dir = join(out, 'hello-rpi3');
    for (const [name, want] of Object.entries(RASPI_FIRMWARE.files)) t.equal(sha256(join(dir, 'boot', name)), want, `${name} is the pinned one`);
    const record = JSON.parse(readFileSync(join(dir, 'medium.json'), 'utf8')) as { sdcard: { partitionOffset: number } };
    t.same(mdirFiles(join(dir, 'sdcard.img'), record.sdcard.partitionOffset), PI_FILES);
  });

  t.test('GIVEN a build without --medium THEN the earlier medium is removed, not left beside a newer kernel', async (t) => {
    const r = await kiln(['build', SPEC, '-o', out], { timeoutMs: 300_000 });
    t.equal(r.code, 0, r.stderr);
    for (const f of ['sdcard.img', 'boot', 'medium.json']) t.notOk(existsSync(join(out, 'hello-rpi3', f)), `hello-rpi3/${f} removed`);
    for (const f of ['boot', 'README.txt', 'boot.cmd']) t.notOk(existsSync(join(out, 'hello-ultra96', f)), `hello-ultra96/${f} removed`);
  });
});

t.test('GIVEN a Raspberry Pi image with target qemu THEN kiln build warns naming it, and --medium refuses it', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const refused = await kiln(['build', 'test/fixtures/medium/qemu-target.yaml', '-o', out, '--medium'], { timeoutMs: 300_000 });
  t.equal(refused.code, 1);
  t.match(refused.stderr, /--medium: image "rpi-under-qemu" is built for raspberry-pi-3b-plus with target 'qemu'/);
  t.notOk(existsSync(join(out, 'rpi-under-qemu', 'image.elf')), 'refused before compiling');
  const built = await kiln(['build', 'test/fixtures/medium/qemu-target.yaml', '-o', out], { timeoutMs: 300_000 });
  t.equal(built.code, 0, built.stderr);
  t.match(built.stderr, /warning: image "rpi-under-qemu" is built for raspberry-pi-3b-plus with target 'qemu'/);
  t.ok(semihostingCalls(join(out, 'rpi-under-qemu', 'image.elf')).length > 0, 'the QEMU image does exit through semihosting (the check above can see it)');
});
