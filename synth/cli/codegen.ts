// SPDX-License-Identifier: MIT
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { writeIfChanged } from '../assembly.ts';
import { loadCatalog } from '../catalog/index.ts';
import { generateOptionTypes, KILN_TARGET, type CodegenTarget } from '../codegen.ts';
import { KilnError } from '../errors.ts';
import { displayPath, KILN_ROOT } from '../paths.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln codegen [LIBDIR]`. */
export interface CodegenCommandOptions {
  /** Only compare: exit 1 naming the stale files, write nothing. */
  readonly check: boolean;
  /**
   * A folder of the user's micro-libraries: their interfaces go to
   * LIBDIR/generated/, importing Kiln's types from 'kiln'.
   * @default Kiln's own libraries, into constructs/generated/
   */
  readonly libraries?: string;
  readonly output: Output;
}

/** Regenerates typed option interfaces from the Kconfig tree (or checks that they are current). */
export async function codegenCommand(opts: CodegenCommandOptions): Promise<number> {
  try {
    const folder = opts.libraries === undefined ? undefined : resolve(opts.libraries);
    if (!folder && !existsSync(join(KILN_ROOT, 'constructs', 'index.ts'))) {
      // An installed Kiln ships compiled JavaScript: its own interfaces are not generated there, and its folder is not written.
      throw new KilnError([{ message: 'kiln codegen without a folder regenerates Kiln\'s own option types, which only a checkout of Kiln has', hint: 'give the folder of your micro-libraries: npx kiln codegen ./libs' }]);
    }
    const catalog = loadCatalog(folder ? { folders: [folder] } : {});
    const root = folder ?? catalog.root;
    const target: CodegenTarget = folder
      ? {
        dir: 'generated',
        intRangeFrom: 'kiln',
        includes: (l) => isAbsolute(catalog.manifests.get(l.name)?.dir ?? ''),
        importExtension: '.js',
        shownDir: (d) => relative(folder, d) || '.',
        command: `npx kiln codegen ${displayPath(folder)}`,
      }
      : KILN_TARGET;
    const files = await generateOptionTypes(catalog, target);
    const wanted = new Set(files.map((f) => f.path));
    const dir = join(root, target.dir);
    const extra = existsSync(dir) ? readdirSync(dir).map((f) => join(target.dir, f)).filter((p) => !wanted.has(p) && p.endsWith('.ts')) : [];
    const stale = files.filter((f) => !existsSync(join(root, f.path)) || readFileSync(join(root, f.path), 'utf8') !== f.content);
    const again = target.command;
    if (opts.check) {
      for (const f of stale) opts.output.err(`stale: ${f.path} (run ${again})`);
      for (const p of extra) opts.output.err(`stale: ${p} has no Kconfig source any more (run ${again})`);
      return stale.length || extra.length ? 1 : 0;
    }
    for (const f of stale) writeIfChanged(join(root, f.path), f.content);
    for (const p of extra) rmSync(join(root, p));
    opts.output.out(`${files.length} files in ${displayPath(dir)}: ${stale.length} written, ${extra.length} removed`);
    return 0;
  } catch (err) {
    return reportError(err, opts.output);
  }
}
