// SPDX-License-Identifier: MIT
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BoardId } from 'kiln';
import { BENCH_APPLICATIONS } from './applications.ts';
import { BENCH_BOARD_IDS } from './boards.ts';

/** What one bench run measures and where it writes. Defaults are applied by parseBenchArgs. */
export interface BenchOptions {
  /** Quick mode: few runs, virt only, no Linux RAM bisection. @default false */
  readonly quick: boolean;
  /** Boots per image for the boot-time medians. @default 10 (3 in quick mode) */
  readonly runs: number;
  /** Linux boots for its boot-time median. @default 3 (1 in quick mode) */
  readonly linuxRuns: number;
  /** Clean builds, and then no-op builds, per application for the build-time medians. @default 3 (1 in quick mode) */
  readonly buildRuns: number;
  /** How long each host-CPU window lasts, in ms. @default 3000 (1000 in quick mode) */
  readonly cpuWindowMs: number;
  /** Boards to measure. @default all three (qemu-virt only in quick mode) */
  readonly boards: readonly BoardId[];
  /** Application ids to measure. @default every entry of BENCH_APPLICATIONS */
  readonly apps: readonly string[];
  /** Whether to measure the Linux baseline at all. @default true */
  readonly linux: boolean;
  /** Whether to bisect Linux's smallest RAM. @default true (false in quick mode) */
  readonly bisectRam: boolean;
  /** Where downloaded Debian packages and extracted kernels are kept. @default $XDG_CACHE_HOME/kiln-bench, else ~/.cache/kiln-bench */
  readonly cacheDir: string;
  /** Where results.md, results.json and the charts go. @default bench/results/full (bench/results/quick in quick mode) */
  readonly resultsDir: string;
  /** Re-pin bench/linux-baseline.json to the archive's current packages instead of benchmarking. @default false */
  readonly repinLinux: boolean;
  /** The repository root. */
  readonly root: string;
}

/** The usage text printed for --help and bad arguments. */
export const USAGE = `usage: tsx bench/run.ts [options]

  --quick             few runs, qemu-virt only, one Linux boot, no RAM bisection (under a minute)
  --runs N            boots per image for the boot-time medians (default 10, quick 3)
  --linux-runs N      Linux boots for its median (default 3, quick 1)
  --build-runs N      clean and no-op builds per application (default 3, quick 1)
  --cpu-window MS     length of each host-CPU window (default 3000, quick 1000)
  --board ID          measure only this board (repeatable): ${BENCH_BOARD_IDS.join(', ')}
  --app ID            measure only this application (repeatable): ${BENCH_APPLICATIONS.map((a) => a.id).join(', ')}
  --no-linux          skip the Linux baseline
  --no-bisect         skip Linux's smallest-RAM bisection
  --cache DIR         download cache (default ~/.cache/kiln-bench)
  --results DIR       output folder (default bench/results/full or bench/results/quick)
  --repin-linux       pin bench/linux-baseline.json to the archive's current packages, then stop
  --help              this text`;

/** A mistake in the command line: the user's, reported with the usage text. */
export class UsageError extends Error {}

/**
 * Turns the command line into BenchOptions, applying every default here.
 *
 * @param env the environment, read for XDG_CACHE_HOME only
 * @returns undefined for --help
 * @throws UsageError naming the bad argument
 */
export function parseBenchArgs(argv: readonly string[], root: string, env: NodeJS.ProcessEnv): BenchOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'quick': { type: 'boolean', default: false },
        'runs': { type: 'string' },
        'linux-runs': { type: 'string' },
        'build-runs': { type: 'string' },
        'cpu-window': { type: 'string' },
        'board': { type: 'string', multiple: true },
        'app': { type: 'string', multiple: true },
        'no-linux': { type: 'boolean', default: false },
        'no-bisect': { type: 'boolean', default: false },
        'cache': { type: 'string' },
        'results': { type: 'string' },
        'repin-linux': { type: 'boolean', default: false },
        'help': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return undefined;
  const quick = v.quick ?? false;
  const boards = (v.board ?? (quick ? ['qemu-virt'] : BENCH_BOARD_IDS)) as string[];
  for (const b of boards) {
    if (!(BENCH_BOARD_IDS as readonly string[]).includes(b)) throw new UsageError(`unknown board "${b}"; the bench knows ${BENCH_BOARD_IDS.join(', ')}`);
  }
  const apps = v.app ?? BENCH_APPLICATIONS.map((a) => a.id);
  for (const a of apps) {
    if (!BENCH_APPLICATIONS.some((x) => x.id === a)) throw new UsageError(`unknown application "${a}"; the bench knows ${BENCH_APPLICATIONS.map((x) => x.id).join(', ')}`);
  }
  const cacheHome = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return {
    quick,
    runs: count(v.runs, '--runs', quick ? 3 : 10),
    linuxRuns: count(v['linux-runs'], '--linux-runs', quick ? 1 : 3),
    buildRuns: count(v['build-runs'], '--build-runs', quick ? 1 : 3),
    cpuWindowMs: count(v['cpu-window'], '--cpu-window', quick ? 1000 : 3000),
    boards: boards as BoardId[],
    apps,
    linux: !v['no-linux'],
    bisectRam: !quick && !v['no-bisect'],
    cacheDir: resolve(v.cache ?? join(cacheHome, 'kiln-bench')),
    resultsDir: resolve(root, v.results ?? join('bench', 'results', quick ? 'quick' : 'full')),
    repinLinux: v['repin-linux'] ?? false,
    root,
  };
}

function count(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} wants a whole number of at least 1, not "${text}"`);
  return n;
}
