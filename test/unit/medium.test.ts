// SPDX-License-Identifier: MIT
// Boot media (kiln build --medium): what goes on the card, planned without
// compilers, firmware or mtools.
import t from 'tap';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBoard } from '../../constructs/index.ts';
import { KilnError } from '../../synth/errors.ts';
import {
  RPI3_FIRMWARE_FILES, bootScriptText, fatImageLayout, firmwareFromFolder, imageStagingAddress, masterBootRecord, mediumConfigTxt, mediumKind,
  nonFreeFirmwareStanzas, parseConfigTxt, parseDeb822, parseOneLine, planMedium, qemuOnlyImagesForRealBoards, qemuTargetWarning, referencedFiles,
  scriptCommands, uBootReadme, imageHeaderProblems, parseArm64ImageHeader,
} from '../../synth/medium/index.ts';
import type { ImageManifest } from '../../synth/plan/image-manifest.ts';
import type { BoardInfo } from '../../synth/spec/board-info.ts';

const rpi = findBoard('raspberry-pi-3b-plus').info;
const u96 = findBoard('ultra96-v2').info;
const virt = findBoard('qemu-virt').info;
const withConfig = (text: string): BoardInfo => ({ ...rpi, artifact: { ...rpi.artifact, companions: { 'config.txt': text } } });

t.test('GIVEN the Raspberry Pi 3 B+ WHEN its medium is planned THEN config.txt names only files the medium holds', async (t) => {
  const plan = planMedium({ imageId: 'x', board: rpi, imageBytes: 20000 });
  t.equal(plan.kind, 'raspberry-pi');
  t.same(plan.files.map((f) => f.name), ['bootcode.bin', 'start.elf', 'fixup.dat', 'config.txt', 'kernel8.img'], 'the firmware, config.txt and the image: nothing else');
  const config = plan.files.find((f) => f.name === 'config.txt');
  if (config?.from !== 'text') throw new Error('config.txt is written from text');
  const settings = new Map(parseConfigTxt(config.text).map((s) => [s.key, s.value]));
  t.equal(settings.get('kernel_address'), '0x80000', 'the load address is explicit');
  t.equal(settings.get('kernel'), 'kernel8.img');
  t.equal(settings.get('arm_64bit'), '1');
  t.equal(settings.get('enable_uart'), '1');
  t.notOk(settings.has('dtoverlay'), 'no overlay: the image routes the PL011 to GPIO 14/15 itself');
  const names = new Set(plan.files.map((f) => f.name));
  for (const file of referencedFiles(config.text)) t.ok(names.has(file), `config.txt references ${file}, which is on the medium`);
  t.equal(config.text, rpi.artifact.companions?.['config.txt'], 'the medium\'s config.txt is the one kiln build writes beside kernel8.img');
});

t.test('GIVEN config.txt lines THEN the files the firmware would load are found', async (t) => {
  t.same(referencedFiles('arm_64bit=1\n'), ['kernel8.img'], 'the 64-bit default kernel');
  t.same(referencedFiles('kernel=k.img # ours\ndtoverlay=disable-bt\ndtoverlay=uart0,txd0_pin=14\ndtparam=audio=on\ndevice_tree=bcm2710-rpi-3-b-plus.dtb\ninitramfs initrd.img followkernel\ninitramfs=rd.gz\narmstub=stub8.bin\n# kernel=old.img\n'),
    ['k.img', 'overlays/disable-bt.dtbo', 'overlays/uart0.dtbo', 'bcm2710-rpi-3-b-plus.dtb', 'rd.gz', 'stub8.bin']);
  t.same(parseConfigTxt('[pi3]\n a = b \n#c=d\n'), [{ key: 'a', value: 'b', line: 2 }]);
});

t.test('GIVEN a board config.txt that names a file the medium lacks THEN the medium is refused, naming it', async (t) => {
  const err = t.throws(() => planMedium({ imageId: 'x', board: withConfig('arm_64bit=1\nkernel=kernel8.img\nkernel_address=0x80000\ndtoverlay=disable-bt\n'), imageBytes: 1 })) as KilnError;
  t.ok(KilnError.isKilnError(err));
  t.match(err.message, /config\.txt references overlays\/disable-bt\.dtbo, which the medium does not hold/);
});

t.test('GIVEN a board config.txt without kernel_address THEN Kiln adds it; one that contradicts the image is refused', async (t) => {
  const added = mediumConfigTxt(withConfig('enable_uart=1\n'));
  t.same(added.problems, []);
  const settings = new Map(parseConfigTxt(added.text).map((s) => [s.key, s.value]));
  t.equal(settings.get('kernel_address'), '0x80000');
  t.equal(settings.get('kernel'), 'kernel8.img');
  t.equal(settings.get('arm_64bit'), '1');
  const wrong = mediumConfigTxt(withConfig('kernel_address=0x200000\nkernel=other.img\n'));
  t.match(wrong.problems, [/line 2 sets kernel=other\.img, but the image needs kernel=kernel8\.img/, /line 1 sets kernel_address=0x200000, but the image needs kernel_address=0x80000/]);
  t.same(mediumConfigTxt(withConfig('kernel_address=524288\n')).problems, [], 'the same address in decimal is fine');
});

t.test('GIVEN the Ultra96-V2 WHEN its medium is planned THEN boot.scr loads the Image inside RAM and boots it with booti', async (t) => {
  const plan = planMedium({ imageId: 'edge', board: u96, imageBytes: 300_000 });
  t.equal(plan.kind, 'u-boot');
  t.same(plan.files.map((f) => f.name), ['Image', 'boot.scr']);
  t.same(plan.notes.map((n) => n.name), ['boot.cmd', 'README.txt']);
  const script = bootScriptText({ imageId: 'edge', board: u96, imageBytes: 300_000 });
  t.same(scriptCommands(script), [
    'if test -z "${devtype}"; then setenv devtype mmc; setenv devnum 0; setenv distro_bootpart 1; fi',
    'echo "Kiln: loading Image for edge"',
    'load ${devtype} ${devnum}:${distro_bootpart} 0x18000000 Image',
    'booti 0x18000000 - ${fdtcontroladdr}',
  ]);
  const at = imageStagingAddress(u96, 300_000);
  t.ok(at >= u96.loadAddress + 300_000, 'staged above where booti moves the image');
  t.ok(at + 300_000 <= u96.ram.base + u96.ram.size, 'inside RAM');
  t.equal(at % 0x200000, 0, '2 MiB aligned');
  const small = { ...u96, ram: { base: 0, size: 64 * 1024 * 1024 } };
  t.ok(imageStagingAddress(small, 300_000) < small.ram.size, 'a board with 64 MiB stages lower');
  t.throws(() => imageStagingAddress({ ...u96, ram: { base: 0, size: 16 * 1024 * 1024 } }, 300_000), /no room to stage/);
});

t.test('GIVEN the Ultra96-V2 README THEN it says what the user adds and the serial settings', async (t) => {
  const readme = uBootReadme({ imageId: 'edge', board: u96 });
  for (const want of [/BOOT\.BIN/, /FSBL/, /PMU firmware/, /bl31/, /U-Boot/, /bootgen -arch zynqmp/, /UART1 \(0xff010000\)/, /115200 baud, 8 data bits, no parity, 1 stop bit/]) t.match(readme, want);
});

t.test('GIVEN QEMU virt THEN it has no medium, and images for it are not hardware builds', async (t) => {
  t.equal(mediumKind(virt), undefined);
  t.equal(mediumKind(rpi), 'raspberry-pi');
  t.equal(mediumKind(u96), 'u-boot');
  t.throws(() => planMedium({ imageId: 'v', board: virt, imageBytes: 1 }), /board qemu-virt has no boot medium/);
  const manifest = (id: string, board: BoardInfo, exit: 'semihosting' | 'halt') =>
    ({ id, board: { id: board.id, name: board.displayName }, exit, spec: { id, board, applications: [] } }) as unknown as ImageManifest;
  const found = qemuOnlyImagesForRealBoards([manifest('a', rpi, 'semihosting'), manifest('b', rpi, 'halt'), manifest('c', virt, 'semihosting'), manifest('d', u96, 'semihosting')]);
  t.same(found, [{ id: 'a', board: 'raspberry-pi-3b-plus' }, { id: 'd', board: 'ultra96-v2' }]);
  t.match(qemuTargetWarning(found[0]!), /image "a" is built for raspberry-pi-3b-plus with target 'qemu'.*target: 'hardware'/);
});

t.test('GIVEN the host\'s apt sources THEN the firmware comes from its own Debian archive, component non-free-firmware', async (t) => {
  const sources = [
    ...parseDeb822('Types: deb\n# a comment\nURIs: http://archive.example/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\nURIs: http://archive.example/debian-security\nSuites: bookworm-security\nComponents: main\n'),
    ...parseOneLine('deb [arch=amd64 signed-by=/k.gpg] https://vendor.example/apt nodistro main\ndeb-src http://archive.example/debian bookworm main\n'),
  ];
  t.equal(sources.length, 4);
  t.equal(nonFreeFirmwareStanzas(sources, 'bookworm'),
    'Types: deb\nURIs: http://archive.example/debian\nSuites: bookworm\nComponents: non-free-firmware\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n');
});

t.test('GIVEN a firmware folder without the files THEN the error lists each missing one', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-fw-'));
  writeFileSync(join(dir, 'start.elf'), 'x');
  const err = t.throws(() => firmwareFromFolder(dir, RPI3_FIRMWARE_FILES)) as KilnError;
  t.match(err.message, /lacks bootcode\.bin, fixup\.dat \(the Raspberry Pi 3 boots from bootcode\.bin, start\.elf, fixup\.dat\)/);
  writeFileSync(join(dir, 'bootcode.bin'), 'x');
  writeFileSync(join(dir, 'fixup.dat'), 'x');
  t.same(firmwareFromFolder(dir, RPI3_FIRMWARE_FILES).paths['fixup.dat'], join(dir, 'fixup.dat'));
});

t.test('GIVEN a few MB of boot files THEN the card image is an MBR with one FAT32 partition at 1 MiB', async (t) => {
  const layout = fatImageLayout(3_000_000);
  t.same(layout, { startSector: 2048, sectors: 129024 }, 'a 64 MiB card, 63 MiB of FAT32 (which needs 65,525 clusters)');
  const big = fatImageLayout(200 * 1024 * 1024);
  t.ok(big.sectors * 512 >= 250 * 1024 * 1024, 'grows with the files');
  t.equal((big.startSector + big.sectors) * 512, 512 * 1024 * 1024, 'to the next power of two, as SD cards (and QEMU\'s) are sized');
  const mbr = masterBootRecord(layout, 0x12345678);
  t.equal(mbr.length, 512);
  t.equal(mbr.readUInt16LE(510), 0xaa55, 'boot signature');
  t.equal(mbr[0x1be + 4], 0x0c, 'type FAT32 (LBA)');
  t.equal(mbr.readUInt32LE(0x1be + 8), 2048);
  t.equal(mbr.readUInt32LE(0x1be + 12), 129024);
  t.equal(mbr.readUInt32LE(0x1b8), 0x12345678, 'disk id');
  t.equal(mbr.readUInt32LE(0x1ce + 12), 0, 'one partition only');
});

/** An arm64 Image header as the boot protocol lays it out, for `fields` (a B to 0x40 unless code0 says otherwise). */
function imageHeader(fields: { textOffset: number; imageSize: number; flags?: number; code0?: number; magic?: string }): Buffer {
  const h = Buffer.alloc(128);
  h.writeUInt32LE(fields.code0 ?? (0x14000000 | (0x40 / 4)), 0);
  h.writeBigUInt64LE(BigInt(fields.textOffset), 8);
  h.writeBigUInt64LE(BigInt(fields.imageSize), 16);
  h.writeBigUInt64LE(BigInt(fields.flags ?? 2), 24);
  h.write(fields.magic ?? 'ARM\x64', 56, 'latin1');
  return h;
}

t.test('GIVEN an arm64 Image header THEN its fields are read as the boot protocol lays them out', async (t) => {
  const h = parseArm64ImageHeader(imageHeader({ textOffset: 0x80000, imageSize: 0x12345, flags: 2 }));
  t.ok(h);
  t.equal(h!.textOffset, 0x80000);
  t.equal(h!.imageSize, 0x12345);
  t.same(h!.flags, { bigEndian: false, pageSize: 4096, anywhere: false });
  t.equal(h!.branchTarget, 0x40, 'code0 is B to 0x40');
  t.equal(parseArm64ImageHeader(imageHeader({ textOffset: 0, imageSize: 0, code0: 0x17ffffff }))!.branchTarget, -4, 'a backward branch is signed');
  t.equal(parseArm64ImageHeader(imageHeader({ textOffset: 0, imageSize: 0, magic: 'ARM\x65' })), undefined, 'no magic, no header');
  t.equal(parseArm64ImageHeader(Buffer.alloc(40)), undefined, 'too short');
});

t.test('GIVEN a board and an Image THEN the header must put the image where it is linked', async (t) => {
  t.same(imageHeaderProblems(imageHeader({ textOffset: 0x80000, imageSize: 128 }), rpi), [], 'the Pi: base 0 + 0x80000 = kernel_address');
  t.same(imageHeaderProblems(imageHeader({ textOffset: 0x80000, imageSize: 128 }), virt), [], 'virt: 0x40000000 + 0x80000');
  t.match(imageHeaderProblems(imageHeader({ textOffset: 0x80000, imageSize: 128 }), { ...virt, loadAddress: 0x40100000 })[0], /text_offset 0x80000 puts it at 0x40080000, but it is linked at 0x40100000/);
  t.match(imageHeaderProblems(imageHeader({ textOffset: 0x80000, imageSize: 64 }), rpi)[0], /image_size 64 is below the file's 128 bytes/);
  t.match(imageHeaderProblems(imageHeader({ textOffset: 0x80000, imageSize: 128, flags: 8 }), rpi)[0], /any 2 MiB aligned base/);
  t.match(imageHeaderProblems(Buffer.alloc(128), rpi)[0], /kernel8\.img has no arm64 Image header/);
  t.equal(rpi.artifact.form, 'arm64-image', 'the Pi\'s kernel8.img carries the header');
  t.equal(mediumKind(rpi), 'raspberry-pi', 'and still gets the Pi\'s medium, not a U-Boot one');
});
