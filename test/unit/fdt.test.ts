// SPDX-License-Identifier: MIT
// The flattened device tree reader (lib/fdt/fdt.c), compiled for the host
// with the host's cc and run on blobs this test writes by the Devicetree
// Specification (chapter 5): paths with and without unit addresses, reg
// in one and two cells, ranges translation, the reservation block,
// compatible lookups, and blobs that must be refused.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/cli.ts';

type Value = string | readonly number[] | Buffer;
interface Node {
  readonly name: string;
  readonly props?: Readonly<Record<string, Value>>;
  readonly children?: readonly Node[];
}

const cells = (...v: number[]) => v;
const u64 = (v: bigint) => cells(Number(v >> 32n), Number(v & 0xffffffffn));

/** A blob in the specification's layout: header, reservations, structure, strings. */
function blob(root: Node, reservations: readonly [bigint, bigint][] = [], header: Partial<Record<'magic' | 'version' | 'totalsize', number>> = {}): Buffer {
  const strings: string[] = [];
  const nameOffset = (name: string) => {
    let at = 0;
    for (const s of strings) {
      if (s === name) return at;
      at += s.length + 1;
    }
    strings.push(name);
    return at;
  };
  const words: Buffer[] = [];
  const token = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n >>> 0);
    words.push(b);
  };
  const padded = (b: Buffer) => words.push(Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]));
  const encode = (v: Value): Buffer => {
    if (Buffer.isBuffer(v)) return v;
    if (typeof v === 'string') return Buffer.from(`${v}\0`, 'latin1');
    const b = Buffer.alloc(4 * v.length);
    v.forEach((c, i) => b.writeUInt32BE(c >>> 0, 4 * i));
    return b;
  };
  const walk = (n: Node) => {
    token(1);
    padded(Buffer.from(`${n.name}\0`, 'latin1'));
    for (const [k, v] of Object.entries(n.props ?? {})) {
      const value = encode(v);
      token(3);
      token(value.length);
      token(nameOffset(k));
      padded(value);
    }
    for (const c of n.children ?? []) walk(c);
    token(2);
  };
  walk(root);
  token(9);
  const structure = Buffer.concat(words);
  const rsv = Buffer.alloc(16 * (reservations.length + 1));
  reservations.forEach(([b, s], i) => {
    rsv.writeBigUInt64BE(b, 16 * i);
    rsv.writeBigUInt64BE(s, 16 * i + 8);
  });
  const stringBlock = Buffer.from(strings.map((s) => `${s}\0`).join(''), 'latin1');
  const offRsv = 40;
  const offStruct = offRsv + rsv.length;
  const offStrings = offStruct + structure.length;
  const total = offStrings + stringBlock.length;
  const h = Buffer.alloc(40);
  [header.magic ?? 0xd00dfeed, header.totalsize ?? total, offStruct, offStrings, offRsv, header.version ?? 17, 16, 0, stringBlock.length, structure.length]
    .forEach((v, i) => h.writeUInt32BE(v >>> 0, 4 * i));
  return Buffer.concat([h, rsv, structure, stringBlock]);
}

const dir = tempDir('kiln-fdt-');
const reader = join(dir, 'reader');
execFileSync('cc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-O2', '-I', join(ROOT, 'lib/fdt/include'),
  join(ROOT, 'lib/fdt/fdt.c'), join(ROOT, 'test/fixtures/fdt/reader.c'), '-o', reader]);

function query(b: Buffer, ...queries: string[]): string[] {
  const file = join(dir, `blob-${Math.random().toString(36).slice(2)}.dtb`);
  writeFileSync(file, b);
  return execFileSync(reader, [file, ...queries], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
}

/** A tree shaped like QEMU virt's: two-cell root, memory, a PL011, chosen, a timer, a bus with ranges. */
const VIRT: Node = {
  name: '',
  props: { '#address-cells': cells(2), '#size-cells': cells(2), compatible: 'linux,dummy-virt' },
  children: [
    { name: 'memory@40000000', props: { reg: [...u64(0x40000000n), ...u64(0x1000000n)], device_type: 'memory' } },
    { name: 'pl011@9000000', props: { reg: [...u64(0x9000000n), ...u64(0x1000n)], compatible: Buffer.from('arm,pl011\0arm,primecell\0', 'latin1') } },
    { name: 'chosen', props: { 'stdout-path': '/pl011@9000000' } },
    { name: 'timer', props: { compatible: Buffer.from('arm,armv8-timer\0arm,armv7-timer\0', 'latin1'), 'always-on': Buffer.alloc(0) } },
    {
      name: 'soc',
      props: { '#address-cells': cells(1), '#size-cells': cells(1), ranges: cells(0x7e000000, 0, 0x3f000000, 0x1000000) },
      children: [{ name: 'serial@7e201000', props: { reg: cells(0x7e201000, 0x200) } }],
    },
  ],
};

t.test('GIVEN a virt-like tree THEN the header checks pass and the walk visits every node in order with its depth', async (t) => {
  t.same(query(blob(VIRT), 'check', 'nodes'), [
    'check 0', 'node 0 ', 'node 1 memory@40000000', 'node 1 pl011@9000000', 'node 1 chosen', 'node 1 timer', 'node 1 soc', 'node 2 serial@7e201000',
  ]);
});

t.test('GIVEN paths THEN a component without a unit address matches one with, and reg is read in the parent\'s cells', async (t) => {
  t.same(query(blob(VIRT), 'path:/memory', 'path:/memory@40000000', 'path:/memory@80000000', 'path:/chosen', 'path:/nothing', 'path:/soc/serial'), [
    'path /memory memory@40000000 reg 0x40000000+0x1000000 cpu 0x40000000',
    'path /memory@40000000 memory@40000000 reg 0x40000000+0x1000000 cpu 0x40000000',
    'path /memory@80000000 none',
    'path /chosen chosen',
    'path /nothing none',
    // One-cell reg on the soc bus, translated by its ranges to the CPU's address (as on the Pi's BCM2837).
    'path /soc/serial serial@7e201000 reg 0x7e201000+0x200 cpu 0x3f201000',
  ]);
});

t.test('GIVEN a root without #address-cells/#size-cells THEN reg uses the specification\'s defaults (2 and 1)', async (t) => {
  const tree: Node = { name: '', children: [{ name: 'memory@0', props: { device_type: 'memory', reg: [...u64(0n), 0x3b400000] } }] };
  t.same(query(blob(tree), 'path:/memory'), ['path /memory memory@0 reg 0x0+0x3b400000 cpu 0x0']);
});

t.test('GIVEN reservations and compatible strings THEN each is found', async (t) => {
  const b = blob(
    { ...VIRT, children: [...(VIRT.children ?? []), { name: 'timer2', props: { compatible: 'arm,armv8-timer', 'clock-frequency': cells(19200000) } }] },
    [[0x0n, 0x1000n], [0x45cab000n, 0x103000n]],
  );
  t.same(query(b, 'rsv', 'compat:arm,armv7-timer', 'compat:arm,primecell', 'compat:arm,pl01', 'compat:arm,armv8-timer'), [
    'rsv 0x0 0x1000',
    'rsv 0x45cab000 0x103000',
    'compat arm,armv7-timer timer 0',
    'compat arm,primecell pl011@9000000 0',
    'compat arm,pl01 none 0',
    'compat arm,armv8-timer timer 0',
  ]);
});

t.test('GIVEN blobs that are not device trees this reader can walk THEN the check refuses them', async (t) => {
  const good = blob(VIRT);
  t.same(query(blob(VIRT, [], { magic: 0xfeedd00d }), 'check'), ['check -22'], 'bad magic: EINVAL');
  t.same(query(blob(VIRT, [], { version: 16 }), 'check'), [`check -${95}`], 'version 16: ENOTSUP');
  t.same(query(good.subarray(0, good.length - 8), 'check'), ['check -22'], 'totalsize beyond the bytes there are: EINVAL');
  t.same(query(blob(VIRT, [], { totalsize: 0x300000 }), 'check'), ['check -22'], 'totalsize beyond the bytes there are: EINVAL');
  const shifted = Buffer.from(good);
  shifted.writeUInt32BE(good.length + 64, 12); // strings block past the end
  t.same(query(shifted, 'check'), ['check -22'], 'a block out of bounds: EINVAL');
});
