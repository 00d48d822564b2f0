// SPDX-License-Identifier: MIT
import t from 'tap';
import { type ConfigProblem, type ConfigRequest, resolveConfig } from '../../../synth/kconfig/index.ts';
import { kconfig, treeOf } from './_trees.ts';

// A small library tree in the style of Kiln's lib/ (one file per library).
const tree = treeOf({
  Kconfig: kconfig`
    mainmenu "problems"
    source "lib/*/Kconfig"
  `,
  'lib/base/Kconfig': kconfig`
    config LIBBASE
      bool "base: the base library"
  `,
  'lib/foo/Kconfig': kconfig`
    menuconfig LIBFOO
      bool "foo: a library"
      depends on LIBBASE

    if LIBFOO
    config LIBFOO_FAST
      bool "Fast mode"
    config LIBFOO_SIZE
      int "Size"
      range 16 4096
      default 64
    endif

    config LIBFOO_INTERNAL
      bool
      default y if LIBFOO

    config LIBFOO_USER
      bool "uses foo"
      select LIBFOO
      select LIBFOO_INTERNAL
  `,
  'lib/alloc/Kconfig': kconfig`
    choice ALLOC
      prompt "Allocator"
      default ALLOC_BUMP
    config ALLOC_BUMP
      bool "bump"
    config ALLOC_TLSF
      bool "TLSF"
    config ALLOC_BUDDY
      bool "buddy"
    endchoice
  `,
});

const at = (line: number): ConfigRequest['origin'] => ({ file: 'image.ts', line, path: `app/Image${line}` });

function only(requests: ConfigRequest[], kind: ConfigProblem['kind']): ConfigProblem {
  const problems = resolveConfig(tree, requests).problems.filter((p) => p.kind === kind);
  if (problems.length !== 1) throw new Error(`expected one ${kind} problem, got ${JSON.stringify(problems, null, 2)}`);
  return problems[0];
}

t.test('GIVEN a request for a symbol nobody defines WHEN resolved THEN unknown-symbol suggests the nearest name', async (t) => {
  const request = { symbol: 'LIBFOOO', value: true, origin: at(3) };
  const p = only([request], 'unknown-symbol');
  t.equal(p.symbol, 'LIBFOOO');
  t.equal(p.message, 'LIBFOOO was requested true by image.ts:3 (app/Image3), but no Kconfig file in the tree rooted at Kconfig defines it.');
  t.equal(p.hint, 'did you mean LIBFOO?');
  t.equal(p.request, request, 'the problem points at the very request');
  t.same(p.origin, at(3));
  t.equal(p.definedAt, undefined);
  t.equal(only([{ symbol: 'CONFIG_LIBFOO', value: true }], 'unknown-symbol').hint, 'did you mean LIBFOO?');
});

t.test('GIVEN a value of the wrong type WHEN resolved THEN type-mismatch names the type and what it takes', async (t) => {
  const p = only([{ symbol: 'LIBBASE', value: 'yes', origin: at(4) }], 'type-mismatch');
  t.equal(p.message, 'LIBBASE (lib/base/Kconfig:1) is a bool symbol, but image.ts:4 (app/Image4) requested "yes", which is not true or false; the request was ignored and LIBBASE is n.');
  t.equal(p.hint, 'write true (a boolean, not a string)');
  t.same(p.definedAt, { file: 'lib/base/Kconfig', line: 1 });
  const int = only([{ symbol: 'LIBBASE', value: true }, { symbol: 'LIBFOO', value: true }, { symbol: 'LIBFOO_SIZE', value: 'abc', origin: at(5) }], 'type-mismatch');
  t.match(int.message, /^LIBFOO_SIZE \(lib\/foo\/Kconfig:8\) is a int symbol, but image.ts:5 \(app\/Image5\) requested "abc", which is not a whole decimal number; the request was ignored and LIBFOO_SIZE is 64\.$/);
});

t.test('GIVEN a number outside the range WHEN resolved THEN out-of-range names the range and its line', async (t) => {
  const p = only([{ symbol: 'LIBBASE', value: true }, { symbol: 'LIBFOO', value: true }, { symbol: 'LIBFOO_SIZE', value: 5000, origin: at(6) }], 'out-of-range');
  t.equal(p.message, 'LIBFOO_SIZE (lib/foo/Kconfig:8) was requested 5000 by image.ts:6 (app/Image6), outside its range [16, 4096] (lib/foo/Kconfig:10); the request was ignored and LIBFOO_SIZE is 64 (its default 64 at lib/foo/Kconfig:11).');
  t.equal(p.hint, 'choose a value from 16 to 4096');
});

t.test('GIVEN a request whose dependencies are n WHEN resolved THEN unmet-dependency walks down to the symbols that are n', async (t) => {
  const p = only([{ symbol: 'LIBFOO_FAST', value: true, origin: at(7) }], 'unmet-dependency');
  t.equal(p.symbol, 'LIBFOO_FAST');
  t.match(p.message, /^LIBFOO_FAST \(lib\/foo\/Kconfig:6\) was requested y by image\.ts:7 \(app\/Image7\), but it depends on LIBFOO \(lib\/foo\/Kconfig:1\), which is n: it depends on LIBBASE \(lib\/base\/Kconfig:1\), which is n: not requested, and no default applies; the request has no effect and LIBFOO_FAST is n\.$/);
  t.equal(p.hint, 'also request LIBBASE=y and LIBFOO=y', 'first what makes LIBFOO visible, then LIBFOO');
  const direct = only([{ symbol: 'LIBFOO', value: true, origin: at(8) }], 'unmet-dependency');
  t.match(direct.message, /but it depends on LIBBASE \(lib\/base\/Kconfig:1\), which is n/);
  t.equal(direct.hint, 'also request LIBBASE=y');
});

t.test('GIVEN two members of one choice requested y WHEN resolved THEN choice-conflict names both and the choice', async (t) => {
  const p = only([{ symbol: 'ALLOC_TLSF', value: true, origin: at(9) }, { symbol: 'ALLOC_BUDDY', value: true, origin: at(10) }], 'choice-conflict');
  t.equal(p.symbol, 'ALLOC_TLSF');
  t.equal(p.message, 'ALLOC_TLSF (lib/alloc/Kconfig:6) was requested y by image.ts:9 (app/Image9), but ALLOC_BUDDY (lib/alloc/Kconfig:8) was requested y too, by image.ts:10 (app/Image10), and both are members of <choice ALLOC> (lib/alloc/Kconfig:1), where only one can be y; the later request counts, and ALLOC_TLSF is n.');
  t.equal(p.hint, 'choose one of ALLOC_TLSF, ALLOC_BUDDY');
});

t.test('GIVEN the default member of a choice requested n WHEN resolved THEN choice-conflict says why it stays y', async (t) => {
  const p = only([{ symbol: 'ALLOC_BUMP', value: false, origin: at(11) }], 'choice-conflict');
  t.equal(p.message, "ALLOC_BUMP (lib/alloc/Kconfig:4) was requested n by image.ts:11 (app/Image11), but <choice ALLOC> (lib/alloc/Kconfig:1) needs one member y and selected ALLOC_BUMP, because it is the choice's default (lib/alloc/Kconfig:3).");
  t.equal(p.hint, 'request another member y instead: one of ALLOC_TLSF, ALLOC_BUDDY');
});

t.test('GIVEN a select of a symbol whose dependencies are n WHEN resolved THEN select-unmet-dependency names the selector, the dependency and who asked', async (t) => {
  const request = { symbol: 'LIBFOO_USER', value: true, origin: at(12) };
  const p = only([request], 'select-unmet-dependency');
  t.equal(p.symbol, 'LIBFOO');
  t.equal(p.message, 'LIBFOO (lib/foo/Kconfig:1) is y because LIBFOO_USER selects it (lib/foo/Kconfig:20), but it depends on LIBBASE (lib/base/Kconfig:1), which is n: not requested, and no default applies, so the selected code may not build; LIBFOO_USER is y: requested y by image.ts:12 (app/Image12).');
  t.equal(p.hint, 'also request LIBBASE=y');
  t.equal(p.request, request, 'traced to the request that turned the selector on');
  t.same(p.origin, at(12));
  t.same(resolveConfig(tree, [request, { symbol: 'LIBBASE', value: true }]).problems, [], 'gone once the dependency holds');
});

t.test('GIVEN a request for a symbol without prompt WHEN resolved THEN not-visible says only defaults and selects set it', async (t) => {
  const p = only([{ symbol: 'LIBFOO_INTERNAL', value: true, origin: at(13) }], 'not-visible');
  t.equal(p.message, 'LIBFOO_INTERNAL (lib/foo/Kconfig:14) was requested y by image.ts:13 (app/Image13), but it has no prompt, so only its defaults and selects set it; LIBFOO_INTERNAL is n.');
  t.equal(p.hint, 'request a symbol that selects it instead: LIBFOO_USER');
  t.same(resolveConfig(tree, [{ symbol: 'LIBBASE', value: true }, { symbol: 'LIBFOO', value: true }, { symbol: 'LIBFOO_INTERNAL', value: true }]).problems, [], 'no problem when the default gives what was asked');
});

t.test('GIVEN a request for n on a selected symbol WHEN resolved THEN forced-by-select names the selector and why it is y', async (t) => {
  const p = only([{ symbol: 'LIBBASE', value: true }, { symbol: 'LIBFOO_USER', value: true, origin: at(14) }, { symbol: 'LIBFOO', value: false, origin: at(15) }], 'forced-by-select');
  t.equal(p.message, 'LIBFOO (lib/foo/Kconfig:1) was requested n by image.ts:15 (app/Image15), but LIBFOO_USER (select at lib/foo/Kconfig:20) selects it, so it is y; LIBFOO_USER is y: requested y by image.ts:14 (app/Image14).');
  t.equal(p.hint, 'drop the request for LIBFOO=n, or turn off LIBFOO_USER');
});

t.test('GIVEN the same symbol requested twice with different values WHEN resolved THEN the earlier one is a duplicate-request', async (t) => {
  const first = { symbol: 'LIBBASE', value: true, origin: at(16) };
  const second = { symbol: 'LIBBASE', value: false, origin: at(17) };
  const r = resolveConfig(tree, [first, second]);
  t.equal(r.value('LIBBASE'), 'n');
  t.equal(r.problems.length, 1);
  t.equal(r.problems[0].kind, 'duplicate-request');
  t.equal(r.problems[0].request, first);
  t.equal(r.problems[0].message, 'LIBBASE (lib/base/Kconfig:1) was requested y by image.ts:16 (app/Image16) and again n by image.ts:17 (app/Image17); the later request wins, so LIBBASE is n.');
});

t.test('GIVEN requests that can all be honoured WHEN resolved THEN there are no problems', async (t) => {
  const r = resolveConfig(tree, [
    { symbol: 'LIBBASE', value: true }, { symbol: 'LIBFOO', value: true }, { symbol: 'LIBFOO_SIZE', value: '128' },
    { symbol: 'ALLOC_TLSF', value: true }, { symbol: 'ALLOC_BUMP', value: false },
  ]);
  t.same(r.problems, []);
  t.equal(r.value('ALLOC_TLSF'), 'y');
});

t.test('GIVEN a request without origin WHEN it is not honoured THEN the message still reads as a sentence', async (t) => {
  const p = only([{ symbol: 'LIBFOO', value: true }], 'unmet-dependency');
  t.match(p.message, /^LIBFOO \(lib\/foo\/Kconfig:1\) was requested y by <unknown origin>, but /);
});

t.test('GIVEN a choice member without a prompt WHEN it is requested y THEN not-visible says the choice can never select it', async (t) => {
  const r = resolveConfig(treeOf(kconfig`
    choice
      prompt "pick"
      bool
    config SHOWN
      bool "shown"
    config PROMPTLESS_MEMBER
    endchoice
  `), [{ symbol: 'PROMPTLESS_MEMBER', value: true, origin: at(20) }]);
  t.equal(r.value('SHOWN'), 'y');
  t.match(r.problems, [{
    kind: 'not-visible',
    message: 'PROMPTLESS_MEMBER (Kconfig:6) was requested y by image.ts:20 (app/Image20), but it has no prompt, so <choice> (Kconfig:1) can never select it; PROMPTLESS_MEMBER is n (<choice> (Kconfig:1) selected SHOWN).',
  }]);
});
