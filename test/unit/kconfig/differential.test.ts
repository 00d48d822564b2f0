// SPDX-License-Identifier: MIT
/**
 * Kiln's Kconfig engine against kconfiglib on random trees: the CI slice of
 * the differential tester (test/kconfig-diff/), which generates trees over
 * the whole Kconfig language as well as request sets over them.
 *
 * A fixed range of seeds runs here; `npm run bench:kconfig` runs 2,000 trees
 * and more seeds with --seed. Every disagreement printed below comes with the
 * command that reproduces it alone and a minimized tree.
 */
import t from 'tap';
import { formatCounts, runDifferential } from '../../kconfig-diff/differential.ts';
import { minimize } from '../../kconfig-diff/minimize.ts';
import { formatJudged, formatRepro } from '../../kconfig-diff/report.ts';

const TREES = 150;
const SETS = 20;
const FIRST_SEED = 1;

t.test(`GIVEN ${TREES} random Kconfig trees with ${SETS} random request sets each WHEN Kiln and kconfiglib load and resolve them THEN they agree on every tree`, (tt) => {
  const report = runDifferential({ firstSeed: FIRST_SEED, trees: TREES, sets: SETS, keep: 3 });
  tt.comment(formatCounts(report));
  const shown = report.examples.map((judged, i) => {
    let text = formatJudged(judged, SETS);
    // Minimizing costs a few seconds a tree: only the first is shrunk.
    if (i === 0 && judged.verdict.kind === 'disagree') {
      const failing = judged.verdict.failingSet;
      const requests = failing !== undefined && judged.kiln.loaded ? judged.kiln.sets[failing] : undefined;
      text += `\n----- minimized\n${formatRepro(minimize({ tree: judged.tree, requests }, { ms: 15_000 }))}`;
    }
    return text;
  });
  tt.equal(report.disagreeingTrees, 0, `no disagreement on seeds ${FIRST_SEED}..${FIRST_SEED + TREES - 1}${shown.length > 0 ? `; the first:\n${shown.join('\n\n')}` : ''}`);
  // The generator must keep producing trees both sides load, or the test says little.
  tt.ok(report.agreements + report.disagreeingTrees >= TREES / 2, `most trees load (${report.agreements + report.disagreeingTrees} of ${TREES})`);
  tt.ok(report.setsCompared >= (TREES / 2) * SETS, `${report.setsCompared} request sets compared`);
  tt.end();
});
