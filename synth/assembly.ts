// SPDX-License-Identifier: MIT
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lockAssembly } from './assembly-lock.ts';
import { KilnError } from './errors.ts';
import { copyVerified, HostFileError } from './host-files.ts';
import { EMBEDDED_DIR } from './plan/process-files.ts';
import type { FetchNeed } from './fetch/index.ts';

/** The assembly's top-level manifest, written last: while it is missing the assembly is not complete. */
export const ASSEMBLY_MANIFEST = 'manifest.json';

/** The assembly's top-level manifest.json. */
export interface AssemblyManifest {
  readonly kiln: 'assembly-manifest/1';
  readonly images: readonly { readonly id: string; readonly board: string; readonly dir: string }[];
  /**
   * The upstream sources the images build from, which `kiln build` fetches
   * into `cache` before compiling (build.ninja reads them there).
   */
  readonly fetch: { readonly cache: string; readonly sources: readonly FetchNeed[] };
}

/**
 * Reads an assembly's manifest, or undefined when the folder holds none.
 *
 * @throws KilnError (the user's) naming the file when it is truncated or not JSON
 */
export function tryReadAssemblyManifest(outdir: string): AssemblyManifest | undefined {
  const file = join(outdir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  const m = readJsonFile(file, 'assembly manifest') as Partial<AssemblyManifest>;
  return m.kiln === 'assembly-manifest/1' ? (m as AssemblyManifest) : undefined;
}

/**
 * Reads a JSON file Kiln wrote into an assembly; a truncated or garbled one
 * (an interrupted copy, a hand edit) is the user's error naming the file.
 */
export function readJsonFile(file: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new KilnError([{ message: `${file} is not a readable ${what} (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)})`, hint: 'synthesize or build it again to rewrite it' }], { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KilnError([{ message: `${file} is not a ${what}`, hint: 'synthesize or build it again to rewrite it' }]);
  }
  return value as Record<string, unknown>;
}

/**
 * Writes a file only when its content changes, through a temporary file and
 * a rename: an unchanged file keeps its time (so ninja rebuilds nothing),
 * and a crash never leaves a half-written one.
 */
export function writeIfChanged(file: string, content: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return false;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
  return true;
}

/** What writeAssembly() writes of one image. */
export interface AssemblyImage {
  readonly id: string;
  /** Files by path in the image folder, and their content. */
  readonly files: ReadonlyMap<string, string>;
  /** Host files copied in by path in the image folder (content-addressed: named by their SHA-256). */
  readonly copies?: ReadonlyMap<string, { readonly host?: string; readonly sha256: string; readonly bytes: number }>;
}

/**
 * Writes every image's files and the top-level files, then removes image
 * folders a previous synth wrote for images the program no longer has,
 * and copied files no image names any more.
 */
export function writeAssembly(
  outdir: string,
  images: readonly AssemblyImage[],
  rootFiles: ReadonlyMap<string, string>,
): void {
  try {
    writeFiles(outdir, images, rootFiles);
  } catch (err) {
    throw outdirError(outdir, err) ?? err;
  }
}

/** The file system's refusals that are about the folder the user chose, as the user's error; undefined for others. */
export function outdirError(outdir: string, err: unknown): KilnError | undefined {
  const code = (err as NodeJS.ErrnoException).code;
  const path = (err as NodeJS.ErrnoException).path ?? outdir;
  const why: Readonly<Record<string, string>> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EEXIST: 'a file is in the way',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOENT: 'the folder cannot be created there',
  };
  if (!code || !Object.hasOwn(why, code)) return undefined;
  return new KilnError([{
    message: `cannot write the assembly folder ${outdir}: ${why[code]} (${code} at ${path})`,
    hint: 'choose another folder with -o/--outdir, or fix the permissions of this one',
  }], { cause: err });
}

function writeFiles(
  outdir: string,
  images: readonly AssemblyImage[],
  rootFiles: ReadonlyMap<string, string>,
): void {
  if (/^\/(proc|sys|dev)(\/|$)/.test(outdir)) {
    throw new KilnError([{ message: `cannot write the assembly folder ${outdir}: it is in a system folder (/proc, /sys or /dev)`, hint: 'choose another folder with -o/--outdir' }]);
  }
  mkdirSync(outdir, { recursive: true });
  lockAssembly(outdir);
  // A synth that stops half-way must not leave an assembly that looks complete.
  const manifest = rootFiles.get(ASSEMBLY_MANIFEST);
  const manifestFile = join(outdir, ASSEMBLY_MANIFEST);
  if (manifest !== undefined && existsSync(manifestFile) && readFileSync(manifestFile, 'utf8') !== manifest) rmSync(manifestFile);
  for (const image of images) {
    for (const [rel, content] of image.files) writeIfChanged(join(outdir, image.id, rel), content);
    writeCopies(join(outdir, image.id), image);
  }
  for (const [rel, content] of rootFiles) if (rel !== ASSEMBLY_MANIFEST) writeIfChanged(join(outdir, rel), content);
  if (manifest !== undefined) writeIfChanged(manifestFile, manifest);
  const keep = new Set(images.map((i) => i.id));
  for (const entry of readdirSync(outdir, { withFileTypes: true })) {
    if (!entry.isDirectory() || keep.has(entry.name)) continue;
    const manifest = join(outdir, entry.name, 'manifest.json');
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"kiln": "image-manifest/1"')) {
      rmSync(join(outdir, entry.name), { recursive: true, force: true });
    }
  }
}

/**
 * Copies an image's host files in, chunk by chunk, each checked against the
 * hash it was planned with. A copy already there with the planned size is
 * kept (its name is its hash). Copies a previous synth made that this one
 * does not name are removed.
 */
function writeCopies(dir: string, image: AssemblyImage): void {
  const wanted = new Set<string>();
  for (const [rel, blob] of image.copies ?? []) {
    wanted.add(rel);
    const to = join(dir, rel);
    if (blob.host === undefined || (existsSync(to) && statSync(to).size === blob.bytes)) continue;
    mkdirSync(dirname(to), { recursive: true });
    try {
      copyVerified(blob.host, to, blob.sha256);
    } catch (err) {
      if (!(err instanceof HostFileError)) throw err;
      throw new KilnError([{ message: `image "${image.id}": ${err.message}`, hint: 'synthesize again once the file is stable' }]);
    }
  }
  for (const rel of image.files.keys()) wanted.add(rel);
  const copied = join(dir, EMBEDDED_DIR);
  if (!existsSync(copied)) return;
  for (const name of readdirSync(copied)) {
    if (!wanted.has(`${EMBEDDED_DIR}/${name}`)) rmSync(join(copied, name), { force: true });
  }
}
