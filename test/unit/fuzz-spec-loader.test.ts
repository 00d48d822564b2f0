// SPDX-License-Identifier: MIT
// The spec loader under a coverage-guided fuzzer (issue 18): a short,
// seeded run in every test run (`npm run fuzz:spec` runs for ten minutes),
// the inputs earlier runs found replayed, and the fuzzer itself shown to
// follow coverage to a bug no random input reaches.
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzz } from '../fuzz/engine.ts';
import { specLoaderTarget } from '../fuzz/spec-loader.ts';
import { plantedBug } from '../fuzz/planted-bug.ts';
import { ROOT } from '../helpers/cli.ts';

const REGRESSIONS = join(ROOT, 'test/fixtures/fuzz/spec-loader');

/** Executions of the short run: about ten seconds on a quiet two-core machine. */
const SHORT_RUN_EXECS = 3_000;

t.test('GIVEN inputs earlier fuzzing runs found WHEN loaded THEN each is a bounded problem, not a finding', async (t) => {
  const target = specLoaderTarget();
  const files = readdirSync(REGRESSIONS).filter((f) => f.endsWith('.input')).sort();
  t.ok(files.length >= 5, `${files.length} inputs`);
  for (const file of files) t.doesNotThrow(() => target.run(readFileSync(join(REGRESSIONS, file))), file);
});

t.test('GIVEN the spec loader WHEN fuzzed for a short, seeded run THEN nothing is found and coverage grows past the seeds', async (t) => {
  const result = fuzz(specLoaderTarget(), { execs: SHORT_RUN_EXECS, seed: 20261202 });
  t.equal(result.execs, SHORT_RUN_EXECS);
  t.same(result.findings.map((f) => `${f.message}\n  input: ${JSON.stringify(f.input.toString('utf8').slice(0, 300))}`), [], 'no findings');
  t.ok(result.features > result.initialFeatures, `mutations reached code the seeds did not: ${result.initialFeatures} -> ${result.features} features`);
  t.comment(`${result.execs} execs in ${result.seconds.toFixed(1)} s (${Math.round(result.execs / result.seconds)}/s); features ${result.initialFeatures} -> ${result.features}; corpus ${result.kept.length}`);
});

t.test('GIVEN a bug behind three nested checks WHEN fuzzed THEN coverage leads the fuzzer to it', async (t) => {
  const result = fuzz(
    { run: plantedBug, seeds: [Buffer.from('some text < here')], dictionary: ['K', 'L', 'N', 'x', 'y', 'z', '<', ' '], coverage: /\/test\/fuzz\/planted-bug\.ts$/ },
    { execs: 20_000, seed: 1, stopOnFinding: true },
  );
  t.same(result.findings.map((f) => f.message), ['planted bug reached'], `found after ${result.execs} execs`);
  t.ok(result.kept.length > 1, 'inputs that pass a check are kept');
});
