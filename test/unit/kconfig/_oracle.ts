// SPDX-License-Identifier: MIT
/**
 * Runs kconfiglib (the reference Kconfig implementation) over many defconfig
 * fragments in one Python process.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What kconfiglib made of one fragment. */
export interface OracleResult {
  /** Every defined symbol's str_value. */
  readonly values: Readonly<Record<string, string>>;
  /** write_config() output, with an empty header. */
  readonly config: string;
  /** write_autoconf() output, with an empty header. */
  readonly header: string;
  /** Warnings while loading the fragment (assignments kconfiglib refused). */
  readonly assignmentWarnings: readonly string[];
  /** Symbols kconfiglib warned were selected past their dependencies. */
  readonly selectWarnings: readonly string[];
}

const SCRIPT = fileURLToPath(new URL('./kconfiglib-oracle.py', import.meta.url));

/** Loads the tree `root` (relative to `srctree`) once and applies each fragment in turn. */
export function runOracle(srctree: string, root: string, fragments: readonly string[]): OracleResult[] {
  const run = spawnSync('/usr/bin/python3', [SCRIPT], {
    input: JSON.stringify({ srctree, root, fragments }),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`kconfiglib oracle failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as OracleResult[];
}
