// SPDX-License-Identifier: MIT
/**
 * A disagreeing tree printed so that a developer can reproduce it: the seed
 * and the one command that re-runs it, the files, the environment, the
 * request set that disagrees, and both sides' outputs.
 */
import type { ConfigRequest } from '../../synth/kconfig/index.ts';
import { describeError, describeRequest } from './compare.ts';
import type { JudgedTree } from './differential.ts';
import type { GeneratedTree } from './generate.ts';
import type { Repro } from './minimize.ts';

/** The command that re-runs the tree of `seed` alone and prints it. */
export function reproCommand(seed: number, sets: number): string {
  return `npx tsx --conditions=kiln-source test/kconfig-diff/run.ts --seed ${seed} --trees 1${sets === 20 ? '' : ` --sets ${sets}`} --show`;
}

/** The tree's files and environment. */
export function formatTree(tree: Pick<GeneratedTree, 'files' | 'env' | 'unset'>): string {
  const out: string[] = [];
  for (const [path, text] of Object.entries(tree.files)) {
    out.push(`----- ${path}`);
    out.push(text.replace(/\n$/, ''));
  }
  out.push(`----- env ${JSON.stringify(tree.env)}${tree.unset.length > 0 ? `, unset ${tree.unset.join(' ')}` : ''}`);
  return out.join('\n');
}

/** A request set as JSON, one request per entry. */
export function formatRequests(requests: readonly ConfigRequest[]): string {
  return `[${requests.map(describeRequest).join(', ')}]`;
}

/** One judged tree in full. */
export function formatJudged(j: JudgedTree, sets: number): string {
  const v = j.verdict;
  const out: string[] = [];
  out.push(`===== seed ${j.tree.seed}: ${v.kind === 'disagree' ? v.kinds.join(', ') : v.kind}`);
  out.push(`reproduce: ${reproCommand(j.tree.seed, sets)}`);
  out.push(formatTree(j.tree));
  if (!j.kiln.loaded) out.push(`Kiln: ${describeError(j.kiln.error)}`);
  if (j.oracle.error !== undefined) out.push(`kconfiglib: ${j.oracle.error}`);
  if (j.oracle.warnings && j.oracle.warnings.length > 0) out.push(`kconfiglib warnings:\n  ${j.oracle.warnings.join('\n  ')}`);
  if (j.kiln.loaded && j.kiln.tree.warnings.length > 0) out.push(`Kiln warnings:\n  ${j.kiln.tree.warnings.join('\n  ')}`);
  if (v.kind === 'disagree') {
    out.push(`differences:\n  ${v.details.join('\n  ')}`);
    if (v.failingSet !== undefined && j.kiln.loaded && j.oracle.results) {
      const i = v.failingSet;
      out.push(`set ${i} requests: ${formatRequests(j.kiln.sets[i])}`);
      out.push(`set ${i} fragment given to kconfiglib:\n${j.kiln.fragments[i].text.replace(/\n$/, '') || '(empty)'}`);
      const ref = j.oracle.results[i];
      out.push('error' in ref ? `kconfiglib crashed: ${ref.error}` : `kconfiglib .config:\n${ref.config.replace(/\n$/, '')}`);
    }
  }
  return out.join('\n');
}

/** A minimized repro. */
export function formatRepro(r: Repro): string {
  return `${formatTree(r.tree)}${r.requests ? `\nrequests: ${formatRequests(r.requests)}` : ''}`;
}
