// SPDX-License-Identifier: MIT
/**
 * Kiln's Kconfig engine against kconfiglib, the reference implementation.
 *
 * Hundreds of seeded random request sets are resolved by both; for each set
 * the test expects the same value for every symbol, the same .config and
 * header text, the same select warnings, and (Kiln's own promise) a reported
 * problem for every request kconfiglib did not honour, and none for a
 * request it did.
 *
 * The text is compared exactly rather than as normalized maps because the
 * generated .config is meant to be opened by the standard Kconfig tools: its
 * order, menu headings and `is not set` lines are part of the contract.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import {
  checkRequestValue, defconfigFragment, type ConfigRequest, type KconfigTree, loadKconfig, resolveConfig,
} from '../../../synth/kconfig/index.ts';
import { parsePyInt } from '../../../synth/kconfig/private/python-numbers.ts';
import { runOracle } from './_oracle.ts';
import { randomRequestSets } from './_random-requests.ts';

const RICH = fileURLToPath(new URL('../../fixtures/kconfig/rich/Kconfig', import.meta.url));
const REPO_ROOT_KCONFIG = fileURLToPath(new URL('../../../Kconfig', import.meta.url));
const SETS = 500;

function sameValue(type: string, a: string, b: string): boolean {
  if (type === 'int' || type === 'hex') {
    const x = parsePyInt(a, type === 'hex' ? 16 : 10);
    const y = parsePyInt(b, type === 'hex' ? 16 : 10);
    if (x !== undefined && y !== undefined) return x === y;
  }
  return a === b;
}

function agree(tt: Test, tree: KconfigTree, seed: number): void {
  const sets = randomRequestSets(tree, SETS, seed);
  const oracle = runOracle(tree.srctree, tree.rootFile, sets.map((s) => defconfigFragment(tree, s)));
  const failures: string[] = [];
  let unhonoured = 0;
  let checkedRequests = 0;
  sets.forEach((requests, i) => {
    const kiln = resolveConfig(tree, requests);
    const ref = oracle[i];
    const fail = (what: string): void => {
      if (failures.length < 20) failures.push(`set ${i} ${JSON.stringify(requests.map((r) => [r.symbol, r.value]))}: ${what}`);
    };
    for (const [name, value] of Object.entries(ref.values)) {
      if (kiln.value(name) !== value) fail(`${name}: kiln ${JSON.stringify(kiln.value(name))}, kconfiglib ${JSON.stringify(value)}`);
    }
    if (kiln.values.size !== Object.keys(ref.values).length) fail(`symbol count ${kiln.values.size} vs ${Object.keys(ref.values).length}`);
    if (kiln.dotConfig() !== ref.config) fail(`.config differs:\n${kiln.dotConfig()}\n---\n${ref.config}`);
    if (kiln.configHeader() !== ref.header) fail(`header differs:\n${kiln.configHeader()}\n---\n${ref.header}`);
    if (ref.assignmentWarnings.length > 0) fail(`kconfiglib refused part of the fragment: ${ref.assignmentWarnings.join('; ')}`);
    const selectProblems = kiln.problems.filter((p) => p.kind === 'select-unmet-dependency').map((p) => p.symbol).sort();
    if (JSON.stringify(selectProblems) !== JSON.stringify(ref.selectWarnings)) {
      fail(`select problems ${selectProblems.join(',')} vs kconfiglib warnings ${ref.selectWarnings.join(',')}`);
    }
    for (const r of requests) {
      checkedRequests++;
      const reported = kiln.problems.filter((p) => p.request === r && p.kind !== 'select-unmet-dependency');
      const sym = tree.trySymbol(r.symbol);
      const checked = sym && checkRequestValue(sym.type, r.value);
      const honoured = !!sym && !!checked?.ok && sameValue(sym.type, checked.text, ref.values[r.symbol]);
      if (!honoured) unhonoured++;
      if (!honoured && reported.length === 0) fail(`request ${describe(r)} not honoured (kconfiglib: ${ref.values[r.symbol]}) but no problem reported`);
      if (honoured && reported.length > 0) fail(`request ${describe(r)} honoured but reported: ${reported[0].message}`);
    }
  });
  tt.same(failures, [], `Kiln agrees with kconfiglib on all ${SETS} request sets`);
  tt.ok(unhonoured > SETS / 2, `the sets exercise unhonoured requests (${unhonoured} of ${checkedRequests})`);
}

function describe(r: ConfigRequest): string {
  return `${r.symbol}=${JSON.stringify(r.value)}`;
}

t.test('GIVEN the rich fixture tree WHEN 500 random request sets are resolved by Kiln and by kconfiglib THEN they agree', (tt) => {
  const tree = loadKconfig(RICH);
  agree(tt, tree, 20240601);
  tt.end();
});

const repoSkip = existsSync(REPO_ROOT_KCONFIG) ? false : `no ${REPO_ROOT_KCONFIG} in this checkout`;
t.test('GIVEN the repository Kconfig tree WHEN 500 random request sets are resolved by Kiln and by kconfiglib THEN they agree', { skip: repoSkip }, (tt) => {
  const tree = loadKconfig(REPO_ROOT_KCONFIG);
  agree(tt, tree, 7);
  tt.end();
});
