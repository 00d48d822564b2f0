// SPDX-License-Identifier: MIT
// What `kiln build` says about each image: one line by default, and the
// document `kiln build --json` prints (schema/build-result.schema.json).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildReport, SizeSaving } from '../../build.ts';

/** What the previous build in the same assembly folder left of an image: its artifact's size and hash. */
export interface PreviousArtifact {
  readonly bytes: number;
  readonly sha256: string;
}

/** How an image's artifact compares with the previous build's. */
export type ArtifactChange = 'new' | 'unchanged' | 'changed';

/** One built image, as `kiln build` reports it. */
export interface BuiltImage {
  /** The image folder, as the user should read it (relative to the current folder where it can be). */
  readonly folder: string;
  readonly report: BuildReport;
  /** Undefined when no earlier build of this image left a report in the assembly folder. */
  readonly previous?: PreviousArtifact;
}

/**
 * The artifact size and hash an image's report.json records, read before a
 * build replaces it; undefined when there is none (never built, or the last
 * build failed) or it cannot be read.
 */
export function readPreviousArtifact(outdir: string, id: string): PreviousArtifact | undefined {
  const file = join(outdir, id, 'report.json');
  if (!existsSync(file)) return undefined;
  try {
    const artifact = (JSON.parse(readFileSync(file, 'utf8')) as { artifact?: { bytes?: unknown; sha256?: unknown } }).artifact;
    return typeof artifact?.bytes === 'number' && typeof artifact.sha256 === 'string' ? { bytes: artifact.bytes, sha256: artifact.sha256 } : undefined;
  } catch {
    return undefined;
  }
}

/** new, unchanged (the same bytes), or changed (in content, and perhaps in size). */
export function artifactChange(image: BuiltImage): ArtifactChange {
  if (!image.previous) return 'new';
  return image.previous.sha256 === image.report.artifact.sha256 ? 'unchanged' : 'changed';
}

/** The change as a reader wants it: "new", "unchanged", "+120 B", "-8 B", or "±0 B" for other bytes of the same size. */
export function formatChange(image: BuiltImage): string {
  const change = artifactChange(image);
  if (change !== 'changed') return change;
  const delta = image.report.artifact.bytes - image.previous!.bytes;
  return delta > 0 ? `+${delta} B` : delta < 0 ? `${delta} B` : '±0 B';
}

/** One line per image, in aligned columns: id, artifact path, size in bytes, change since the last build. */
export function formatBuildLines(images: readonly BuiltImage[]): string[] {
  const rows = images.map((i) => [i.report.id, `${i.folder}/${i.report.artifact.file}`, `${i.report.artifact.bytes} B`, formatChange(i)]);
  const width = [0, 1, 2].map((c) => Math.max(0, ...rows.map((r) => r[c].length)));
  return rows.map((r) => `${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padStart(width[2])}  ${r[3]}`);
}

/** `kiln build --json`: what was built, as schema/build-result.schema.json describes it. */
export interface BuildResultDocument {
  readonly kiln: 'build-result/1';
  readonly images: readonly BuildResultImage[];
}

/** One image of a BuildResultDocument. */
export interface BuildResultImage {
  readonly id: string;
  readonly board: string;
  readonly folder: string;
  readonly artifact: { readonly path: string; readonly bytes: number; readonly sha256: string };
  readonly elf: { readonly path: string; readonly bytes: number };
  readonly previous: PreviousArtifact | null;
  readonly change: ArtifactChange;
  readonly deltaBytes: number | null;
  readonly toolchain: { readonly id: string; readonly lto: boolean; readonly optimize: string };
  readonly ram: BuildReport['ram'];
  readonly libraries: BuildReport['sizes']['libraries'];
  readonly totals: BuildReport['sizes']['totals'];
  /** After --size-study: what --gc-sections and LTO each save. */
  readonly sizeStudy?: readonly SizeSaving[];
}

/** The --json document for the images built. */
export function buildResultDocument(images: readonly BuiltImage[]): BuildResultDocument {
  return {
    kiln: 'build-result/1',
    images: images.map((i) => {
      const r = i.report;
      return {
        id: r.id,
        board: r.board,
        folder: i.folder,
        artifact: { path: `${i.folder}/${r.artifact.file}`, bytes: r.artifact.bytes, sha256: r.artifact.sha256 },
        elf: { path: `${i.folder}/${r.elf.file}`, bytes: r.elf.bytes },
        previous: i.previous ?? null,
        change: artifactChange(i),
        deltaBytes: i.previous ? r.artifact.bytes - i.previous.bytes : null,
        toolchain: { id: r.toolchain.id, lto: r.toolchain.lto, optimize: r.toolchain.optimize },
        ram: r.ram,
        libraries: r.sizes.libraries,
        totals: r.sizes.totals,
        ...(r.sizeStudy ? { sizeStudy: r.sizeStudy.savings } : {}),
      };
    }),
  };
}
