// SPDX-License-Identifier: MIT
// How fast the Kconfig engine resolves a fleet: `npx tsx bench/resolve-fleet.ts
// [--tree <Kconfig>] [--images 100] [--rounds 5] [--seed 1]`.
//
// Parses the tree once, generates a fleet of random request sets over it
// (seeded, so runs are comparable), then resolves every image, producing its
// values, problems, .config and C header as the synthesizer would, and prints
// the time per image. The tree defaults to the repository's root Kconfig, or
// to the rich test fixture when there is none.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ConfigRequest, type KconfigTree, loadKconfig, resolveConfig } from '../synth/kconfig/index.ts';

/** Options of the fleet-resolution bench. */
export interface ResolveFleetOptions {
  /** The root Kconfig file. @default the repository's Kconfig, else test/fixtures/kconfig/rich/Kconfig */
  readonly tree: string;
  /** Images in the fleet. @default 100 */
  readonly images: number;
  /** Times the whole fleet is resolved; the best and median rounds are reported. @default 5 */
  readonly rounds: number;
  /** Seed of the request generator. @default 1 */
  readonly seed: number;
}

const REPO_KCONFIG = fileURLToPath(new URL('../Kconfig', import.meta.url));
const FIXTURE_KCONFIG = fileURLToPath(new URL('../test/fixtures/kconfig/rich/Kconfig', import.meta.url));

/** Runs the bench and returns the exit code. */
export function resolveFleetBench(opts: ResolveFleetOptions): number {
  const parseStart = performance.now();
  const tree = loadKconfig(opts.tree);
  const parseMs = performance.now() - parseStart;
  const fleet = randomFleet(tree, opts.images, opts.seed);
  const requests = fleet.reduce((n, image) => n + image.length, 0);

  const rounds: number[] = [];
  let problems = 0;
  for (let round = 0; round < opts.rounds; round++) {
    const start = performance.now();
    problems = 0;
    for (const image of fleet) {
      const r = resolveConfig(tree, image);
      r.dotConfig();
      r.configHeader();
      problems += r.problems.length;
    }
    rounds.push((performance.now() - start) / fleet.length);
  }
  const sorted = [...rounds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  out(`tree:    ${tree.toString()}`);
  out(`parse:   ${parseMs.toFixed(2)} ms (once)`);
  out(`fleet:   ${fleet.length} images, ${requests} requests, ${problems} problems reported`);
  out(`resolve: ${sorted[0].toFixed(3)} ms per image best, ${median.toFixed(3)} ms median over ${opts.rounds} rounds (values, problems, .config and header)`);
  return 0;
}

// Each image asks for about a third of the symbols, with plausible values.
function randomFleet(tree: KconfigTree, images: number, seed: number): ConfigRequest[][] {
  let state = seed >>> 0;
  const rnd = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const symbols = tree.symbols();
  return Array.from({ length: images }, (_, i) => {
    const image: ConfigRequest[] = [];
    for (const sym of symbols) {
      if (rnd() > 0.33) continue;
      const value = sym.type === 'bool' ? rnd() < 0.7
        : sym.type === 'string' ? `image-${i}`
        : Math.floor(rnd() * 4096);
      image.push({ symbol: sym.name, value, origin: { file: 'fleet.yaml', pointer: `/images/${i}/config/${sym.name}` } });
    }
    return image;
  });
}

function main(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      tree: { type: 'string' },
      images: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
    },
  });
  const count = (name: string, text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive whole number, not ${JSON.stringify(text)}`);
    return n;
  };
  return resolveFleetBench({
    tree: values.tree ?? (existsSync(REPO_KCONFIG) ? REPO_KCONFIG : FIXTURE_KCONFIG),
    images: count('images', values.images),
    rounds: count('rounds', values.rounds),
    seed: count('seed', values.seed),
  });
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`resolve-fleet: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
