// SPDX-License-Identifier: MIT
/**
 * Shrinks a disagreeing tree: lines are deleted (and requests dropped) for as
 * long as the same disagreement persists, so that what is printed is the
 * few lines a developer needs.
 *
 * Each round tries every single deletion at once, in one oracle process;
 * then it deletes all the lines that could go on their own, or, when that
 * loses the disagreement, only the first of them.
 */
import type { ConfigRequest } from '../../synth/kconfig/index.ts';
import { compareTree, describeError, kilnSide, type Verdict } from './compare.ts';
import type { GeneratedTree } from './generate.ts';
import { runOracle } from './oracle.ts';

/** What the minimizer works on: a tree and, for disagreements about values, the one request set that shows it. */
export interface Repro {
  readonly tree: GeneratedTree;
  /** The request set; undefined when the disagreement is about loading the tree. */
  readonly requests?: readonly ConfigRequest[];
}

/** What must persist for a smaller tree to count as the same disagreement. */
export function signatureOf(verdict: Verdict): string | undefined {
  if (verdict.kind !== 'disagree') return undefined;
  const kind = verdict.kinds[0];
  if (kind === 'kiln-rejects' || kind === 'kiln-load-crash') {
    // The message without its `file:line:` and without quoted details, so
    // that the same refusal on a moved line still counts.
    return `${kind} ${verdict.details[0].replace(/^Kiln: [^:]*:\d+: /, 'Kiln: ').split('\n')[0].replace(/'[^']*'/g, "'…'")}`;
  }
  return kind;
}

function judge(candidates: readonly Repro[]): Verdict[] {
  const sides = candidates.map((c) => kilnSide(c.tree, () => (c.requests ? [c.requests] : [])));
  const outcomes = runOracle(candidates.map((c, i) => {
    const side = sides[i];
    return { ...c.tree, fragments: side.loaded ? side.fragments.map((f) => f.text) : [] };
  }));
  return candidates.map((_, i) => compareTree(sides[i], outcomes[i]));
}

/** One deletion: lines of a file, a request, a whole (empty) file, or an environment variable. */
type Cut = { readonly file: string; readonly lines: readonly number[] } | { readonly request: number } | { readonly dropFile: string } | { readonly dropEnv: string };

function applyCuts(repro: Repro, cuts: readonly Cut[]): Repro {
  const files: Record<string, string[]> = {};
  for (const [file, text] of Object.entries(repro.tree.files)) files[file] = text.split('\n');
  const gone = new Map<string, Set<number>>();
  const droppedRequests = new Set<number>();
  const env: Record<string, string> = { ...repro.tree.env };
  for (const cut of cuts) {
    if ('lines' in cut) {
      let set = gone.get(cut.file);
      if (!set) gone.set(cut.file, (set = new Set()));
      for (const line of cut.lines) set.add(line);
    } else if ('request' in cut) droppedRequests.add(cut.request);
    else if ('dropEnv' in cut) delete env[cut.dropEnv];
    else delete files[cut.dropFile];
  }
  const out: Record<string, string> = {};
  for (const [file, lines] of Object.entries(files)) out[file] = lines.filter((_, i) => !gone.get(file)?.has(i)).join('\n');
  return {
    tree: { ...repro.tree, files: out, env, unset: repro.tree.unset.filter((v) => v in env || Object.values(out).some((t) => t.includes(v))) },
    requests: repro.requests?.filter((_, i) => !droppedRequests.has(i)),
  };
}

/**
 * The smallest tree (and request set) found that shows the same disagreement
 * as `repro`, within `budget` (rounds of deletions, milliseconds).
 */
export function minimize(repro: Repro, budget: { readonly rounds?: number; readonly ms?: number } = {}): Repro {
  const maxRounds = budget.rounds ?? 60;
  const deadline = performance.now() + (budget.ms ?? Infinity);
  let first: Verdict;
  try {
    first = judge([repro])[0];
  } catch (error) {
    throw new Error(`cannot judge the tree to minimize: ${describeError(error)}`);
  }
  const signature = signatureOf(first);
  if (signature === undefined) return repro;
  let current = repro;
  for (let round = 0; round < maxRounds && performance.now() < deadline; round++) {
    const cuts: Cut[] = [];
    for (const [file, text] of Object.entries(current.tree.files)) {
      const lines = text.split('\n');
      lines.forEach((_, line) => cuts.push({ file, lines: [line] }));
      // Pairs too: a continued line, or a block's opening and closing lines, only go together.
      lines.forEach((l, line) => {
        if (line + 1 < lines.length) cuts.push({ file, lines: [line, line + 1] });
        if (/^\s*(menu|if|choice)\b/.test(l)) {
          const end = lines.findIndex((e, j) => j > line && /^\s*end(menu|if|choice)\b/.test(e));
          if (end > line + 1) cuts.push({ file, lines: [line, end] });
        }
      });
      if (file !== current.tree.root && text.trim() === '') cuts.push({ dropFile: file });
    }
    current.requests?.forEach((_, request) => cuts.push({ request }));
    for (const name of Object.keys(current.tree.env)) cuts.push({ dropEnv: name });
    const verdicts = judge(cuts.map((c) => applyCuts(current, [c])));
    let good = cuts.filter((_, i) => signatureOf(verdicts[i]) === signature);
    if (good.length === 0) break;
    // Take as many of the cuts that work alone as still work together.
    while (good.length > 1) {
      const together = applyCuts(current, good);
      if (signatureOf(judge([together])[0]) === signature) break;
      good = good.slice(0, Math.ceil(good.length / 2));
    }
    current = applyCuts(current, good);
  }
  return current;
}
