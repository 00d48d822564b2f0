// SPDX-License-Identifier: MIT
/**
 * A disk image with an MBR and one FAT32 partition, written as an
 * ordinary file: no root, no loop device. The partition table is written
 * here; dosfstools' mkfs.vfat formats the partition at its offset in the
 * file and mtools' mcopy fills it.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, renameSync, rmSync, utimesSync, writeSync } from 'node:fs';

const SECTOR = 512;

/** The layout of the disk image. */
export interface FatImageLayout {
  /** First sector of the partition (2048: 1 MiB, aligned for SD cards' erase blocks). */
  readonly startSector: number;
  /** Sectors in the partition. */
  readonly sectors: number;
}

/**
 * The layout for `bytes` of files: a 1 MiB gap, then a FAT32 partition
 * filling a disk whose size is a power of two, at least 64 MiB (FAT32
 * needs 65,525 clusters; with 512-byte clusters that is 33 MiB, and the
 * firmware reads FAT32 best well above the limit), with room to spare
 * for the files. A power of two because an SD card is one, and QEMU
 * takes nothing else as its SD card: the file boots there as it is.
 */
export function fatImageLayout(bytes: number): FatImageLayout {
  const MiB = 1024 * 1024;
  const needed = Math.ceil((bytes * 1.25 + 8 * MiB) / MiB) * MiB + MiB;
  let disk = 64 * MiB;
  while (disk < needed) disk *= 2;
  return { startSector: 2048, sectors: (disk - MiB) / SECTOR };
}

/** The 512-byte MBR: one primary partition of type 0x0C (FAT32, LBA), not marked active (the Pi's ROM does not look). */
export function masterBootRecord(layout: FatImageLayout, diskId: number): Buffer {
  const mbr = Buffer.alloc(SECTOR);
  mbr.writeUInt32LE(diskId >>> 0, 0x1b8);
  const entry = 0x1be;
  mbr[entry] = 0x00; // status: not bootable
  mbr.set([0xfe, 0xff, 0xff], entry + 1); // CHS of the first sector: beyond CHS, use LBA
  mbr[entry + 4] = 0x0c; // FAT32 with LBA addressing
  mbr.set([0xfe, 0xff, 0xff], entry + 5); // CHS of the last sector
  mbr.writeUInt32LE(layout.startSector, entry + 8);
  mbr.writeUInt32LE(layout.sectors, entry + 12);
  mbr[0x1fe] = 0x55;
  mbr[0x1ff] = 0xaa;
  return mbr;
}

/** mtools' environment: no user configuration, no geometry check, times in UTC. */
export const MTOOLS_ENV: Readonly<Record<string, string>> = { MTOOLSRC: '/dev/null', MTOOLS_SKIP_CHECK: '1', TZ: 'UTC' };

/**
 * Writes `path`: the MBR, and a FAT32 partition labelled `label` holding
 * `files` (name on the partition to host path; names with '/' go into
 * folders). The same inputs give the same bytes: the volume id is given,
 * every file's time is `time`, and mkfs.vfat runs with --invariant.
 *
 * @returns the layout, for `mdir -i path@@<offset>`
 */
export function writeFatImage(path: string, files: Readonly<Record<string, string>>, opts: { readonly label: string; readonly volumeId: number; readonly bytes: number; readonly time: Date }): FatImageLayout {
  const layout = fatImageLayout(opts.bytes);
  const tmp = `${path}.writing-${process.pid}`;
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, 'w');
  try {
    ftruncateSync(fd, (layout.startSector + layout.sectors) * SECTOR);
    writeSync(fd, masterBootRecord(layout, opts.volumeId), 0, SECTOR, 0);
  } finally {
    closeSync(fd);
  }
  const env = { ...process.env, ...MTOOLS_ENV, SOURCE_DATE_EPOCH: String(Math.floor(opts.time.getTime() / 1000)) };
  execFileSync('mkfs.vfat', [
    // --invariant first: it fixes the volume id too, which -i then sets.
    '--invariant', '-F', '32', '-S', String(SECTOR), '-s', '1',
    '-n', opts.label, '-i', opts.volumeId.toString(16).padStart(8, '0'),
    '-h', String(layout.startSector), '--offset', String(layout.startSector),
    tmp, String((layout.sectors * SECTOR) / 1024),
  ], { stdio: 'pipe', env });
  const image = `${tmp}@@${layout.startSector * SECTOR}`;
  const dirs = new Set<string>();
  for (const name of Object.keys(files).sort()) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (dirs.has(dir)) continue;
      execFileSync('mmd', ['-i', image, `::/${dir}`], { stdio: 'pipe', env });
      dirs.add(dir);
    }
    utimesSync(files[name]!, opts.time, opts.time);
    execFileSync('mcopy', ['-i', image, '-m', '-o', files[name]!, `::/${name}`], { stdio: 'pipe', env });
  }
  renameSync(tmp, path);
  return layout;
}
