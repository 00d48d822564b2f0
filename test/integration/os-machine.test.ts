// SPDX-License-Identifier: MIT
// Images that read the machine they wake on (issue 16): one virt image
// booted with 16 MiB, 128 MiB and 2 GiB reports a heap that grows with the
// RAM the device tree gives; the same program as an arm64 Image boots
// through Debian's U-Boot (u-boot-qemu, qemu_arm64) at EL2 with
// virtualization=on, found by U-Boot's distro boot as boot.scr on a FAT
// partition of a virtio disk, and started with booti.
//
// Every wait is on the guest's progress: QEMU is stopped only when its
// console has been silent too long for the machine's load (watchdog.ts).
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { command, ROOT, tempDir } from '../helpers/cli.ts';
import { runImagePatiently } from '../helpers/watchdog.ts';
import { buildProgram, figure } from './os-support.ts';

const UBOOT = '/usr/lib/u-boot/qemu_arm64/u-boot.bin';
const KiB = 1024;
const MiB = 1024 * KiB;

const out = await buildProgram(join(ROOT, 'test/fixtures/machine/image.ts'));

/** The lines every boot of the fixture prints, with its figures. */
function machineLines(raw: string) {
  const output = raw.replace(/\r/g, '');
  return {
    ramKiB: figure(output, /^machine: RAM 0x40000000 \+ (\d+) KiB from the device tree$/m),
    heapKiB: figure(output, /^machine: heap (\d+) KiB$/m),
    level: figure(output, /entered at EL(\d)$/m),
    mallocOk: /^machine: malloc\(\d+ KiB\) ok, ends written$/m.test(output),
  };
}

t.test('GIVEN one virt image WHEN booted with 16 MiB, 128 MiB and 2 GiB THEN the RAM comes from the device tree and the heap grows with it', async (t) => {
  const heaps: number[] = [];
  for (const mib of [16, 128, 2048]) {
    const run = await runImagePatiently({ imageDir: join(out, 'machine-virt'), qemuArgs: ['-m', `${mib}M`], quietMs: 30_000 });
    const m = machineLines(run.output);
    t.equal(run.status, 7, `-m ${mib}M: main()'s status (output: ${run.output.slice(-600)})`);
    t.match(run.output.replace(/\r/g, ''), /^kiln: fdt: entered at EL1, device tree at 0x[0-9a-f]+, RAM 0x40000000 \+ \d+ MiB from the device tree/m, `-m ${mib}M: the device tree reader's line`);
    t.equal(m.ramKiB, mib * KiB, `-m ${mib}M: the RAM bank is QEMU's -m`);
    // Below the load address (512 KiB) and the image with its stacks (well under 1 MiB) are not heap.
    t.ok(m.heapKiB > mib * KiB - 2 * KiB && m.heapKiB < mib * KiB - 512, `-m ${mib}M: heap ${m.heapKiB} KiB is the RAM after the image`);
    t.ok(m.mallocOk, `-m ${mib}M: three quarters of the heap can be allocated and written at both ends`);
    heaps.push(m.heapKiB);
  }
  t.equal(heaps[1] - heaps[0], 112 * KiB, 'the heap grows by exactly the RAM added (16 -> 128 MiB)');
  t.equal(heaps[2] - heaps[1], 1920 * KiB, 'and again (128 MiB -> 2 GiB)');
});

t.test('GIVEN virt\'s arm64 Image form THEN it has the header booti reads, and QEMU\'s own loader boots it too', async (t) => {
  const image = readFileSync(join(out, 'machine-virt-image', 'Image'));
  t.equal(image.subarray(56, 60).toString('latin1'), 'ARM\x64', 'the arm64 Image magic at offset 56');
  t.equal(image.readBigUInt64LE(8), 0x80000n, 'text_offset 0x80000: booti moves it to RAM base + 512 KiB, where it is linked');
  t.ok(image.readBigUInt64LE(16) >= BigInt(image.length), 'image_size covers the file and what the image zeroes after it');
  const run = await runImagePatiently({ imageDir: join(out, 'machine-virt-image'), qemuArgs: ['-m', '64M'], quietMs: 30_000 });
  t.equal(run.status, 7, run.output.slice(-600));
  t.equal(machineLines(run.output).ramKiB, 64 * KiB, 'RAM from the device tree');
});

/** A disk image: an MBR with one FAT partition (type 0x0c, from 1 MiB) holding `files`; no root, no loop devices. */
function fatDisk(dir: string, files: readonly string[]): string {
  const part = join(dir, 'part.img');
  execFileSync('mkfs.vfat', ['-C', part, String(8 * KiB)], { stdio: 'ignore' });
  execFileSync('mcopy', ['-i', part, ...files, '::']);
  const fat = readFileSync(part);
  const mbr = Buffer.alloc(MiB);
  const entry = 446;
  mbr[entry] = 0x80; // bootable
  mbr[entry + 4] = 0x0c; // FAT32 (LBA); U-Boot reads the file system, not the type
  mbr.writeUInt32LE(MiB / 512, entry + 8);
  mbr.writeUInt32LE(fat.length / 512, entry + 12);
  mbr[510] = 0x55;
  mbr[511] = 0xaa;
  const disk = join(dir, 'disk.img');
  writeFileSync(disk, Buffer.concat([mbr, fat]));
  return disk;
}

t.test('GIVEN the arm64 Image on a FAT disk with a boot.scr WHEN U-Boot (Debian u-boot-qemu) runs at EL2 on virt THEN booti starts it and it reads the machine from U-Boot\'s device tree', async (t) => {
  const dir = tempDir('kiln-uboot-');
  writeFileSync(join(dir, 'boot.cmd'), [
    'echo "kiln: U-Boot loads Image from ${devtype} ${devnum}:${distro_bootpart}"',
    'load ${devtype} ${devnum}:${distro_bootpart} ${kernel_addr_r} Image',
    'booti ${kernel_addr_r} - ${fdtcontroladdr}',
    '',
  ].join('\n'));
  execFileSync('mkimage', ['-A', 'arm64', '-O', 'linux', '-T', 'script', '-C', 'none', '-n', 'kiln', '-d', join(dir, 'boot.cmd'), join(dir, 'boot.scr')], { stdio: 'ignore' });
  const disk = fatDisk(dir, [join(out, 'machine-virt-image', 'Image'), join(dir, 'boot.scr')]);
  // command() stops QEMU once its console has been silent too long for the machine's load.
  const run = await command([
    'qemu-system-aarch64', '-M', 'virt,virtualization=on', '-cpu', 'cortex-a53', '-m', '128M',
    '-display', 'none', '-monitor', 'none', '-serial', 'stdio', '-nic', 'none', '-semihosting',
    '-bios', UBOOT,
    '-drive', `if=none,file=${disk},format=raw,id=d0`, '-device', 'virtio-blk-device,drive=d0',
  ], { cwd: dir, timeoutMs: 60_000 });
  const text = run.stdout.replace(/\r/g, '');
  t.match(text, /^U-Boot 20\d\d\.\d\d/m, 'U-Boot ran');
  t.match(text, /^Found U-Boot script \/boot\.scr$/m, 'distro boot found the script on the FAT partition');
  t.match(text, /^kiln: U-Boot loads Image from virtio 0:1$/m, 'the script ran');
  t.match(text, /^Moving Image from 0x40400000 to 0x40080000/m, 'booti moved the Image to where the header says (RAM base + text_offset)');
  t.match(text, /^Starting kernel \.\.\.$/m, 'booti handed over');
  const m = machineLines(text);
  t.equal(m.level, 2, 'entered at EL2, as U-Boot hands over on real boards');
  t.equal(m.ramKiB, 128 * KiB, 'RAM from the device tree U-Boot passed in x0');
  t.ok(m.heapKiB > 126 * KiB, `heap ${m.heapKiB} KiB: U-Boot's reservation of its own copy of the tree is not kept`);
  t.ok(m.mallocOk, 'the heap is usable');
  t.equal(run.code, 7, `main()'s status through semihosting (stderr: ${run.stderr.slice(-400)})`);
});
