// SPDX-License-Identifier: MIT

/** One entry of a cpio archive. */
export interface CpioEntry {
  /** Path without a leading slash, e.g. bin/busybox. */
  readonly path: string;
  /** Full st_mode: file type bits and permissions, e.g. 0o100755. */
  readonly mode: number;
  /** File contents, or a symbolic link's target. @default empty */
  readonly data?: Buffer;
  /** Device number of a character or block special file. @default 0:0 */
  readonly rdev?: { readonly major: number; readonly minor: number };
}

/** File type bits of st_mode (inode(7)). */
export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;
export const S_IFCHR = 0o020000;

/** The marker line /init prints as soon as userspace runs. */
export const READY_LINE = /^kiln-bench: linux userspace up$/;
/** The line /init prints before sleeping when booted with kiln_bench=idle. */
export const IDLING_LINE = /^kiln-bench: idling$/;

/**
 * Writes a cpio archive in the "newc" format the kernel unpacks as an
 * initramfs (Documentation/driver-api/early-userspace/buffer-format.rst):
 * per entry a 110-byte ASCII header of thirteen 8-digit hex fields, the
 * NUL-terminated name and the data, each padded to a multiple of 4 bytes,
 * then an entry named TRAILER!!!.
 */
export function writeCpio(entries: readonly CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
    const pad = (4 - (offset % 4)) % 4;
    if (pad) {
      parts.push(Buffer.alloc(pad));
      offset += pad;
    }
  };
  const all = [...entries, { path: 'TRAILER!!!', mode: 0 }];
  all.forEach((entry, i) => {
    const data = entry.data ?? Buffer.alloc(0);
    const name = Buffer.from(`${entry.path}\0`, 'utf8');
    const isDir = (entry.mode & 0o170000) === S_IFDIR;
    const fields = [
      entry.path === 'TRAILER!!!' ? 0 : i + 1, // c_ino
      entry.mode, // c_mode
      0, // c_uid: root
      0, // c_gid: root
      isDir ? 2 : 1, // c_nlink
      0, // c_mtime: fixed, so the archive is reproducible
      data.length, // c_filesize
      0, // c_devmajor
      0, // c_devminor
      entry.rdev?.major ?? 0, // c_rdevmajor
      entry.rdev?.minor ?? 0, // c_rdevminor
      name.length, // c_namesize, with the NUL
      0, // c_check: unused by newc
    ];
    const header = `070701${fields.map((f) => f.toString(16).padStart(8, '0')).join('')}`;
    // Header and name are padded together, then the data on its own.
    parts.push(Buffer.from(header, 'latin1'));
    offset += header.length;
    push(name);
    if (data.length) push(data);
  });
  return Buffer.concat(parts);
}

/**
 * The /init of the Linux baseline. It prints the ready line first (the
 * harness times the boot to it), then the kernel's uptime and the memory
 * figures, and powers off; booted with kiln_bench=idle on the kernel
 * command line it sleeps instead, for the idle-CPU window.
 */
export const INIT_SCRIPT = `#!/bin/sh
# Linux baseline of the Kiln bench. Every line the harness reads starts
# with "kiln-bench: ". Only shell builtins and busybox applets: no links.
echo "kiln-bench: linux userspace up"
busybox mount -t proc proc /proc
read uptime idletime < /proc/uptime
echo "kiln-bench: uptime $uptime"
while read key value unit; do
  case "$key" in
    MemTotal:|MemFree:|MemAvailable:) echo "kiln-bench: $key $value $unit" ;;
  esac
done < /proc/meminfo
read cmdline < /proc/cmdline
case " $cmdline " in
  *" kiln_bench=idle "*)
    echo "kiln-bench: idling"
    while :; do busybox sleep 3600; done
    ;;
esac
echo "kiln-bench: powering off"
busybox poweroff -f
`;

/** The initramfs: /init, a static busybox as /bin/sh, and /dev/console for init's output. */
export function baselineInitramfs(busybox: Buffer): Buffer {
  return writeCpio([
    { path: 'bin', mode: S_IFDIR | 0o755 },
    { path: 'bin/busybox', mode: S_IFREG | 0o755, data: busybox },
    { path: 'bin/sh', mode: S_IFLNK | 0o777, data: Buffer.from('busybox') },
    { path: 'dev', mode: S_IFDIR | 0o755 },
    // The console init's stdio opens before any devtmpfs exists (tty, 5:1).
    { path: 'dev/console', mode: S_IFCHR | 0o600, rdev: { major: 5, minor: 1 } },
    { path: 'proc', mode: S_IFDIR | 0o755 },
    { path: 'init', mode: S_IFREG | 0o755, data: Buffer.from(INIT_SCRIPT) },
  ]);
}
