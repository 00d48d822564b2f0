// SPDX-License-Identifier: MIT
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of this Kiln checkout or package: where Kconfig, lib/ and boards/ live. */
export const KILN_ROOT = fileURLToPath(new URL('../', import.meta.url)).replace(/\/$/, '');

/** A path as messages show it: relative to the working directory when under it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
