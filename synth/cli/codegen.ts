// SPDX-License-Identifier: MIT
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeIfChanged } from '../assembly.ts';
import { loadCatalog } from '../catalog/index.ts';
import { GENERATED_DIR, generateOptionTypes } from '../codegen.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln codegen`. */
export interface CodegenCommandOptions {
  /** Only compare: exit 1 naming the stale files, write nothing. */
  readonly check: boolean;
  readonly output: Output;
}

/** Regenerates constructs/generated/ from the Kconfig tree (or checks that it is current). */
export async function codegenCommand(opts: CodegenCommandOptions): Promise<number> {
  try {
    const catalog = loadCatalog();
    const files = await generateOptionTypes(catalog);
    const wanted = new Set(files.map((f) => f.path));
    const dir = join(catalog.root, GENERATED_DIR);
    const extra = existsSync(dir) ? readdirSync(dir).map((f) => join(GENERATED_DIR, f)).filter((p) => !wanted.has(p)) : [];
    const stale = files.filter((f) => !existsSync(join(catalog.root, f.path)) || readFileSync(join(catalog.root, f.path), 'utf8') !== f.content);
    if (opts.check) {
      for (const f of stale) opts.output.err(`stale: ${f.path} (run npx kiln codegen)`);
      for (const p of extra) opts.output.err(`stale: ${p} has no Kconfig source any more (run npx kiln codegen)`);
      return stale.length || extra.length ? 1 : 0;
    }
    for (const f of stale) writeIfChanged(join(catalog.root, f.path), f.content);
    for (const p of extra) rmSync(join(catalog.root, p));
    opts.output.out(`${files.length} files in ${GENERATED_DIR}: ${stale.length} written, ${extra.length} removed`);
    return 0;
  } catch (err) {
    return reportError(err, opts.output);
  }
}
