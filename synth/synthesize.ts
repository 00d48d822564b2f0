// SPDX-License-Identifier: MIT
import { resolve } from 'node:path';
import { findBoard, tryFindBoard } from '../boards/index.ts';
import { writeAssembly, type AssemblyManifest } from './assembly.ts';
import { loadCatalog, type KilnCatalog } from './catalog.ts';
import { KilnError, type Problem } from './errors.ts';
import { planImage, rootNinja, type ImagePlan } from './plan/index.ts';
import { resolveImage, type ImageOrigins } from './resolve.ts';
import type { ImageSpec, Origin } from './spec/image-spec.ts';
import { validateImageSpecs } from './spec/validate.ts';
import { normalizeImageSpec } from './spec/load.ts';

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
export function synthesize(given: readonly ImageSpec[], options: SynthesizeOptions): AssemblyResult {
  const catalog = options.catalog ?? loadCatalog();
  // One canonical form whichever front end wrote the spec: the same image plans the same bytes.
  const specs = given.map(normalizeImageSpec);
  // The same checks spec files get (schema and catalog: kinds, option types and ranges, slots), whichever front end made the specs.
  const problems: Problem[] = validateImageSpecs(specs, catalog).map((issue) => ({
    message: issue.message,
    origin: originOfPointer(specs, issue.pointer, options.origins),
  }));
  for (const spec of specs) {
    if (!tryFindBoard(spec.board)) problems.push({ message: `unknown board "${spec.board}"`, origin: options.origins?.get(spec.id)?.image ?? { path: spec.id } });
  }
  if (problems.length) throw new KilnError(dedupe(problems));

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

/** The user's line for a pointer into the specs: the component's when it points into one, else the image's. */
function originOfPointer(specs: readonly ImageSpec[], pointer: string, origins?: ReadonlyMap<string, ImageOrigins>): Origin {
  const m = /^\/images\/(\d+)(?:\/(applications|libraries)\/(\d+))?/.exec(pointer);
  const spec = m ? specs[Number(m[1])] : undefined;
  if (!spec) return { pointer };
  const image = origins?.get(spec.id)?.image ?? { path: spec.id };
  const kind = m?.[2] ? spec[m[2] as 'applications' | 'libraries']?.[Number(m[3])]?.kind : undefined;
  return (kind && origins?.get(spec.id)?.components.get(kind)) || image;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.message}@${JSON.stringify(p.origin)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
