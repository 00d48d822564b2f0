// SPDX-License-Identifier: MIT
/**
 * Loads a Kconfig tree from disk.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { buildModel } from './private/build-model.ts';
import { parseKconfigTree } from './private/parser.ts';
import { KconfigTree } from './tree.ts';

/** Options of loadKconfig(). */
export interface LoadKconfigOptions {
  /**
   * The directory `source` paths are relative to, and that file names in
   * messages are relative to.
   *
   * @default the directory of the root file
   */
  readonly srctree?: string;
  /**
   * Files that exist only in memory, by name relative to the source tree:
   * `source` and `osource` read them in place of the disk. Kiln's catalog
   * uses them to source the user's Kconfig files into its tree.
   * @default none
   */
  readonly virtualFiles?: ReadonlyMap<string, string>;
  /**
   * The environment the files see: `$(NAME)` reads it when NAME is no
   * variable, `"$NAME"` in a string expands from it, and `option env`
   * defaults from it. What the tree read is in KconfigTree.environment.
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Parses the Kconfig tree rooted at `rootFile`, following every `source`.
 *
 * Parse once and resolve many: the tree is immutable.
 *
 * @throws KconfigParseError (`file:line: expected X, found Y`) when a file
 *   does not parse, a sourced file is missing, the tree has a dependency
 *   loop, or it uses something Kiln does not support (tristate, macros).
 */
export function loadKconfig(rootFile: string, options: LoadKconfigOptions = {}): KconfigTree {
  const rootPath = resolve(rootFile);
  const srctree = resolve(options.srctree ?? dirname(rootPath));
  const rel = relative(srctree, rootPath);
  const rootName = rel.startsWith('..') || isAbsolute(rel) ? rootPath : rel;
  const ast = parseKconfigTree(rootName, srctree, options.virtualFiles, options.env ?? process.env);
  const model = buildModel(ast);
  return new KconfigTree({
    srctree, rootFile: rootName, files: ast.files, mainmenu: ast.mainmenu, info: ast.info, environment: ast.environment,
  }, model);
}
