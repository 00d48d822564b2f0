// SPDX-License-Identifier: MIT
import { relative } from 'node:path';
import { buildAssembly } from '../build.ts';
import { synthFile } from './private/program.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln build FILE`. */
export interface BuildCommandOptions {
  /** The program (image.ts) or spec file (YAML/JSON) to synthesize and compile. */
  readonly file: string;
  /** Assembly folder. @default 'kiln.out' */
  readonly outdir: string;
  /** Show each compile step (otherwise only on a terminal). */
  readonly progress: boolean;
  /** Type-check a TypeScript program first. @default true */
  readonly typecheck?: boolean;
  readonly output: Output;
}

/** Synthesizes the program, compiles every image with ninja, and prints each artifact's size. */
export async function buildCommand(opts: BuildCommandOptions): Promise<number> {
  try {
    const started = performance.now();
    const results = await synthFile({ file: opts.file, outdir: opts.outdir, typecheck: opts.typecheck !== false });
    for (const result of results) {
      const onProgress = opts.progress ? (line: string) => opts.output.err(line) : undefined;
      const { reports } = await buildAssembly({ outdir: result.outdir, onProgress });
      const dir = relative(process.cwd(), result.outdir) || '.';
      for (const r of reports) {
        opts.output.out(`${dir}/${r.id}/${r.artifact.file}: ${r.artifact.bytes} bytes (ELF ${r.elf.bytes} bytes)`);
      }
    }
    opts.output.err(`built in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return 0;
  } catch (err) {
    return reportError(err, opts.output);
  }
}
