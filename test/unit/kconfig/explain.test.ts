// SPDX-License-Identifier: MIT
import t from 'tap';
import { type Explanation, formatExplanation, resolveConfig } from '../../../synth/kconfig/index.ts';
import { kconfig, treeOf } from './_trees.ts';

const tree = treeOf({
  Kconfig: kconfig`
    source "boards/*/Kconfig"
    source "lib/*/Kconfig"
  `,
  'boards/virt/Kconfig': kconfig`
    choice PLATFORM
      prompt "Board"
    config PLAT_VIRT
      bool "virt"
      select LIBUART
    config PLAT_RPI
      bool "rpi"
    endchoice
  `,
  'lib/uart/Kconfig': kconfig`
    config LIBUART
      bool "uart"
      select LIBCONSOLE
    config LIBCONSOLE
      bool "console"
    config LIBCONSOLE_BAUD
      int "baud"
      depends on LIBCONSOLE
      range 9600 115200
      default 1200 if LIBUART
      default 115200
  `,
  'lib/app/Kconfig': kconfig`
    config APP
      bool "app"
      imply LIBNET
    config LIBNET
      bool "net"
      depends on LIBCONSOLE
    config LIBNET_DHCP
      bool "dhcp"
      depends on LIBNET && LIBNET_IPV4
    config LIBNET_IPV4
      bool "ipv4"
      depends on LIBNET
    choice
      prompt "maybe"
      optional
    config OPT_A
      bool "a"
    endchoice
  `,
});

const origin = { file: 'fleet.yaml', pointer: '/images/0/config/APP' };

t.test('GIVEN a chain of selects WHEN explained THEN each step is followed down to the choice that started it', async (t) => {
  const r = resolveConfig(tree, []);
  const e = r.explain('LIBCONSOLE');
  t.equal(e.value, 'y');
  t.same(e.definedAt, { file: 'lib/uart/Kconfig', line: 4 });
  t.equal(e.reason.kind, 'selected');
  const by = (e.reason as Extract<Explanation['reason'], { kind: 'selected' }>).by;
  t.same(by.map((c) => [c.symbol, c.at]), [['LIBUART', { file: 'lib/uart/Kconfig', line: 3 }]]);
  const uart = by[0].explanation;
  t.equal(uart.reason.kind, 'selected');
  const virt = (uart.reason as Extract<Explanation['reason'], { kind: 'selected' }>).by[0].explanation;
  t.match(virt.reason, { kind: 'choice', choice: '<choice PLATFORM>', selection: 'PLAT_VIRT', how: 'first-visible' });
  t.equal(formatExplanation(e), [
    'LIBCONSOLE = y  (lib/uart/Kconfig:4)',
    '  selected by LIBUART (select at lib/uart/Kconfig:3)',
    '    LIBUART = y  (lib/uart/Kconfig:1)',
    '      selected by PLAT_VIRT (select at boards/virt/Kconfig:5)',
    '        PLAT_VIRT = y  (boards/virt/Kconfig:3)',
    '          the selection of <choice PLATFORM> at boards/virt/Kconfig:1 (its first visible member)',
  ].join('\n'));
});

t.test('GIVEN a requested symbol WHEN explained THEN the request origin is given', async (t) => {
  const r = resolveConfig(tree, [{ symbol: 'APP', value: true, origin }]);
  t.match(r.explain('APP').reason, { kind: 'requested', origin, requested: 'y' });
  t.equal(formatExplanation(r.explain('APP')), 'APP = y  (lib/app/Kconfig:1)\n  requested y by fleet.yaml (/images/0/config/APP)');
});

t.test('GIVEN an imply WHEN explained THEN the implying symbol and its reason are given', async (t) => {
  const e = resolveConfig(tree, [{ symbol: 'APP', value: true, origin }]).explain('LIBNET');
  t.equal(e.value, 'y');
  t.match(e.reason, { kind: 'implied', by: [{ symbol: 'APP', explanation: { reason: { kind: 'requested' } } }] });
});

t.test('GIVEN a default with a condition WHEN explained THEN the default line and its condition are given', async (t) => {
  const r = resolveConfig(tree, []);
  const e = r.explain('LIBCONSOLE_BAUD');
  t.equal(e.value, '9600');
  t.match(e.reason, {
    kind: 'clamped',
    from: '1200',
    range: { low: '9600', high: '115200', at: { file: 'lib/uart/Kconfig', line: 9 } },
    default: { expression: '1200', condition: 'LIBUART', at: { file: 'lib/uart/Kconfig', line: 10 } },
  });
  const plain = resolveConfig(tree, [{ symbol: 'PLAT_RPI', value: true }, { symbol: 'LIBCONSOLE', value: true }]).explain('LIBCONSOLE_BAUD');
  t.match(plain.reason, { kind: 'default', expression: '115200', at: { line: 11 } });
  t.equal(plain.reason.kind === 'default' && plain.reason.condition, undefined, 'no condition of its own');
});

t.test('GIVEN a symbol that is not visible WHEN explained THEN the failing dependency is walked down to the symbols that are n', async (t) => {
  const r = resolveConfig(tree, [{ symbol: 'PLAT_RPI', value: true }]);
  const e = r.explain('LIBNET_DHCP');
  t.equal(e.value, 'n');
  t.equal(e.reason.kind, 'not-visible');
  const dep = e.reason.kind === 'not-visible' ? e.reason.dependency! : undefined;
  t.equal(dep?.expression, 'LIBNET && LIBNET_IPV4');
  t.same(dep?.because.map((c) => [c.name, c.value, c.definedAt?.line]), [['LIBNET', 'n', 4], ['LIBNET_IPV4', 'n', 10]]);
  const libnet = dep!.because[0].explanation!;
  t.match(libnet.reason, { kind: 'not-visible', dependency: { expression: 'LIBCONSOLE', because: [{ name: 'LIBCONSOLE', value: 'n' }] } });
  const text = formatExplanation(e);
  t.match(text, /^LIBNET_DHCP = n {2}\(lib\/app\/Kconfig:7\)\n {2}not visible: depends on LIBNET && LIBNET_IPV4, which is n because\n {4}LIBNET = n {2}\(lib\/app\/Kconfig:4\)\n {6}not visible: depends on LIBCONSOLE, which is n because\n {8}LIBCONSOLE = n {2}\(lib\/uart\/Kconfig:4\)\n {10}not requested, and no default applies\n/);
  t.match(text, /LIBNET_IPV4 = n {2}\(lib\/app\/Kconfig:10\)\n {6}not visible: depends on LIBNET, which is n because\n {8}LIBNET = n {2}\(lib\/app\/Kconfig:4\)\n {10}\(as explained above\)$/, 'a symbol reached twice is written out once');
});

t.test('GIVEN an optional choice nobody asked for WHEN a member is explained THEN the choice is blamed as off', async (t) => {
  const e = resolveConfig(tree, []).explain('OPT_A');
  t.match(e.reason, {
    kind: 'not-visible',
    dependency: { because: [{ name: '<choice>', value: 'n', note: 'the choice is optional and none of its members was requested y' }] },
  });
});

t.test('GIVEN a request that was overruled WHEN explained THEN the problem is attached to the explanation', async (t) => {
  const r = resolveConfig(tree, [{ symbol: 'PLAT_RPI', value: true }, { symbol: 'LIBNET', value: true, origin }]);
  const e = r.explain('LIBNET');
  t.equal(e.overruledRequests.length, 1);
  t.equal(e.overruledRequests[0].kind, 'unmet-dependency');
  t.match(formatExplanation(e), /overruled request: LIBNET \(lib\/app\/Kconfig:4\) was requested y by fleet\.yaml/);
});

t.test('GIVEN a choice member that lost WHEN explained THEN the winner is named', async (t) => {
  const e = resolveConfig(tree, [{ symbol: 'PLAT_RPI', value: true, origin }]).explain('PLAT_VIRT');
  t.match(e.reason, { kind: 'choice', selection: 'PLAT_RPI', how: 'requested', origin });
  t.equal(formatExplanation(e), 'PLAT_VIRT = n  (boards/virt/Kconfig:3)\n  <choice PLATFORM> at boards/virt/Kconfig:1 selected PLAT_RPI');
});

t.test('GIVEN an unknown symbol WHEN explained THEN explain throws naming it', async (t) => {
  t.throws(() => resolveConfig(tree, []).explain('NOPE'), /No Kconfig symbol NOPE/);
});
