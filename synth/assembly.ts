// SPDX-License-Identifier: MIT
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** Reads an assembly's manifest, or undefined when the folder holds none. */
export function tryReadAssemblyManifest(outdir: string): AssemblyManifest | undefined {
  const file = join(outdir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  const m = JSON.parse(readFileSync(file, 'utf8')) as AssemblyManifest;
  return m.kiln === 'assembly-manifest/1' ? m : undefined;
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

/**
 * Writes every image's files and the top-level files, then removes image
 * folders a previous synth wrote for images the program no longer has.
 */
export function writeAssembly(
  outdir: string,
  images: readonly { readonly id: string; readonly files: ReadonlyMap<string, string> }[],
  rootFiles: ReadonlyMap<string, string>,
): void {
  mkdirSync(outdir, { recursive: true });
  // A synth that stops half-way must not leave an assembly that looks complete.
  const manifest = rootFiles.get(ASSEMBLY_MANIFEST);
  const manifestFile = join(outdir, ASSEMBLY_MANIFEST);
  if (manifest !== undefined && existsSync(manifestFile) && readFileSync(manifestFile, 'utf8') !== manifest) rmSync(manifestFile);
  for (const image of images) {
    for (const [rel, content] of image.files) writeIfChanged(join(outdir, image.id, rel), content);
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
