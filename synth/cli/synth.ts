// SPDX-License-Identifier: MIT
import { relative } from 'node:path';
import type { AssemblyResult } from '../synthesize.ts';
import { synthFile } from './private/program.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln synth FILE`. */
export interface SynthCommandOptions {
  /** The program (image.ts) or spec file (YAML/JSON) to synthesize. */
  readonly file: string;
  /** Assembly folder. @default 'kiln.out' */
  readonly outdir: string;
  /** Type-check a TypeScript program first. @default true */
  readonly typecheck?: boolean;
  /** Folders besides the project folder that embedded host files may come from (--embed-from). @default none */
  readonly embedFrom?: readonly string[];
  readonly output: Output;
}

/** Synthesizes a program into its assembly folder without compiling. */
export async function synthCommand(opts: SynthCommandOptions): Promise<number> {
  try {
    const results = await synthFile({ file: opts.file, outdir: opts.outdir, typecheck: opts.typecheck !== false, embedFrom: opts.embedFrom });
    for (const result of results) describeAssembly(result, opts.output);
    reportWarnings(results, opts.output);
    return 0;
  } catch (err) {
    return reportError(err, opts.output);
  }
}

/** Prints the Kconfig warnings of a synth (the tree's and each image's) to stderr, each once. */
export function reportWarnings(results: readonly AssemblyResult[], output: Output): void {
  const seen = new Set<string>();
  for (const result of results) {
    for (const w of result.warnings ?? []) {
      if (seen.has(w)) continue;
      seen.add(w);
      output.err(`warning: ${w}`);
    }
  }
}

/** One line per image: its folder, board and libraries. */
export function describeAssembly(result: AssemblyResult, output: Output): void {
  const dir = relative(process.cwd(), result.outdir) || '.';
  for (const image of result.images) {
    output.out(`${dir}/${image.id}: ${image.manifest.board.name}, ${image.manifest.libraries.join(' ')}`);
  }
}
