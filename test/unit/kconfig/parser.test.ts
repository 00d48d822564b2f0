// SPDX-License-Identifier: MIT
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { KconfigParseError, KconfigTree, loadKconfig } from '../../../synth/kconfig/index.ts';
import { kconfig, treeOf, writeTree } from './_trees.ts';

const RICH = fileURLToPath(new URL('../../fixtures/kconfig/rich/Kconfig', import.meta.url));

t.test('GIVEN the rich fixture tree WHEN it is loaded THEN every sourced file is read once, wildcards in sorted order', async (t) => {
  const tree = loadKconfig(RICH);
  t.ok(KconfigTree.isKconfigTree(tree));
  t.equal(tree.rootFile, 'Kconfig');
  t.same(tree.files, [
    'Kconfig', 'drivers/Kconfig', 'lib/alloc/Kconfig', 'lib/console/Kconfig', 'lib/net/Kconfig', 'apps/Kconfig',
    'apps/extra/Kconfig',
  ], 'lib/* sorted, lib/.hidden skipped, missing osource ignored, rsource relative to apps/');
  t.equal(tree.mainmenu, 'Kiln rich fixture');
  t.equal(tree.trySymbol('HIDDEN_FIXTURE'), undefined, 'a wildcard does not match a hidden directory');
  t.same(tree.warnings, []);
});

t.test('GIVEN the rich fixture tree THEN each symbol carries what a catalog needs', async (t) => {
  const tree = loadKconfig(RICH);
  const console = tree.symbol('LIBCONSOLE');
  t.equal(console.type, 'bool');
  t.equal(console.prompt, 'console: console API');
  t.equal(console.help, 'One console device chosen by the board.\n\nA second paragraph,   with a tab inside.', 'tabs expand to 8 columns, blank lines kept');
  t.same(console.definedAt, { file: 'lib/console/Kconfig', line: 2 });
  t.same(console.selectedBy.map((s) => s.from), ['DRIVER_PL011', 'DRIVER_MINIUART', 'DRIVER_CADENCE']);

  const mb = tree.symbol('PLAT_RAM_MB');
  t.equal(mb.type, 'int');
  t.same(mb.ranges.map((r) => [r.low, r.high, r.condition]), [['16', '1024', 'PLAT_RPI3'], ['16', '4096', undefined]]);
  t.same(mb.defaults.map((d) => [d.value, d.condition, d.at.line]), [['8', 'PLAT_RPI3', 64], ['2048', 'PLAT_ULTRA96', 65], ['128', undefined, 66]]);

  t.same(tree.symbol('LIBALLOC_HEAP_KB').ranges[0], { low: 'LIBALLOC_MIN_KB', high: '65536', condition: undefined, at: { file: 'lib/alloc/Kconfig', line: 37 } });
  t.equal(tree.symbol('PROMOTED').help, 'm is promoted to y for bools; in conditions it means m && MODULES.', '---help--- works like help');
  t.equal(tree.symbol('APP_SHELL_PROMPT').type, 'string', 'def_string sets the type');
  t.same(tree.symbol('APP_SHELL_PROMPT').defaults.map((d) => d.value), ['"kiln> "']);
  t.same(tree.symbol('APP_SHELL_HISTORY').defaults.map((d) => [d.value, d.condition]), [['16', 'LIBALLOC_HEAP_KB > 128 || !LIBALLOC_DEBUG']]);
  t.equal(tree.symbol('APP_SHELL_BASE').type, 'hex');
  t.equal(tree.symbol('LIBNET_DHCP').dependsOn, 'LIBNET && LIBNET_IPV4', 'a backslash continues the line');
  t.equal(tree.symbol('LIBNET_HOSTNAME').defaults[0].value, '"kiln-\\"test\\"\\\\host"', 'quoted strings unescape and re-escape');
  t.equal(tree.symbol('APP_HELLO_GREETING').dependsOn, 'APP_HELLO && LIBCONSOLE', 'dependencies of if and menu are inherited');
  t.equal(tree.symbol('APP_HELLO_VERBOSE').prompt, 'Verbose');
  t.ok(tree.symbol('APP_HELLO').menuconfig);
  t.same(tree.symbol('APP_FLAGS').locations, [{ file: 'apps/Kconfig', line: 57 }, { file: 'apps/Kconfig', line: 79 }], 'a symbol may be defined twice');
  t.same(tree.symbol('DRIVER_VIRTIO_NET').implies, [{ from: 'DRIVER_VIRTIO_NET', to: 'LIBNET_IPV6', condition: 'PLAT_RAM_MB >= 256', at: { file: 'drivers/Kconfig', line: 35 } }]);
  t.same(tree.symbol('LIBALLOC_APP_BUDDY').selects.map((s) => [s.to, s.condition]), [['LIBALLOC_STATS', 'LIBALLOC_DEBUG']]);
});

t.test('GIVEN the rich fixture tree THEN choices know their members, defaults and optionality', async (t) => {
  const tree = loadKconfig(RICH);
  const byLabel = new Map(tree.choices().map((c) => [c.label, c]));
  const platform = byLabel.get('<choice PLATFORM>')!;
  t.same(platform.members, ['PLAT_VIRT', 'PLAT_RPI3', 'PLAT_ULTRA96']);
  t.same(platform.defaults.map((d) => [d.value, d.condition]), [['PLAT_RPI3', 'HIDE_DRIVERS'], ['PLAT_VIRT', undefined]]);
  t.equal(platform.prompt, 'Board');
  t.equal(platform.optional, false);
  t.equal(byLabel.get('<choice LIBALLOC_APP>')!.optional, true);
  t.equal(tree.symbol('PLAT_VIRT').choice, '<choice PLATFORM>');
  const log = tree.choices().find((c) => c.members.includes('LOG_QUIET'))!;
  t.same(log.members, ['LOG_QUIET', 'LOG_VERBOSE'], 'an entry depending on the member before it nests under it and is no member');
  t.equal(tree.symbol('LOG_VERBOSE_TIMESTAMPS').choice, undefined);
});

t.test('GIVEN a lookup pair WHEN the symbol is unknown THEN trySymbol returns undefined and symbol throws naming it', async (t) => {
  const tree = treeOf('config A\n\tbool "a"\n');
  t.equal(tree.trySymbol('NOPE'), undefined);
  t.throws(() => tree.symbol('NOPE'), /No Kconfig symbol NOPE in the tree rooted at Kconfig/);
  t.equal(tree.symbol('A').name, 'A');
});

t.test('GIVEN srctree is given WHEN the root is in a subdirectory THEN names are relative to srctree', async (t) => {
  const dir = writeTree({ 'sub/Kconfig': 'source "other/Kconfig"\n', 'other/Kconfig': 'config B\n\tbool "b"\n' });
  const tree = loadKconfig(join(dir, 'sub/Kconfig'), { srctree: dir });
  t.same(tree.files, ['sub/Kconfig', 'other/Kconfig']);
  t.same(tree.symbol('B').definedAt, { file: 'other/Kconfig', line: 1 });
});

interface ErrorCase {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly message: RegExp;
  readonly file: string;
  readonly line: number;
}

const ERRORS: readonly ErrorCase[] = [
  {
    name: 'an if without endif',
    files: { Kconfig: kconfig`
      config A
        bool "a"
      if A
      config B
        bool "b"
    ` },
    message: /^Kconfig:5: expected endif for the if at Kconfig:3, found end of file$/,
    file: 'Kconfig',
    line: 5,
  },
  {
    name: 'a tristate symbol',
    files: { Kconfig: 'config A\n\ttristate "a"\n' },
    message: /^Kconfig:2: expected bool, int, hex or string for A, found 'tristate' \(Kiln builds no loadable modules, so it refuses tristate symbols; declare A bool\)$/,
    file: 'Kconfig',
    line: 2,
  },
  {
    name: 'an unknown statement',
    files: { Kconfig: 'config A\n\tbool "a"\n\nfrobnicate A\n' },
    message: /^Kconfig:4: expected a Kconfig statement \(config, menuconfig, choice, menu, comment, if, source\) or a variable assignment \(NAME := value\), found 'frobnicate A'$/,
    file: 'Kconfig',
    line: 4,
  },
  {
    name: 'config without a name',
    files: { Kconfig: 'config\n' },
    message: /^Kconfig:1: expected a symbol name after config, found end of line$/,
    file: 'Kconfig',
    line: 1,
  },
  {
    name: 'a keyword as a symbol name',
    files: { Kconfig: 'config if\n' },
    message: /^Kconfig:1: expected a symbol name after config, found 'if'$/,
    file: 'Kconfig',
    line: 1,
  },
  {
    name: 'an incomplete expression',
    files: { Kconfig: 'config A\n\tbool "a"\n\tdepends on B &&\n' },
    message: /^Kconfig:3: expected an expression, found end of line$/,
    file: 'Kconfig',
    line: 3,
  },
  {
    name: 'an unclosed parenthesis',
    files: { Kconfig: 'config A\n\tbool "a"\n\tdepends on (B || C\n' },
    message: /^Kconfig:3: expected '\)', found end of line$/,
    file: 'Kconfig',
    line: 3,
  },
  {
    name: 'depends without on',
    files: { Kconfig: 'config A\n\tbool "a"\n\tdepends B\n' },
    message: /^Kconfig:3: expected 'on' after 'depends', found 'B'$/,
    file: 'Kconfig',
    line: 3,
  },
  {
    name: 'an unterminated string',
    files: { Kconfig: 'config A\n\tbool "a\n' },
    message: /^Kconfig:2: expected a closing ", found end of line$/,
    file: 'Kconfig',
    line: 2,
  },
  {
    name: 'extra tokens',
    files: { Kconfig: 'config A\n\tbool "a" "b"\n' },
    message: /^Kconfig:2: expected end of line, found "b"$/,
    file: 'Kconfig',
    line: 2,
  },
  {
    name: 'an error in a sourced file',
    files: { Kconfig: 'source "lib/*/Kconfig"\n', 'lib/x/Kconfig': '\nconfig X\n\tbool "x"\n\tselect\n' },
    message: /^lib\/x\/Kconfig:4: expected a symbol name after select, found end of line$/,
    file: 'lib/x/Kconfig',
    line: 4,
  },
  {
    name: 'a missing sourced file',
    files: { Kconfig: 'config A\n\tbool "a"\nsource "nowhere/Kconfig"\n' },
    message: /^Kconfig:3: expected a file matching "nowhere\/Kconfig" \(relative to the source tree .*\), found end of line$/,
    file: 'Kconfig',
    line: 3,
  },
  {
    name: 'a file that sources itself',
    files: { Kconfig: 'source "a/Kconfig"\n', 'a/Kconfig': 'source "a/Kconfig"\n' },
    message: /^a\/Kconfig:1: expected no recursive source, found 'a\/Kconfig', which is already being read \(Kconfig -> a\/Kconfig\)$/,
    file: 'a/Kconfig',
    line: 1,
  },
  {
    name: 'endmenu without menu',
    files: { Kconfig: 'config A\n\tbool "a"\nendmenu\n' },
    message: /^Kconfig:3: expected a Kconfig statement .*, found 'endmenu'$/,
    file: 'Kconfig',
    line: 3,
  },
  {
    name: 'endif closing a menu',
    files: { Kconfig: 'menu "m"\nendif\n' },
    message: /^Kconfig:2: expected endmenu \(for the menu at Kconfig:1\), found 'endif'$/,
    file: 'Kconfig',
    line: 2,
  },
  {
    name: 'select on a choice',
    files: { Kconfig: 'choice\n\tprompt "c"\n\tselect A\nconfig A\n\tbool "a"\nendchoice\n' },
    message: /^Kconfig:3: expected a property of a choice or a new statement, found 'select'$/,
    file: 'Kconfig',
    line: 3,
  },
  {
    name: 'an expression as an int default',
    files: { Kconfig: 'config A\n\tint "a"\n\tdefault B || C\n' },
    message: /^Kconfig:3: expected a single value as the default of the int symbol A, found 'B \|\| C'$/,
    file: 'Kconfig',
    line: 3,
  },
  {
    name: 'a dependency loop',
    files: { Kconfig: 'config A\n\tbool "a"\n\tdepends on B\nconfig B\n\tbool "b"\n\tdepends on A\n' },
    message: /^Kconfig:4: expected no dependency loop, found B -> A -> B$/,
    file: 'Kconfig',
    line: 4,
  },
  {
    name: 'a select that loops back through depends on',
    files: { Kconfig: 'config A\n\tbool "a"\n\tdepends on B\n\tselect B\nconfig B\n\tbool "b"\n' },
    message: /expected no dependency loop, found (A -> B -> A|B -> A -> B)$/,
    file: 'Kconfig',
    line: 5,
  },
  {
    name: 'a source path through an unset variable',
    files: { Kconfig: 'source "$(KILN_TEST_UNSET_VARIABLE)/Kconfig"\n' },
    message: /^Kconfig:1: expected a file matching "\/Kconfig"/,
    file: 'Kconfig',
    line: 1,
  },
];

for (const c of ERRORS) {
  t.test(`GIVEN ${c.name} WHEN the tree is loaded THEN a KconfigParseError points at the line`, async (t) => {
    const dir = writeTree(c.files);
    let error: unknown;
    try {
      loadKconfig(join(dir, 'Kconfig'));
    } catch (e) {
      error = e;
    }
    t.ok(KconfigParseError.isKconfigParseError(error), 'a branded KconfigParseError');
    const pe = error as KconfigParseError;
    t.match(pe.message, c.message);
    t.equal(pe.file, c.file);
    t.equal(pe.line, c.line);
  });
}

t.test('GIVEN optional sources and comments WHEN the tree is loaded THEN they are accepted', async (t) => {
  const tree = treeOf(kconfig`
    # a comment line
    osource "missing/*/Kconfig"
    orsource "missing/Kconfig"
    config A # trailing comment
      bool "a # not a comment"
      option allnoconfig_y
  `);
  t.equal(tree.symbol('A').prompt, 'a # not a comment');
});

t.test('GIVEN a select of a symbol nothing defines WHEN the tree is loaded THEN it loads with a warning', async (t) => {
  const tree = treeOf('config A\n\tbool "a"\n\tselect GHOST\n\tdepends on PHANTOM\n');
  t.match(tree.warnings, [/Kconfig:3: A selects or implies GHOST, which no Kconfig file defines/, /PHANTOM is used but no Kconfig file defines it/]);
});
