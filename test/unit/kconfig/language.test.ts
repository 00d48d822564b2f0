// SPDX-License-Identifier: MIT
/**
 * The corners of the Kconfig language where Kiln once parted from
 * kconfiglib (issue 25), one tree each: every tree is loaded and resolved by
 * both, must agree (values, .config, header, select warnings, unhonoured
 * requests reported), and then shows the behaviour that was wrong.
 */
import t, { type Test } from 'tap';
import { KconfigParseError, resolveConfig, type ConfigRequest, type KconfigTree } from '../../../synth/kconfig/index.ts';
import { compareTree, kilnSide, type KilnSide } from '../../kconfig-diff/compare.ts';
import { runOracle, type OracleOutcome } from '../../kconfig-diff/oracle.ts';

interface Case {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly unset?: readonly string[];
  readonly sets?: readonly (readonly ConfigRequest[])[];
  /** What must hold besides agreeing with kconfiglib. */
  readonly check: (t: Test, tree: KconfigTree | undefined, side: KilnSide, oracle: OracleOutcome) => void;
}

const req = (symbol: string, value: ConfigRequest['value']): ConfigRequest => ({ symbol, value, origin: { file: 'image.ts', line: 1 } });

// One tree per case; all of them go to kconfiglib in one Python process.
const CASES: Case[] = [];
function add(c: Case): void {
  CASES.push(c);
}

add({
  name: 'a choice member also defined outside the choice, requested y while the choice is off',
  files: {
    Kconfig: 'config X\n\tbool "X"\nconfig G\n\tbool "G"\nchoice\n\tprompt "c"\n\tdepends on G\nconfig A\n\tbool "A"\nconfig B\n\tbool "B"\nendchoice\nconfig A\n\tbool "A outside"\n\tdepends on X\n',
  },
  sets: [[req('X', true), req('A', true)]],
  check: (t, tree, side) => {
    t.ok(side.loaded, 'loads');
    if (!side.loaded) return;
    const problems = resolve(tree!, side.sets[0]);
    t.match(problems.join('\n'), /A \(Kconfig:8\) was requested y by image\.ts:1, but <choice> \(Kconfig:5\) is off \(it depends on G, which is n\), so none of its members can be y; A is n\./, 'the unhonoured request is reported, not thrown');
  },
});

add({
  name: '$VAR and ${VAR} in quoted strings: defaults, comparisons and menu titles',
  files: {
    Kconfig: [
      'menu "Menu for $KD_HOME"',
      'config S',
      '\tstring "s"',
      '\tdefault "$KD_HOME/x and ${KD_HOME} and $KD_UNSET"',
      'config T',
      '\tbool "t"',
      '\tdefault y if "$KD_HOME" = "/home/k"',
      'endmenu',
      '',
    ].join('\n'),
  },
  env: { KD_HOME: '/home/k' },
  unset: ['KD_UNSET'],
  check: (t, tree) => {
    const r = resolveValues(tree!);
    t.equal(r.get('S'), '/home/k/x and /home/k and $KD_UNSET', 'set variables expand, unset ones stay as written');
    t.equal(r.get('T'), 'y', 'a comparison sees the expanded text');
    t.same([...tree!.environment], [['KD_HOME', '/home/k']], 'the tree records what it read from the environment');
  },
});

add({
  name: 'strings with non-ASCII digits and a BOM compared with numbers',
  files: {
    Kconfig: [
      'config N',
      '\tint "n"',
      '\tdefault 5',
      'config FULLWIDTH',
      '\tdef_bool y if N = "５"',
      'config ARABIC',
      '\tdef_bool y if "٣" < N',
      'config BOM',
      '\tdef_bool y if N = "\ufeff5"',
      'config SPACES',
      '\tdef_bool y if N = "\u3000 5\u2003"',
      '',
    ].join('\n'),
  },
  check: (t, tree) => {
    const r = resolveValues(tree!);
    t.equal(r.get('FULLWIDTH'), 'y', 'fullwidth 5 is the number 5');
    t.equal(r.get('ARABIC'), 'y', 'Arabic-Indic 3 is the number 3');
    t.equal(r.get('BOM'), 'n', 'a BOM is no blank to Python, so the text is no number');
    t.equal(r.get('SPACES'), 'y', 'Unicode spaces around a number are blanks');
  },
});

add({
  name: 'int and hex requests in every spelling a .config line takes',
  files: { Kconfig: 'config I\n\tint "i"\nconfig J\n\tint "j"\nconfig H\n\thex "h"\nconfig K\n\thex "k"\n' },
  sets: [[req('I', ' 5'), req('J', '1_000'), req('H', '0x_10'), req('K', ' 0x10')]],
  check: (t, tree, side) => {
    if (!side.loaded) {
      t.fail('loads');
      return;
    }
    t.same(resolve(tree!, side.sets[0]), [], 'every request is honoured');
  },
});

add({
  name: 'choice members without prompts where one depends on another',
  files: { Kconfig: 'choice\n\tprompt "c"\nconfig A\n\tbool\n\tdepends on B\nconfig B\n\tbool\nendchoice\n' },
  check: (t, _tree, side, oracle) => {
    t.ok(oracle.error, 'kconfiglib refuses it');
    t.match(side.loaded ? '' : (side.error as Error).message, /expected no dependency loop/, 'Kiln refuses it as a dependency loop');
  },
});

add({
  name: 'a choice member that selects a prompt-less sibling',
  files: { Kconfig: 'choice\n\tprompt "c"\nconfig A\n\tbool\nconfig B\n\tbool "b"\n\tselect A\nendchoice\n' },
  check: (t, _tree, side) => {
    t.match(side.loaded ? '' : (side.error as Error).message, /^Kconfig:\d+: expected no dependency loop, found /, 'refused with the loop named');
  },
});

add({
  name: 'a select of a prompt-less choice member from outside',
  files: { Kconfig: 'config S\n\tbool "s"\n\tselect A\nchoice\n\tprompt "c"\nconfig A\n\tbool\nconfig B\n\tbool "b"\nendchoice\n' },
  sets: [[req('S', true)]],
  check: (t, tree) => {
    t.match(tree!.warnings.join('\n'), /select and imply have no effect on choice member A/, 'warned, as kconfiglib warns');
  },
});

add({
  name: 'option env, defconfig_list and modules',
  files: {
    Kconfig: [
      'config MODULES',
      '\tbool "modules"',
      '\toption modules',
      'config KD_ARCH',
      '\tstring',
      '\toption env="KD_ARCH"',
      'config DEFCONFIG_LIST',
      '\tstring',
      '\toption defconfig_list',
      '\tdefault "arch/$KD_ARCH/defconfig"',
      'config USES',
      '\tdef_bool y if KD_ARCH = "arm64"',
      '',
    ].join('\n'),
  },
  env: { KD_ARCH: 'arm64' },
  check: (t, tree, side) => {
    const r = resolveValues(tree!);
    t.equal(r.get('KD_ARCH'), 'arm64', 'option env gives the default from the environment');
    t.equal(r.get('USES'), 'y');
    if (side.loaded) t.notMatch(resolveConfigText(tree!), /KD_ARCH|DEFCONFIG_LIST/, 'neither is written to .config');
  },
});

add({
  name: 'unquoted prompts and titles',
  files: { Kconfig: 'menu Options\nconfig A\n\tbool Enable_A\nconfig B\n\tint\n\tprompt Count if A\nendmenu\n' },
  check: (t, tree) => {
    t.equal(tree!.symbol('A').prompt, 'Enable_A');
    t.equal(tree!.symbol('B').prompt, 'Count');
    t.match(tree!.warnings.join('\n'), /Kconfig:3: style: quotes recommended around 'Enable_A'/);
  },
});

add({
  name: 'gsource and grsource',
  files: { Kconfig: 'gsource "lib/*/Kconfig"\ngrsource "missing/Kconfig"\n', 'lib/a/Kconfig': 'config LA\n\tdef_bool y\n' },
  check: (t, tree) => {
    t.same(tree!.files, ['Kconfig', 'lib/a/Kconfig'], 'gsource reads what matches, grsource of nothing is no error');
  },
});

add({
  name: 'a select of an int symbol, a symbol without a type and a range on a bool',
  files: { Kconfig: 'config A\n\tdef_bool y\n\tselect N\nconfig N\n\tint "n"\n\tdefault 3\nconfig U\n\tdepends on A\nconfig B\n\tbool "b"\n\trange 1 2\n' },
  check: (t, tree) => {
    const w = tree!.warnings.join('\n');
    t.match(w, /Kconfig:3: A selects the int symbol N, which is not bool, so it has no effect/);
    t.match(w, /Kconfig:7: U is defined without a type/);
    t.match(w, /Kconfig:11: the bool symbol B has ranges, but is not int or hex/);
    t.equal(tree!.symbol('U').type, 'unknown');
    t.equal(resolveValues(tree!).get('U'), 'U', 'a symbol without a type reads as its own name');
  },
});

add({
  name: 'a choice default that is not a member',
  files: { Kconfig: 'config X\n\tbool "x"\nchoice\n\tprompt "c"\n\tdefault X\nconfig A\n\tbool "a"\nconfig B\n\tbool "b"\nendchoice\n' },
  sets: [[req('X', true)], [req('X', false)]],
  check: (t, tree) => {
    t.match(tree!.warnings.join('\n'), /Kconfig:5: the default X of <choice> is not one of its members/);
  },
});

add({
  name: 'a symbol redefined with another type',
  files: { Kconfig: 'config A\n\tbool "a"\n\nconfig A\n\tint "a again"\n\tdefault 4\n' },
  check: (t, tree) => {
    t.match(tree!.warnings.join('\n'), /^Kconfig:5: A is redefined as int \(it was bool at Kconfig:2\); int will be used$/m, 'the warning names the redefining line');
    t.equal(tree!.symbol('A').type, 'int', 'the later type wins, as in kconfiglib');
  },
});

add({
  name: 'source through an environment variable',
  files: { Kconfig: 'source "$KD_DIR/Kconfig"\nsource "$(KD_DIR)/Kconfig.more"\n', 'sub/Kconfig': 'config SUB\n\tdef_bool y\n', 'sub/Kconfig.more': 'config MORE\n\tdef_bool y\n' },
  env: { KD_DIR: 'sub' },
  check: (t, tree) => {
    t.same(tree!.files, ['Kconfig', 'sub/Kconfig', 'sub/Kconfig.more']);
  },
});

add({
  name: 'preprocessor variables, functions and built-ins',
  files: {
    Kconfig: [
      'ARCH := arm64',
      'greet = hello-$(1)',
      'LIST = a',
      'LIST += b',
      'PREFIX = $(KD_PREFIX)',
      '$(info,reading $(filename))',
      '$(warning-if,y,line $(lineno) warns)',
      'config ARCH_$(ARCH)',
      '\tdef_bool y',
      'config NAME',
      '\tstring "$(greet,world)"',
      '\tdefault "$(LIST) $(PREFIX) $(ARCH)"',
      '',
    ].join('\n'),
  },
  env: { KD_PREFIX: 'kd' },
  check: (t, tree) => {
    const r = resolveValues(tree!);
    t.equal(r.get('ARCH_arm64'), 'y', 'a name built with a variable');
    t.equal(r.get('NAME'), 'a b kd arm64', 'recursive, appended and environment variables');
    t.equal(tree!.symbol('NAME').prompt, 'hello-world', 'a function with an argument');
    t.same(tree!.info, ['Kconfig:6: reading Kconfig']);
    t.match(tree!.warnings.join('\n'), /Kconfig:7: line 7 warns/);
  },
});

add({
  name: '$(shell,...)',
  files: { Kconfig: 'X := $(shell,echo hi)\n' },
  check: (t, _tree, side) => {
    const error = side.loaded ? undefined : side.error;
    t.ok(KconfigParseError.isKconfigParseError(error));
    t.equal((error as KconfigParseError).unsupported, 'shell', 'a documented refusal');
    t.match((error as Error).message, /^Kconfig:1: expected no \$\(shell,\.\.\.\) \(Kiln never runs commands from Kconfig files\)/);
  },
});

add({
  name: 'a tristate symbol',
  files: { Kconfig: 'config DRIVER\n\ttristate "driver"\n' },
  check: (t, _tree, side) => {
    const error = side.loaded ? undefined : side.error;
    t.equal((error as KconfigParseError).unsupported, 'tristate');
    t.match((error as Error).message, /^Kconfig:2: expected bool, int, hex or string for DRIVER, found 'tristate'/, 'names the symbol');
  },
});

add({
  name: 'a default clamped into its range',
  files: { Kconfig: 'config PORT\n\tint "port"\n\trange 1 65535\n\tdefault 70000\n' },
  check: (t, tree) => {
    t.same(resolveConfig(tree!, []).warnings, ['Kconfig:4: the default 70000 of PORT is outside its range [1, 65535] (Kconfig:3), so PORT is 65535']);
  },
});

function resolve(tree: KconfigTree, requests: readonly ConfigRequest[]): string[] {
  return resolveConfig(tree, requests).problems.map((p) => p.message);
}

function resolveValues(tree: KconfigTree): ReadonlyMap<string, string> {
  return resolveConfig(tree, []).values;
}

function resolveConfigText(tree: KconfigTree): string {
  return resolveConfig(tree, []).dotConfig();
}

const sides = CASES.map((c) => kilnSide({ seed: 0, files: c.files, root: 'Kconfig', env: c.env ?? {}, unset: c.unset ?? [] }, () => c.sets ?? [[]]));
const oracles = runOracle(CASES.map((c, i) => {
  const side = sides[i];
  return { files: c.files, root: 'Kconfig', env: c.env ?? {}, unset: c.unset ?? [], fragments: side.loaded ? side.fragments.map((f) => f.text) : [''] };
}));

CASES.forEach((c, i) => {
  t.test(`GIVEN ${c.name} WHEN Kiln and kconfiglib read it THEN they agree`, (tt) => {
    const verdict = compareTree(sides[i], oracles[i]);
    tt.ok(verdict.kind === 'agree' || verdict.kind === 'both-reject' || verdict.kind === 'refusal', `verdict ${verdict.kind}${verdict.kind === 'disagree' ? `: ${verdict.details.join('\n')}` : ''}`);
    c.check(tt, sides[i].loaded ? (sides[i] as { tree: KconfigTree }).tree : undefined, sides[i], oracles[i]);
    tt.end();
  });
});
