// SPDX-License-Identifier: MIT
import { resolve } from 'node:path';
import { findBoard, tryFindBoard } from '../boards/index.ts';
import { writeAssembly, type AssemblyManifest } from './assembly.ts';
import { loadCatalog, type KilnCatalog } from './catalog.ts';
import { KilnError, type Problem } from './errors.ts';
import { planImage, rootNinja, type ImagePlan } from './plan/index.ts';
import { resolveImage, type ImageOrigins } from './resolve.ts';
import type { ImageSpec } from './spec/image-spec.ts';

export type { ImageOrigins } from './resolve.ts';

/** Options of synthesize(). */
export interface SynthesizeOptions {
  /** The assembly folder. */
  readonly outdir: string;
  /** Where each image (by id) was written, for error messages. */
  readonly origins?: ReadonlyMap<string, ImageOrigins>;
  /** @default the catalog of this Kiln checkout */
  readonly catalog?: KilnCatalog;
}

/** What synth wrote. */
export interface AssemblyResult {
  /** Absolute path of the assembly folder. */
  readonly outdir: string;
  readonly images: readonly ImagePlan[];
}

/**
 * Plans every image (pure), and only when all of them are sound writes the
 * assembly folder: one sub-folder per image plus the top-level build.ninja
 * and manifest.json. Problems from every image are reported together.
 */
export function synthesize(specs: readonly ImageSpec[], options: SynthesizeOptions): AssemblyResult {
  const catalog = options.catalog ?? loadCatalog();
  const problems: Problem[] = [];
  const seen = new Map<string, ImageSpec>();
  for (const spec of specs) {
    if (seen.has(spec.id)) problems.push({ message: `two images have the id "${spec.id}"`, origin: options.origins?.get(spec.id)?.image ?? { path: spec.id } });
    seen.set(spec.id, spec);
    if (!tryFindBoard(spec.board)) problems.push({ message: `unknown board "${spec.board}"`, origin: options.origins?.get(spec.id)?.image ?? { path: spec.id } });
  }
  if (problems.length) throw new KilnError(problems);

  const plans: ImagePlan[] = [];
  for (const spec of specs) {
    try {
      const board = findBoard(spec.board);
      const origins = options.origins?.get(spec.id);
      plans.push(planImage(spec, board, resolveImage(spec, board, catalog, origins), catalog));
    } catch (err) {
      if (!KilnError.isKilnError(err) || err.fault !== 'user') throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length) throw new KilnError(problems);

  const outdir = resolve(options.outdir);
  const manifest: AssemblyManifest = {
    kiln: 'assembly-manifest/1',
    images: plans.map((p) => ({ id: p.id, board: p.manifest.board.id, dir: p.id })),
  };
  writeAssembly(outdir, plans, new Map([
    ['build.ninja', rootNinja(catalog.root, plans.map((p) => p.id))],
    ['manifest.json', `${JSON.stringify(manifest, null, 2)}\n`],
  ]));
  return { outdir, images: plans };
}
