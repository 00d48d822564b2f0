// SPDX-License-Identifier: MIT
import t from 'tap';
import { resolveConfig } from '../../../synth/kconfig/index.ts';
import { kconfig, treeOf } from './_trees.ts';

const origin = { file: 'image.ts', line: 7, path: 'app/Hello' };

t.test('GIVEN defaults with conditions WHEN nothing is requested THEN the first default whose condition holds applies', async (t) => {
  const tree = treeOf(kconfig`
    config A
      bool "a"
    config N
      int "n"
      default 1 if A
      default 2
    config S
      string "s"
      default "with a" if A
  `);
  const plain = resolveConfig(tree, []);
  t.equal(plain.value('N'), '2');
  t.equal(plain.value('S'), '', 'a string with no applicable default is empty');
  const withA = resolveConfig(tree, [{ symbol: 'A', value: true, origin }]);
  t.equal(withA.value('N'), '1');
  t.equal(withA.value('S'), 'with a');
  t.ok(withA.isEnabled('A'));
  t.notOk(withA.isEnabled('N'), 'only bools are enabled');
  t.equal(withA.value('NOPE'), undefined);
});

t.test('GIVEN a symbol with dependencies WHEN it is requested THEN the request counts only while it is visible', async (t) => {
  const tree = treeOf(kconfig`
    config A
      bool "a"
    config B
      bool "b"
      depends on A
      default y
  `);
  t.equal(resolveConfig(tree, [{ symbol: 'B', value: true }]).value('B'), 'n');
  t.equal(resolveConfig(tree, [{ symbol: 'A', value: true }]).value('B'), 'y', 'the default applies once visible');
  t.equal(resolveConfig(tree, [{ symbol: 'A', value: true }, { symbol: 'B', value: false }]).value('B'), 'n', 'a visible user value beats the default');
});

t.test('GIVEN select WHEN the selector is y THEN the target is y even past its own unmet dependencies', async (t) => {
  const tree = treeOf(kconfig`
    config A
      bool "a"
    config C
      bool "c"
      depends on A
    config S
      bool "s"
      select C
    config T
      bool "t"
      select C if A
  `);
  const r = resolveConfig(tree, [{ symbol: 'S', value: true }]);
  t.equal(r.value('C'), 'y');
  t.equal(r.problems[0]?.kind, 'select-unmet-dependency');
  const conditional = resolveConfig(tree, [{ symbol: 'T', value: true }]);
  t.equal(conditional.value('C'), 'n', 'select ... if A does nothing while A is n');
  t.equal(resolveConfig(tree, [{ symbol: 'T', value: true }, { symbol: 'A', value: true }]).value('C'), 'y');
});

t.test('GIVEN imply WHEN the implying symbol is y THEN the target defaults to y, respecting its dependencies and user value', async (t) => {
  const tree = treeOf(kconfig`
    config A
      bool "a"
    config I
      bool "i"
      imply T
    config T
      bool "t"
      depends on A
  `);
  t.equal(resolveConfig(tree, [{ symbol: 'I', value: true }]).value('T'), 'n', 'dependencies unmet: no effect');
  t.equal(resolveConfig(tree, [{ symbol: 'I', value: true }, { symbol: 'A', value: true }]).value('T'), 'y');
  const refused = resolveConfig(tree, [{ symbol: 'I', value: true }, { symbol: 'A', value: true }, { symbol: 'T', value: false }]);
  t.equal(refused.value('T'), 'n', 'the user value wins over imply');
  t.same(refused.problems, []);
});

t.test('GIVEN a choice WHEN resolved THEN exactly one member is y: the request, else the default, else the first visible', async (t) => {
  const tree = treeOf(kconfig`
    config FAST
      bool "fast"
    choice
      prompt "pick"
      default B if FAST
    config A
      bool "a"
      depends on !FAST
    config B
      bool "b"
    config C
      bool "c"
    endchoice
  `);
  const pick = (requests: Parameters<typeof resolveConfig>[1]): string[] =>
    ['A', 'B', 'C'].filter((s) => resolveConfig(tree, requests).value(s) === 'y');
  t.same(pick([]), ['A'], 'first visible member');
  t.same(pick([{ symbol: 'FAST', value: true }]), ['B'], 'the default applies');
  t.same(pick([{ symbol: 'C', value: true }]), ['C'], 'the request wins');
  t.same(pick([{ symbol: 'FAST', value: true }, { symbol: 'A', value: true }]), ['B'], 'an invisible member cannot be chosen');
  t.same(pick([{ symbol: 'A', value: false }]), ['A'], 'a member cannot be refused: the choice needs one');
});

t.test('GIVEN an optional choice WHEN no member is requested THEN every member is n', async (t) => {
  const tree = treeOf(kconfig`
    choice
      prompt "maybe"
      optional
      default Y2
    config Y1
      bool "one"
    config Y2
      bool "two"
    endchoice
  `);
  const none = resolveConfig(tree, []);
  t.same([none.value('Y1'), none.value('Y2')], ['n', 'n']);
  const one = resolveConfig(tree, [{ symbol: 'Y1', value: true }]);
  t.same([one.value('Y1'), one.value('Y2')], ['y', 'n']);
  t.same(resolveConfig(tree, [{ symbol: 'Y1', value: false }]).problems, [], 'all n is what was asked');
});

t.test('GIVEN ranges WHEN a default is outside the active range THEN it is clamped as kconfiglib does', async (t) => {
  const tree = treeOf(kconfig`
    config BIG
      bool "big"
    config N
      int "n"
      range 10 20 if BIG
      range 1 5
      default 8
    config EMPTY
      int "no default"
      range 3 9
    config H
      hex "h"
      range 0x1000 0xFFFF
      default 0x10
    config FREE
      hex "free"
  `);
  const r = resolveConfig(tree, []);
  t.equal(r.value('N'), '5', 'clamped to the high bound');
  t.equal(resolveConfig(tree, [{ symbol: 'BIG', value: true }]).value('N'), '10', 'the first active range counts');
  t.equal(r.value('EMPTY'), '3', 'no default reads as 0, clamped to the low bound');
  t.equal(r.value('H'), '0x1000', 'hex is clamped to lowercase 0x form');
  t.equal(r.value('FREE'), '', 'no default and no range: empty');
  const asked = resolveConfig(tree, [{ symbol: 'H', value: 'FFF0' }, { symbol: 'FREE', value: 255 }, { symbol: 'N', value: '4' }]);
  t.equal(asked.value('H'), 'FFF0', 'a hex user value is kept as written');
  t.equal(asked.value('FREE'), '0xff', 'a number given to a hex symbol is written in hex');
  t.equal(asked.value('N'), '4');
});

t.test('GIVEN menus with visible if and nested ifs WHEN resolved THEN visibility follows every enclosing condition', async (t) => {
  const tree = treeOf(kconfig`
    config SHOW
      bool "show"
    config OUTER
      bool "outer"
    menu "m"
      visible if SHOW
    config HIDDEN_DEFAULT
      bool "hidden"
      default y
    if OUTER
    if SHOW
    config INNER
      bool "inner"
    endif
    endif
    endmenu
  `);
  const hidden = resolveConfig(tree, [{ symbol: 'HIDDEN_DEFAULT', value: false }]);
  t.equal(hidden.value('HIDDEN_DEFAULT'), 'y', 'visible if hides the prompt, so the default applies');
  t.equal(hidden.problems[0]?.kind, 'unmet-dependency');
  t.equal(resolveConfig(tree, [{ symbol: 'SHOW', value: true }, { symbol: 'INNER', value: true }]).value('INNER'), 'n', 'needs OUTER too');
  t.equal(resolveConfig(tree, [{ symbol: 'SHOW', value: true }, { symbol: 'OUTER', value: true }, { symbol: 'INNER', value: true }]).value('INNER'), 'y');
});

t.test('GIVEN comparisons WHEN resolved THEN numbers compare as numbers and strings as text', async (t) => {
  const tree = treeOf(kconfig`
    config N
      int "n"
      default 9
    config H
      hex "h"
      default 0x10
    config S
      string "s"
      default "abc"
    config NUM
      def_bool y if N < 10 && H > 9
    config TEXT
      def_bool y if S < "b" && S != "ab"
  `);
  const r = resolveConfig(tree, []);
  t.equal(r.value('NUM'), 'y', '9 < 10 numerically (not as text) and 0x10 > 9');
  t.equal(r.value('TEXT'), 'y');
  t.equal(resolveConfig(tree, [{ symbol: 'N', value: 10 }]).value('NUM'), 'n');
});

t.test('GIVEN one tree WHEN many request sets are resolved THEN each resolution stands alone', async (t) => {
  const tree = treeOf('config A\n\tbool "a"\nconfig B\n\tbool "b"\n\tdefault A\n');
  const on = resolveConfig(tree, [{ symbol: 'A', value: true }]);
  const off = resolveConfig(tree, []);
  t.equal(on.value('B'), 'y');
  t.equal(off.value('B'), 'n');
  t.equal(on.value('B'), 'y', 'unchanged by the later resolution');
  t.ok(Object.isFrozen(tree));
  t.same([...on.values.keys()], ['A', 'B'], 'values cover every symbol in definition order');
});

t.test('GIVEN requests that cannot be honoured WHEN resolved THEN resolution never throws and reports them', async (t) => {
  const tree = treeOf('config A\n\tbool "a"\n');
  const r = resolveConfig(tree, [{ symbol: 'A', value: 'maybe' }, { symbol: 'ZZZ', value: 1 }]);
  t.same(r.problems.map((p) => p.kind), ['type-mismatch', 'unknown-symbol']);
  t.equal(r.value('A'), 'n');
});
