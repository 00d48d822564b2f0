// SPDX-License-Identifier: MIT
// What each SQLite option costs (lib/sqlite/Kconfig):
//
//   npx tsx --conditions=kiln-source bench/sqlite-options.ts [OUTDIR]
//
// builds bench/programs/sqlite-options.ts (seven SQLite images on QEMU
// virt, gcc with LTO and -Os) and prints, as markdown, each option's cost:
// the image with every option on less the image with that one off, in
// artifact bytes and in text, from each image's report.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'kiln-bench-sqlite-options-'));
const OPTIONS = ['fts5', 'rtree', 'json', 'mathFunctions', 'dbstat'] as const;

const build = spawnSync(process.execPath, [join(ROOT, 'bin/kiln.js'), 'build', 'bench/programs/sqlite-options.ts', '-o', out], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(`${build.stdout}${build.stderr}`);
  process.exit(1);
}

function sizes(id: string): { bytes: number; text: number; rodata: number } {
  const r = JSON.parse(readFileSync(join(out, id, 'report.json'), 'utf8')) as { artifact: { bytes: number }; sizes: { totals: { text: number; rodata: number } } };
  return { bytes: r.artifact.bytes, text: r.sizes.totals.text, rodata: r.sizes.totals.rodata };
}

const all = sizes('sqlite-all');
const rows = ['| option | artifact bytes | text | rodata |', '|---|---|---|---|', `| (all on) | ${all.bytes} | ${all.text} | ${all.rodata} |`];
for (const option of OPTIONS) {
  const off = sizes(`sqlite-no-${option.toLowerCase()}`);
  rows.push(`| ${option} | ${all.bytes - off.bytes} | ${all.text - off.text} | ${all.rodata - off.rodata} |`);
}
const none = sizes('sqlite-none');
rows.push(`| all five | ${all.bytes - none.bytes} | ${all.text - none.text} | ${all.rodata - none.rodata} |`);
process.stdout.write(`${rows.join('\n')}\n`);
