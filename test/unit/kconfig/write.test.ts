// SPDX-License-Identifier: MIT
import t from 'tap';
import { defconfigFragment, resolveConfig } from '../../../synth/kconfig/index.ts';
import { runOracle } from './_oracle.ts';
import { kconfig, treeOf } from './_trees.ts';

const tree = treeOf(kconfig`
  mainmenu "writer"
  config TOP
    bool "top"
    default y
  menu "Outer"
  config GREETING
    string "greeting"
    default "say \"hi\" \\ bye"
  config SIZE
    int "size"
    default 42
  config BASE
    hex "base"
    default 0x80000
  menu "Inner"
    depends on TOP
  config HIDDEN
    bool "hidden"
    depends on !TOP
  config SHOWN
    bool "shown"
  endmenu
  comment "A comment for TOP users"
    depends on TOP
  endmenu
  config AFTER
    bool "after"
    select PROMPTLESS
  config PROMPTLESS
    bool
`);

const requests = [
  { symbol: 'BASE', value: 'ff000' },
  { symbol: 'AFTER', value: true },
  { symbol: 'GREETING', value: 'tab\there "q" \\ done' },
];

t.test('GIVEN a resolution WHEN .config is written THEN it has kconfiglib\'s layout', async (t) => {
  const r = resolveConfig(tree, requests);
  t.equal(r.dotConfig(), [
    'CONFIG_TOP=y',
    '',
    '#',
    '# Outer',
    '#',
    'CONFIG_GREETING="tab\there \\"q\\" \\\\ done"',
    'CONFIG_SIZE=42',
    'CONFIG_BASE=ff000',
    '',
    '#',
    '# Inner',
    '#',
    '# CONFIG_SHOWN is not set',
    '# end of Inner',
    '',
    '#',
    '# A comment for TOP users',
    '#',
    '# end of Outer',
    '',
    'CONFIG_AFTER=y',
    'CONFIG_PROMPTLESS=y',
    '',
  ].join('\n'));
});

t.test('GIVEN a resolution WHEN .config is written THEN each line means what the resolution says', async (t) => {
  const r = resolveConfig(tree, requests);
  const text = r.dotConfig();
  t.notMatch(text, /HIDDEN/, 'a symbol that is not visible and has no value is left out');
  t.match(text, /^# CONFIG_SHOWN is not set$/m, 'a visible bool that is n is written as not set');
  t.match(text, /^CONFIG_PROMPTLESS=y$/m, 'a prompt-less symbol appears because AFTER selects it');
  t.match(r.explain('PROMPTLESS').reason, { kind: 'selected', by: [{ symbol: 'AFTER' }] });
  t.equal(r.dotConfig(), text, 'deterministic');
  t.equal(resolveConfig(tree, requests).dotConfig(), text, 'deterministic across resolutions');
});

t.test('GIVEN a resolution WHEN the C header is written THEN it defines y bools, quoted strings, ints and hex with 0x', async (t) => {
  const r = resolveConfig(tree, requests);
  t.equal(r.configHeader(), [
    '#define CONFIG_TOP 1',
    '#define CONFIG_GREETING "tab\there \\"q\\" \\\\ done"',
    '#define CONFIG_SIZE 42',
    '#define CONFIG_BASE 0xff000',
    '#define CONFIG_AFTER 1',
    '#define CONFIG_PROMPTLESS 1',
    '',
  ].join('\n'));
  t.notMatch(r.configHeader(), /SHOWN/, 'a bool that is n is not defined at all');
});

t.test('GIVEN requests WHEN written as a defconfig fragment THEN kconfiglib reads the same configuration', async (t) => {
  const fragment = defconfigFragment(tree, [...requests, { symbol: 'TOP', value: false }, { symbol: 'NOPE', value: true }, { symbol: 'SIZE', value: 'x' }]);
  t.equal(fragment, [
    'CONFIG_BASE=ff000',
    'CONFIG_AFTER=y',
    'CONFIG_GREETING="tab\there \\"q\\" \\\\ done"',
    '# CONFIG_TOP is not set',
    '',
  ].join('\n'), 'unknown symbols and mistyped values are left out');
  const [ref] = runOracle(tree.srctree, tree.rootFile, [fragment]);
  const r = resolveConfig(tree, [...requests, { symbol: 'TOP', value: false }]);
  t.equal(r.dotConfig(), ref.config);
  t.equal(r.configHeader(), ref.header);
});
