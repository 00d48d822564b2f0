// SPDX-License-Identifier: MIT
// The bench: `npm run bench` (or `tsx bench/run.ts [--quick] ...`).
// Measures Kiln images against the emulator floor and a Debian Linux on the
// same QEMU, prints the tables, and writes results.md, results.json and
// SVG charts under bench/results/. Exits 1 when any figure failed (n/a
// figures, labelled with their reason, are not failures).
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { runBench } from './bench.ts';
import { collectFigures } from './figures.ts';
import { repinBaseline } from './linux/baseline.ts';
import { parseBenchArgs, USAGE, UsageError, type BenchOptions } from './options.ts';
import { renderMarkdown } from './report/markdown.ts';
import { writeResults } from './report/write.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** The bench command: options in, exit code out. */
export async function benchCommand(opts: BenchOptions): Promise<number> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  if (opts.repinLinux) {
    const pinned = await repinBaseline(`${opts.root}/bench/linux-baseline.json`, opts.cacheDir);
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

try {
  const opts = parseBenchArgs(process.argv.slice(2), ROOT, process.env);
  if (!opts) {
    process.stdout.write(`${USAGE}\n`);
  } else {
    process.exitCode = await benchCommand(opts);
  }
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`bench: ${err.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`bench: the harness itself failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
