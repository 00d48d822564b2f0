// SPDX-License-Identifier: MIT
/**
 * Reading the user's host files that go into an image: in fixed-size
 * chunks, whatever their size, and only when they are regular files.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

const CHUNK = 1 << 20;

/** What a file is, in words, for messages ("a FIFO", "a character device"...). */
export function fileKind(stat: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** Whether an absolute path is in the kernel's own trees (/proc, /sys, /dev), whose files are not data. */
export function isSystemPath(path: string): boolean {
  return /^\/(proc|sys|dev)(\/|$)/.test(path);
}

/** Whether `path` is `folder` or inside it (both absolute). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${'/'}`) && !isAbsolute(rel));
}

/**
 * The project folder of a program or spec file (or of a folder): the
 * nearest folder at or above it that holds package.json or .git; the
 * file's own folder when none does. Embedded host files must come from
 * here unless the user allows another folder.
 */
export function projectFolder(fileOrFolder: string): string {
  const start = resolve(fileOrFolder);
  const first = existsSync(start) && statSync(start).isDirectory() ? start : dirname(start);
  for (let dir = first; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return first;
  }
}

/** A file that changed while Kiln read it, or is not a regular file after all. */
export class HostFileError extends Error {}

/**
 * Reads a regular file chunk by chunk, handing each chunk to `onChunk`.
 * The file is opened without blocking (a FIFO put in its place cannot
 * hang the read) and must still be a regular file once open.
 *
 * @returns its size and SHA-256 (hex)
 * @throws HostFileError when it is not a regular file or changes size while read
 */
export function readChunks(file: string, onChunk?: (chunk: Buffer) => void): { bytes: number; sha256: string } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new HostFileError(`${file} is ${fileKind(stat)}`);
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK);
    let bytes = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      bytes += n;
      if (bytes > stat.size) break;
      hash.update(buffer.subarray(0, n));
      onChunk?.(buffer.subarray(0, n));
    }
    if (bytes !== stat.size) throw new HostFileError(`${file} changed while it was read`);
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies `from` to `to` chunk by chunk through a temporary file, and puts
 * it in place only when its SHA-256 is `sha256` (what was planned).
 *
 * @throws HostFileError when the file changed since it was planned
 */
export function copyVerified(from: string, to: string, sha256: string): void {
  const tmp = `${to}.tmp-${process.pid}`;
  const out = openSync(tmp, 'w');
  try {
    const read = readChunks(from, (chunk) => writeSync(out, chunk));
    if (read.sha256 !== sha256) throw new HostFileError(`${from} changed after it was planned`);
  } catch (err) {
    closeSync(out);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(out);
  renameSync(tmp, to);
}

/** The real path of an existing folder, or the path itself when it does not exist. */
export function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return resolve(folder);
  }
}
