// SPDX-License-Identifier: MIT
import { join, resolve } from 'node:path';
import { buildAssembly, type BuildOptions, type BuildReport } from './build.ts';
import { synthesize, type AssemblyResult, type SynthesizeOptions } from './synthesize.ts';
import type { ImageSpec } from './spec/image-spec.ts';

/** Options of buildImages(). */
export interface BuildImagesOptions {
  /** The assembly folder. @default 'kiln.out' */
  readonly outdir?: string;
  /** Fleet-wide rules every image must pass at synth. */
  readonly policies?: SynthesizeOptions['policies'];
  /** Called with each compile step. */
  readonly onProgress?: BuildOptions['onProgress'];
}

/** One built image, as other tools want it. */
export interface BuiltImage {
  readonly id: string;
  readonly board: string;
  /** Absolute paths. */
  readonly dir: string;
  readonly elf: string;
  readonly artifact: string;
  readonly report: BuildReport;
}

/**
 * Builds images from ImageSpec objects in-process, for tools that generate
 * images (from an inventory, a database, a web form): the same validation,
 * resolution, plan and build as `kiln build`, without a program file.
 *
 * @throws KilnError listing every problem, before anything is written
 */
export async function buildImages(specs: readonly ImageSpec[], opts: BuildImagesOptions = {}): Promise<BuiltImage[]> {
  const outdir = resolve(opts.outdir ?? 'kiln.out');
  const assembly: AssemblyResult = synthesize(specs, { outdir, ...(opts.policies ? { policies: opts.policies } : {}) });
  const { reports } = await buildAssembly({ outdir, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  return assembly.images.map((image) => {
    const dir = join(outdir, image.id);
    const report = reports.find((r) => r.id === image.id);
    if (!report) throw new Error(`internal: no build report for ${image.id}`);
    return {
      id: image.id,
      board: image.manifest.board.id,
      dir,
      elf: join(dir, image.manifest.files.elf),
      artifact: join(dir, image.manifest.artifact.file),
      report,
    };
  });
}
