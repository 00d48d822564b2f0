// SPDX-License-Identifier: MIT
/**
 * Random request sets over a loaded tree, and each set as the defconfig
 * fragment kconfiglib is given.
 *
 * Unlike the agreement test, the fragment is written here from what a
 * request means (ConfigRequest's contract), not by Kiln's own
 * defconfigFragment(): a numeric string is handed to kconfiglib as written,
 * so that a spelling Python accepts (" 5", "1_000", "0x_10") but Kiln
 * refuses shows up as a disagreement instead of being filtered out on both
 * sides.
 */
import type { ConfigRequest, KconfigTree } from '../../synth/kconfig/index.ts';
import { Random } from './random.ts';

const ODD_STRINGS = [
  '', 'abc', 'a"b', 'back\\slash', 'hash # sign', 'dollar $x and $(y)', 'unicodé ✓', '  spaced  ', 'tab\tinside', 'y', 'n', '5', '\uff15', '0x10',
];
// Spellings Python's int() accepts, which kconfiglib therefore takes for an int.
const INT_SPELLINGS = [' 5', '1_000', '+7', '-0', '007', '5 ', '\t12', '0', '-12'];
const INT_REFUSED = ['abc', '0x10', '', '1__0', '_1', '1.5', '5e3'];
const HEX_SPELLINGS = ['0x_10', ' 0x10', '0X1f', 'ff', '+0x10', '-0', '0x0', '10', '0xffffffffffffffff', '0x1_0'];
const HEX_REFUSED = ['xyz', '0x', '0xg', '', '0x__1'];
const UNKNOWN = ['NOT_DEFINED', 'UNDEF', 'CONFIG_A', 'a', 'LIBCONSOL'];

/** `count` request sets over `tree`, the same for the same `seed`. */
export function randomRequestSets(tree: KconfigTree, count: number, seed: number): ConfigRequest[][] {
  const r = new Random(seed);
  const symbols = tree.symbols();
  const choices = tree.choices();
  const sets: ConfigRequest[][] = [];
  for (let s = 0; s < count; s++) {
    const requests: ConfigRequest[] = [];
    const tame = r.chance(0.5);
    const size = symbols.length === 0 ? 0 : r.int(0, Math.max(1, Math.ceil(symbols.length * 0.7)));
    for (let i = 0; i < size; i++) {
      const sym = r.pick(symbols);
      requests.push({ symbol: sym.name, value: randomValue(sym.type, r, tame) });
    }
    for (const choice of choices) {
      if (choice.members.length === 0) continue;
      const q = r.next();
      if (q < 0.4) requests.push({ symbol: r.pick(choice.members), value: true });
      if (q < 0.1) requests.push({ symbol: r.pick(choice.members), value: r.chance(0.7) });
    }
    if (!tame && r.chance(0.15)) requests.push({ symbol: r.pick(UNKNOWN), value: r.pick([true, false, 5, 'text']) });
    if (!tame && symbols.length > 0 && r.chance(0.1)) {
      // The wrong type on purpose.
      const sym = r.pick(symbols);
      requests.push({ symbol: sym.name, value: sym.type === 'bool' ? r.pick(['y', 1, 'true']) : sym.type === 'string' ? r.pick([42, true]) : r.pick([true, 1.5, 'y']) });
    }
    if (requests.length > 0 && r.chance(0.1)) {
      const again = r.pick(requests);
      const sym = tree.trySymbol(again.symbol);
      if (sym) requests.push({ symbol: sym.name, value: randomValue(sym.type, r, tame) });
    }
    r.shuffle(requests);
    sets.push(requests);
  }
  return sets;
}

function randomValue(type: string, r: Random, tame: boolean): ConfigRequest['value'] {
  const q = tame ? r.next() * 0.8 : r.next();
  const number = (): number => (r.chance(0.7) ? r.int(0, 300) : r.chance(0.5) ? r.int(0, 70000) : r.int(0, 2 ** 40));
  switch (type) {
    case 'bool':
      return q < 0.9 ? r.chance(0.55) : r.pick(['y', 1, 'n']);
    case 'int':
      if (q < 0.55) return number();
      if (q < 0.7) return String(number());
      if (q < 0.8) return -number();
      if (q < 0.92) return r.pick(INT_SPELLINGS);
      return r.pick([...INT_REFUSED, true, 1.5]);
    case 'hex':
      if (q < 0.5) return number();
      if (q < 0.7) return `0x${number().toString(16)}`;
      if (q < 0.8) return number().toString(16).toUpperCase();
      if (q < 0.92) return r.pick(HEX_SPELLINGS);
      return r.pick([...HEX_REFUSED, true, -1]);
    case 'string':
      if (q < 0.9) return r.pick(ODD_STRINGS);
      return r.pick([42, true, 'line\nbreak']);
    default:
      return r.pick([true, 5, 'x']);
  }
}

/** A request set as a defconfig fragment; `written[i]` is false when request i got no line (its value fits no line for its type). */
export interface Fragment {
  readonly text: string;
  readonly written: readonly boolean[];
}

/**
 * The fragment meaning what `requests` mean: a boolean is `=y` or `is not
 * set`, a whole number is written in the symbol's base, a numeric string is
 * written as is, a string is quoted. Values the request contract refuses
 * outright (a non-boolean for a bool, a non-string for a string, a fraction,
 * a negative number for a hex) get no line.
 */
export function fragmentOf(tree: KconfigTree, requests: readonly ConfigRequest[]): Fragment {
  const lines: string[] = [];
  const written = requests.map((req) => {
    const line = lineOf(tree.trySymbol(req.symbol)?.type, req);
    if (line !== undefined) lines.push(line);
    return line !== undefined;
  });
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', written };
}

function lineOf(type: string | undefined, req: ConfigRequest): string | undefined {
  const { symbol, value } = req;
  const set = (text: string): string => `CONFIG_${symbol}=${text}`;
  if (typeof value === 'string' && /[\r\n]/.test(value)) return undefined;
  switch (type) {
    case 'bool':
      return typeof value === 'boolean' ? (value ? set('y') : `# CONFIG_${symbol} is not set`) : undefined;
    case 'int':
      if (typeof value === 'number') return Number.isSafeInteger(value) ? set(String(value)) : undefined;
      return typeof value === 'string' ? set(value) : undefined;
    case 'hex':
      if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? set(`0x${value.toString(16)}`) : undefined;
      return typeof value === 'string' ? set(value) : undefined;
    case 'string':
      return typeof value === 'string' ? set(`"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`) : undefined;
    default:
      // A symbol Kiln does not know: written in the value's natural form, so
      // that a symbol only kconfiglib knows still gets it.
      if (typeof value === 'boolean') return value ? set('y') : `# CONFIG_${symbol} is not set`;
      return typeof value === 'number' ? set(String(value)) : set(`"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
  }
}
