// SPDX-License-Identifier: MIT
/**
 * Small Kconfig trees written to temporary directories, for focused tests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type KconfigTree, loadKconfig } from '../../../synth/kconfig/index.ts';

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/**
 * Strips the indentation common to all non-blank lines (and the first line
 * break), so trees can be written indented inside test code.
 */
export function kconfig(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings.raw }, ...values).replace(/^\n/, '');
  const indents = text.split('\n').filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const strip = Math.min(...indents);
  return text.split('\n').map((l) => l.slice(strip)).join('\n').replace(/\s*$/, '\n');
}

/** Writes `files` (path relative to the tree -> content) to a new temporary directory. */
export function writeTree(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-kconfig-'));
  created.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Writes `files` and loads the tree rooted at `Kconfig` (or a single root text). */
export function treeOf(files: Readonly<Record<string, string>> | string): KconfigTree {
  const dir = writeTree(typeof files === 'string' ? { Kconfig: files } : files);
  return loadKconfig(join(dir, 'Kconfig'));
}
