// SPDX-License-Identifier: MIT
import { join, relative } from 'node:path';
import { runBench } from './bench.ts';
import { collectFigures } from './figures.ts';
import { repinBaseline } from './linux/baseline.ts';
import type { BenchOptions } from './options.ts';
import { renderMarkdown } from './report/markdown.ts';
import { writeResults } from './report/write.ts';

/**
 * The bench command: measures, prints the tables to stdout, writes the
 * results folder, and returns 1 when any figure failed (n/a figures,
 * labelled with their reason, are not failures). With repinLinux it only
 * re-pins bench/linux-baseline.json.
 */
export async function benchCommand(opts: BenchOptions): Promise<number> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  if (opts.repinLinux) {
    const pinned = await repinBaseline(join(opts.root, 'bench', 'linux-baseline.json'), opts.cacheDir);
    log(`pinned ${pinned.kernel.package} ${pinned.kernel.version} and ${pinned.busybox.package} ${pinned.busybox.version} in bench/linux-baseline.json`);
    return 0;
  }
  const started = performance.now();
  log(`${opts.quick ? 'quick' : 'full'} run: boards ${opts.boards.join(', ')}; apps ${opts.apps.join(', ')}; ${opts.runs} boots each`);
  const results = await runBench(opts, log);
  process.stdout.write(`${renderMarkdown(results, false)}\n`);
  const files = writeResults(opts.resultsDir, results);
  log(`wrote ${files.map((f) => relative(process.cwd(), f)).join(', ')}`);
  log(`took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const errors = collectFigures(results).filter(({ figure }) => 'missing' in figure && figure.missing === 'error');
  for (const { path, figure } of errors) log(`FAILED ${path}: ${'reason' in figure ? figure.reason : ''}`);
  return errors.length ? 1 : 0;
}
