// SPDX-License-Identifier: MIT
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults } from '../results.ts';
import { renderCharts } from './charts.ts';
import { renderMarkdown } from './markdown.ts';

/** Writes results.json, results.md and the SVG charts into `dir` (created if needed). */
export function writeResults(dir: string, results: BenchResults): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'results.json': `${JSON.stringify(results, null, 2)}\n`,
    'results.md': renderMarkdown(results, true),
    ...renderCharts(results),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files).map((name) => join(dir, name));
}
