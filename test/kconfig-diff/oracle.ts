// SPDX-License-Identifier: MIT
/**
 * Runs kconfiglib over many generated trees, a chunk of trees per Python
 * process (see oracle.py).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One tree as the oracle reads it. */
export interface OracleTree {
  readonly files: Readonly<Record<string, string>>;
  readonly root: string;
  readonly env: Readonly<Record<string, string>>;
  readonly unset: readonly string[];
  /** Defconfig fragments to apply one after the other. */
  readonly fragments: readonly string[];
}

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

/** kconfiglib crashed applying one fragment (a RecursionError on a choice loop it did not detect when loading). */
export interface OracleCrash {
  readonly error: string;
}

/** What kconfiglib made of one tree: an error, or its warnings and one result per fragment. */
export type OracleOutcome =
  | { readonly error: string; readonly warnings?: readonly string[]; readonly results?: undefined }
  | { readonly error?: undefined; readonly warnings: readonly string[]; readonly results: readonly (OracleResult | OracleCrash)[] };

const SCRIPT = fileURLToPath(new URL('./oracle.py', import.meta.url));

/** Trees per Python process: bounds the oracle's memory. */
export const ORACLE_CHUNK = 100;

/** Runs kconfiglib over `trees`, in chunks, and returns one outcome per tree. */
export function runOracle(trees: readonly OracleTree[]): OracleOutcome[] {
  const out: OracleOutcome[] = [];
  for (let i = 0; i < trees.length; i += ORACLE_CHUNK) {
    const run = spawnSync('/usr/bin/python3', [SCRIPT], {
      input: JSON.stringify(trees.slice(i, i + ORACLE_CHUNK)),
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (run.status !== 0) throw new Error(`kconfiglib oracle failed (${run.status}): ${run.stderr}`);
    out.push(...(JSON.parse(run.stdout) as OracleOutcome[]));
  }
  return out;
}
