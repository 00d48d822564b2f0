// SPDX-License-Identifier: MIT
import { resolve } from 'node:path';
import { findBoard, tryFindBoard } from '../boards/index.ts';
import { writeAssembly, type AssemblyManifest } from './assembly.ts';
import { loadCatalog, type KilnCatalog } from './catalog.ts';
import { KilnError, type Problem } from './errors.ts';
import { compileCommands, IncludeScanner, planImage, rootNinja, sharedFiles, type ImagePlan } from './plan/index.ts';
import { pruneSharedHeaders } from './shared-files.ts';
import { resolveImage, type ImageOrigins } from './resolve.ts';
import { ensureUpstream } from './upstream.ts';
import { ensureGenerated } from './upstream-generate.ts';
import type { ImageSpec, Origin } from './spec/image-spec.ts';
import type { Policy } from './policy.ts';
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
  /** Fleet-wide rules every image must pass. */
  readonly policies?: readonly Policy[];
  /** Told about slow work, such as the first download of an upstream source. @default a line on stderr */
  readonly onProgress?: (message: string) => void;
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
  // Library headers are the same for every image: read each once per synth.
  const scanner = new IncludeScanner(catalog.root);
  for (const spec of specs) {
    try {
      const board = findBoard(spec.board);
      const origins = options.origins?.get(spec.id);
      const resolution = resolveImage(spec, board, catalog, origins);
      // Upstream sources (lwIP, Lua, SQLite...) and what their generators make must be on disk before planning reads them.
      const onProgress = options.onProgress ?? ((msg: string) => process.stderr.write(`kiln: ${msg}\n`));
      for (const m of catalog.manifests.values()) {
        if (!resolution.isEnabled(m.symbol)) continue;
        if (m.upstream) ensureUpstream(m, { root: catalog.root, onProgress });
        ensureGenerated(m, { root: catalog.root, onProgress });
      }
      const plan = planImage(spec, board, resolution, catalog, scanner);
      for (const policy of options.policies ?? []) {
        const found = policy.check({
          spec,
          board: board.info,
          libraries: plan.manifest.libraries,
          isEnabled: (symbol) => resolution.isEnabled(symbol),
          value: (symbol) => resolution.value(symbol),
        });
        for (const message of typeof found === 'string' ? [found] : found ?? []) {
          problems.push({ message: `image "${spec.id}" breaks policy "${policy.name}": ${message}`, origin: origins?.image ?? { path: spec.id } });
        }
      }
      plans.push(plan);
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
  const linkPlans = plans.map((p) => p.linkPlan);
  const shared = sharedFiles(plans);
  writeAssembly(outdir, plans, new Map([
    ...shared,
    ['build.ninja', rootNinja(catalog.root, linkPlans)],
    ['compile_commands.json', `${JSON.stringify(compileCommands(outdir, catalog.root, linkPlans), null, 2)}\n`],
    ['manifest.json', `${JSON.stringify(manifest, null, 2)}\n`],
    [ORIGINS_FILE, `${JSON.stringify(originsDocument(specs, options.origins), null, 2)}\n`],
  ]));
  pruneSharedHeaders(outdir, shared.keys());
  return { outdir, images: plans };
}

/**
 * Kiln's bookkeeping, beside the assembly proper: where each image and
 * component was written, for `kiln explain`. It is the only file that
 * differs between a program and the equivalent spec file.
 */
export const ORIGINS_FILE = '.kiln/origins.json';

/** The origins file's content. */
export interface OriginsDocument {
  readonly kiln: 'origins/1';
  readonly images: Readonly<Record<string, { readonly image: Origin; readonly components: Readonly<Record<string, Origin>> }>>;
}

function originsDocument(specs: readonly ImageSpec[], origins?: ReadonlyMap<string, ImageOrigins>): OriginsDocument {
  const images: OriginsDocument['images'] = Object.fromEntries(specs.map((spec) => {
    const o = origins?.get(spec.id);
    return [spec.id, { image: o?.image ?? { path: spec.id }, components: Object.fromEntries(o?.components ?? []) }];
  }));
  return { kiln: 'origins/1', images };
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
