// SPDX-License-Identifier: MIT
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether this module runs compiled, from the package's dist/ folder (an
 * installed Kiln), rather than as the TypeScript source of a checkout.
 * tsconfig.build.json mirrors the source tree under dist/, so the compiled
 * file is one folder deeper below the root: dist/synth/paths.js.
 */
export const RUNS_COMPILED = import.meta.url.endsWith('.js');

/**
 * The root of this Kiln checkout or installed package: where package.json,
 * Kconfig, lib/ and boards/ live. Read only: whatever Kiln writes goes to
 * the user cache or the assembly folder, so an installed package may be
 * read-only.
 */
export const KILN_ROOT = fileURLToPath(new URL(RUNS_COMPILED ? '../../' : '../', import.meta.url)).replace(/\/$/, '');

let version: string | undefined;

/** This Kiln's version, from its package.json. */
export function kilnVersion(): string {
  version ??= (JSON.parse(readFileSync(join(KILN_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  return version;
}

/** A path as messages show it: relative to the working directory when under it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
