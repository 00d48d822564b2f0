// SPDX-License-Identifier: MIT
/**
 * The Kconfig differential tester's command: `npx tsx --conditions=kiln-source
 * test/kconfig-diff/run.ts [--seed 1] [--trees 100] [--sets 20] [--show]
 * [--examples 3] [--minimize]`.
 *
 * Generates trees from consecutive seeds, judges each with Kiln and with
 * kconfiglib, prints the counts and the first disagreements in full, and
 * exits 1 when there is any disagreement. `--show` prints every tree, even
 * agreeing ones (meant for `--trees 1`); `--minimize` shrinks each printed
 * disagreement to the lines that still show it.
 */
import { parseArgs } from 'node:util';
import { formatCounts, runDifferential } from './differential.ts';
import { minimize } from './minimize.ts';
import { formatJudged, formatRepro } from './report.ts';

/** Options of the differential command. */
export interface KconfigDifferentialOptions {
  /** The first seed. @default 1 */
  readonly seed: number;
  /** Trees to generate. @default 100 */
  readonly trees: number;
  /** Request sets per tree. @default 20 */
  readonly sets: number;
  /** Print every tree judged in this run, agreeing or not. @default false */
  readonly show: boolean;
  /** How many disagreements to print in full. @default 3 */
  readonly examples: number;
  /** Minimize each printed disagreement. @default false */
  readonly minimize: boolean;
  /** Where lines go. @default stdout */
  readonly out?: (line: string) => void;
}

/** Runs the differential test and returns the exit code: 1 when Kiln and kconfiglib disagree on any tree. */
export function kconfigDifferential(opts: KconfigDifferentialOptions): number {
  const out = opts.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const started = performance.now();
  const report = runDifferential({
    firstSeed: opts.seed,
    trees: opts.trees,
    sets: opts.sets,
    keep: opts.show ? opts.trees : opts.examples,
    progress: opts.trees >= 500 ? (done) => process.stderr.write(`${done}/${opts.trees} trees\r`) : undefined,
    keepAll: opts.show,
  });
  for (const judged of report.examples.slice(0, opts.show ? undefined : opts.examples)) {
    out(formatJudged(judged, opts.sets));
    if (opts.minimize && judged.verdict.kind === 'disagree') {
      const failing = judged.verdict.failingSet;
      const requests = failing !== undefined && judged.kiln.loaded ? judged.kiln.sets[failing] : undefined;
      out(`----- minimized (same first kind: ${judged.verdict.kinds[0]})`);
      out(formatRepro(minimize({ tree: judged.tree, requests })));
    }
    out('');
  }
  out(formatCounts(report));
  out(`seeds ${opts.seed}..${opts.seed + opts.trees - 1}, ${opts.sets} sets per tree, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return report.disagreeingTrees > 0 ? 1 : 0;
}

/** Maps argv to the command's options. */
export function parseDifferentialArgs(argv: readonly string[], defaults: { trees: number }): KconfigDifferentialOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seed: { type: 'string', default: '1' },
      trees: { type: 'string', default: String(defaults.trees) },
      sets: { type: 'string', default: '20' },
      show: { type: 'boolean', default: false },
      examples: { type: 'string', default: '3' },
      minimize: { type: 'boolean', default: false },
    },
  });
  const int = (name: string, text: string): number => {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not ${JSON.stringify(text)}`);
    return n;
  };
  return {
    seed: int('seed', values.seed), trees: int('trees', values.trees), sets: int('sets', values.sets),
    show: values.show, examples: int('examples', values.examples), minimize: values.minimize,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = kconfigDifferential(parseDifferentialArgs(process.argv.slice(2), { trees: 100 }));
}
