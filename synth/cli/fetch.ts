// SPDX-License-Identifier: MIT
import { tryReadAssemblyManifest } from '../assembly.ts';
import { KilnError } from '../errors.ts';
import { cacheDir, fetchSources } from '../fetch/index.ts';
import { synthFile } from './private/program.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln fetch FILE`. */
export interface FetchCommandOptions {
  /** The program (image.ts) or spec file whose images' upstream sources to fetch. */
  readonly file: string;
  /** Assembly folder synth writes to on the way. @default 'kiln.out' */
  readonly outdir: string;
  /** Type-check a TypeScript program first. @default true */
  readonly typecheck?: boolean;
  readonly output: Output;
}

/**
 * Synthesizes FILE and fetches the upstream sources its images build
 * from into the user cache, without compiling: after it, `kiln build`
 * works with no network.
 */
export async function fetchCommand(opts: FetchCommandOptions): Promise<number> {
  try {
    const results = await synthFile({ file: opts.file, outdir: opts.outdir, typecheck: opts.typecheck !== false });
    for (const result of results) {
      const manifest = tryReadAssemblyManifest(result.outdir);
      if (!manifest) throw new KilnError(`${result.outdir}: synth wrote no manifest.json`, { fault: 'kiln' });
      const cache = manifest.fetch?.cache ?? cacheDir();
      const sources = manifest.fetch?.sources ?? [];
      fetchSources(sources, { cache, onProgress: (m) => opts.output.err(`kiln: ${m}`) });
      for (const s of sources) opts.output.out(`${s.upstream.package} ${s.upstream.version} (${s.library}): in ${cache}`);
      if (sources.length === 0) opts.output.out('nothing to fetch: no image builds from an upstream source');
    }
    return 0;
  } catch (err) {
    return reportError(err, opts.output);
  }
}
