// SPDX-License-Identifier: MIT
/**
 * Reproducible random request sets over a Kconfig tree, for the agreement
 * test: mostly plausible values, with a steady share of the awkward ones
 * (wrong types, out-of-range numbers, odd strings, unknown symbols, two
 * members of one choice, the same symbol twice).
 */
import type { ConfigRequest, KconfigSymbol, KconfigTree } from '../../../synth/kconfig/index.ts';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_STRINGS = [
  '', 'abc', 'a"b', 'back\\slash', 'hash # sign', 'dollar $x and $(y)', 'unicodé ✓', '  spaced  ', 'tab\tinside',
  'virt', 'rpi3', 'b', 'z', 'Hello from Kiln!', '"', '\\',
];

/** `count` request sets over `tree`, the same for the same `seed`. */
export function randomRequestSets(tree: KconfigTree, count: number, seed: number): ConfigRequest[][] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const symbols = tree.symbols();
  const choices = tree.choices();
  const sets: ConfigRequest[][] = [];
  for (let s = 0; s < count; s++) {
    const requests: ConfigRequest[] = [];
    const add = (symbol: string, value: ConfigRequest['value']): void => {
      requests.push({ symbol, value });
    };
    // Half the sets are tame (only well-typed values), so that long chains of
    // enabled symbols get exercised and not just refusals.
    const tame = rnd() < 0.5;
    const size = Math.floor(rnd() * Math.min(symbols.length, 1 + symbols.length * 0.6));
    for (let i = 0; i < size; i++) {
      const sym = pick(symbols);
      add(sym.name, randomValue(sym, rnd, tame));
    }
    for (const choice of choices) {
      const r = rnd();
      if (r < 0.35) add(pick(choice.members), true);
      if (r < 0.1) add(pick(choice.members), true);
    }
    if (!tame && rnd() < 0.05) add(pick(['NOT_DEFINED', 'CONFIG_LIBCONSOLE', 'libconsole', 'LIBCONSOL']), rnd() < 0.5);
    if (requests.length > 0 && rnd() < 0.1) {
      const again = pick(requests);
      const sym = tree.trySymbol(again.symbol);
      if (sym) add(sym.name, randomValue(sym, rnd, tame));
    }
    // Shuffle so that choice requests are not always last.
    for (let i = requests.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [requests[i], requests[j]] = [requests[j], requests[i]];
    }
    sets.push(requests.map((r, i) => ({ ...r, origin: { file: 'fleet.yaml', pointer: `/sets/${s}/${i}` } })));
  }
  return sets;
}

function randomValue(sym: KconfigSymbol, rnd: () => number, tame: boolean): ConfigRequest['value'] {
  // Tame values stay below each type's first awkward case.
  const r = tame ? rnd() * { bool: 0.9, int: 0.8, hex: 0.85, string: 0.9, unknown: 1 }[sym.type] : rnd();
  const pickNumber = (): number => {
    const bounds = sym.ranges.flatMap((x) => [Number(x.low), Number(x.high)]).filter((n) => Number.isFinite(n));
    const q = rnd();
    if (bounds.length > 0 && q < 0.5) {
      const b = bounds[Math.floor(rnd() * bounds.length)];
      return b + Math.floor(rnd() * 3) - 1;
    }
    if (q < 0.8) return Math.floor(rnd() * 5000);
    return Math.floor(rnd() * 2 ** 40);
  };
  switch (sym.type) {
    case 'bool':
      if (r < 0.5) return true;
      if (r < 0.9) return false;
      return [1, 'y', 'n', 'yes', 0][Math.floor(rnd() * 5)];
    case 'int': {
      if (r < 0.7) return pickNumber();
      if (r < 0.8) return String(pickNumber());
      if (r < 0.85) return -pickNumber();
      return ['abc', '0x10', '', ' 42', '1_000', '+7', '007', true, 1.5][Math.floor(rnd() * 9)];
    }
    case 'hex': {
      const n = pickNumber();
      if (r < 0.6) return n;
      if (r < 0.75) return `0x${n.toString(16)}`;
      if (r < 0.85) return `0X${n.toString(16).toUpperCase()}`;
      if (r < 0.9) return n.toString(16);
      return [-1, 'xyz', '0x', '-0x10', '0xffffffffffffffff', true, '+0x10'][Math.floor(rnd() * 7)];
    }
    case 'string':
      if (r < 0.9) return ODD_STRINGS[Math.floor(rnd() * ODD_STRINGS.length)];
      return [42, true, 'line\nbreak'][Math.floor(rnd() * 3)];
    case 'unknown':
      return [true, 1, 'text'][Math.floor(rnd() * 3)];
  }
}
