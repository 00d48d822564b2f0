// SPDX-License-Identifier: MIT
import { tryReadAssemblyManifest } from '../assembly.ts';
import { KilnError } from '../errors.ts';
import { cacheDir, fetchSources } from '../fetch/index.ts';
import { synthFile } from './private/program.ts';
import { reportError } from './private/report.ts';
import type { SynthCommandOptions } from './synth.ts';

/** Options of `kiln fetch FILE`: those of `kiln synth FILE`, which it runs first. */
export type FetchCommandOptions = SynthCommandOptions;

/**
 * Synthesizes FILE and fetches the upstream sources its images build
 * from into the user cache, without compiling: after it, `kiln build`
 * works with no network.
 */
export async function fetchCommand(opts: FetchCommandOptions): Promise<number> {
  try {
    const results = await synthFile({ file: opts.file, outdir: opts.outdir, typecheck: opts.typecheck !== false, embedFrom: opts.embedFrom });
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
