// SPDX-License-Identifier: MIT
/**
 * One differential run: a range of seeds, each a generated tree with its
 * request sets, judged by Kiln and kconfiglib, counted.
 *
 * Trees go through in chunks (the oracle's chunk size), so memory stays flat
 * however many trees a run has.
 */
import type { ConfigRequest, KconfigTree } from '../../synth/kconfig/index.ts';
import {
  compareTree, DISAGREEMENT_KINDS, type DisagreementKind, type KilnSide, kilnSide, type Verdict,
} from './compare.ts';
import { type GeneratedTree, generateTree } from './generate.ts';
import { ORACLE_CHUNK, type OracleOutcome, runOracle } from './oracle.ts';
import { randomRequestSets } from './requests.ts';

/** Options of a differential run. */
export interface DifferentialOptions {
  /** The first seed; trees are drawn from seeds firstSeed, firstSeed + 1, ... */
  readonly firstSeed: number;
  /** How many trees. */
  readonly trees: number;
  /** Request sets per tree. @default 20 */
  readonly sets?: number;
  /** How many disagreeing trees are kept in full for printing. @default 5 */
  readonly keep?: number;
  /** Keep every tree judged in `examples`, agreeing or not (to show them). @default false */
  readonly keepAll?: boolean;
  /** Called after each chunk with the trees done so far. */
  readonly progress?: (done: number) => void;
}

/** A tree judged, with everything needed to print it. */
export interface JudgedTree {
  readonly tree: GeneratedTree;
  readonly kiln: KilnSide;
  readonly oracle: OracleOutcome;
  readonly verdict: Verdict;
}

/** The counts of a run. */
export interface DifferentialReport {
  readonly trees: number;
  /** Request sets compared (on trees both sides loaded). */
  readonly setsCompared: number;
  /** Trees both loaded and agreed on in every set. */
  readonly agreements: number;
  /** Trees both rejected. */
  readonly bothReject: number;
  /** Trees kconfiglib loads and Kiln refuses with a documented reason, by reason. */
  readonly refusals: Readonly<Record<string, number>>;
  /** Trees kconfiglib itself crashed on while applying a fragment, where Kiln did not throw (not counted against Kiln). */
  readonly oracleCrashes: number;
  /** Trees with at least one disagreement. */
  readonly disagreeingTrees: number;
  /** Trees showing each kind of disagreement (a tree may show several). */
  readonly disagreements: Readonly<Record<DisagreementKind, number>>;
  /** The first disagreeing trees (every tree, with keepAll), in full. */
  readonly examples: readonly JudgedTree[];
  /** Seeds of every disagreeing tree, by its first kind (and of the oracle's crashes, as 'oracle-crash'). */
  readonly seedsByKind: Readonly<Record<string, readonly number[]>>;
}

/** The seed of the request sets drawn over the tree of `seed`. */
export function requestSeed(seed: number): number {
  return (Math.imul(seed, 2654435761) ^ 0x5eed) >>> 0;
}

/** The request sets of the tree drawn from `seed`. */
export function setsFor(seed: number, sets: number): (t: KconfigTree) => ConfigRequest[][] {
  return (t) => randomRequestSets(t, sets, requestSeed(seed));
}

/** Judges the trees of the given seeds. */
export function judgeSeeds(seeds: readonly number[], sets: number): JudgedTree[] {
  const trees = seeds.map((seed) => generateTree(seed));
  const sides = trees.map((tree) => kilnSide(tree, setsFor(tree.seed, sets)));
  const outcomes = runOracle(trees.map((tree, i) => {
    const side = sides[i];
    return { ...tree, fragments: side.loaded ? side.fragments.map((f) => f.text) : [] };
  }));
  return trees.map((tree, i) => ({ tree, kiln: sides[i], oracle: outcomes[i], verdict: compareTree(sides[i], outcomes[i]) }));
}

/** Runs the differential test and counts. */
export function runDifferential(opts: DifferentialOptions): DifferentialReport {
  const sets = opts.sets ?? 20;
  const keep = opts.keep ?? 5;
  let setsCompared = 0;
  let agreements = 0;
  let bothReject = 0;
  let oracleCrashes = 0;
  let disagreeingTrees = 0;
  const refusals: Record<string, number> = {};
  const disagreements = Object.fromEntries(DISAGREEMENT_KINDS.map((k) => [k, 0])) as Record<DisagreementKind, number>;
  const seedsByKind: Record<string, number[]> = {};
  const examples: JudgedTree[] = [];
  for (let start = 0; start < opts.trees; start += ORACLE_CHUNK) {
    const seeds: number[] = [];
    for (let i = start; i < Math.min(opts.trees, start + ORACLE_CHUNK); i++) seeds.push(opts.firstSeed + i);
    for (const judged of judgeSeeds(seeds, sets)) {
      const v = judged.verdict;
      if (opts.keepAll) examples.push(judged);
      switch (v.kind) {
        case 'agree':
          agreements++;
          setsCompared += v.sets;
          break;
        case 'both-reject':
          bothReject++;
          break;
        case 'refusal':
          refusals[v.id] = (refusals[v.id] ?? 0) + 1;
          break;
        case 'oracle-crash':
          oracleCrashes++;
          setsCompared += v.sets;
          (seedsByKind['oracle-crash'] ??= []).push(judged.tree.seed);
          break;
        case 'disagree':
          disagreeingTrees++;
          setsCompared += v.sets;
          for (const k of v.kinds) disagreements[k]++;
          (seedsByKind[v.kinds[0]] ??= []).push(judged.tree.seed);
          if (!opts.keepAll && examples.length < keep) examples.push(judged);
          break;
      }
    }
    opts.progress?.(Math.min(opts.trees, start + ORACLE_CHUNK));
  }
  return {
    trees: opts.trees, setsCompared, agreements, bothReject, refusals, oracleCrashes, disagreeingTrees, disagreements, examples, seedsByKind,
  };
}

/** The counts, one line each. */
export function formatCounts(report: DifferentialReport): string {
  const lines = [
    `trees:               ${report.trees}`,
    `request sets compared: ${report.setsCompared}`,
    `agreements:          ${report.agreements} trees load in both and agree on every set; ${report.bothReject} trees rejected by both`,
    `documented refusals: ${Object.keys(report.refusals).length === 0 ? 'none' : Object.entries(report.refusals).sort().map(([id, n]) => `${id} ${n}`).join(', ')}`,
    `disagreeing trees:   ${report.disagreeingTrees}`,
  ];
  for (const k of DISAGREEMENT_KINDS) {
    if (report.disagreements[k] > 0) {
      const seeds = report.seedsByKind[k] ?? [];
      lines.push(`  ${k.padEnd(22)} ${report.disagreements[k]}${seeds.length > 0 ? ` (first kind of seeds ${seeds.slice(0, 8).join(', ')}${seeds.length > 8 ? ', ...' : ''})` : ''}`);
    }
  }
  if (report.oracleCrashes > 0) {
    lines.push(`kconfiglib crashed applying a fragment on ${report.oracleCrashes} trees, where Kiln resolved without throwing (not counted against Kiln; seeds ${(report.seedsByKind['oracle-crash'] ?? []).slice(0, 8).join(', ')})`);
  }
  return lines.join('\n');
}
