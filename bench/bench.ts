// SPDX-License-Identifier: MIT
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_APPLICATIONS, type BenchApplication } from './applications.ts';
import { measureBoard, type BoardMeasurements } from './board-bench.ts';
import { findBenchBoard, type BenchBoard } from './boards.ts';
import { combine, failed, notApplicable, type Figure } from './figures.ts';
import { medianFigure } from './measure/stats.ts';
import { buildFloor, FLOOR_ENDINGS, type FloorEnding, type FloorImage } from './floor/build.ts';
import { loadKilnImage, qemuFlagsOf, timeKilnBuild, type KilnImage, type QemuFlags } from './kiln/images.ts';
import { benchLinux, skippedLinux } from './linux/linux-bench.ts';
import type { BenchOptions } from './options.ts';
import { machineInfo } from './report/machine.ts';
import type { BenchResults, BoardResults, BuildResults, LinuxResults } from './results.ts';

/**
 * Runs every measurement the options ask for and returns the results.
 * Figures that could not be measured carry their error; nothing here
 * throws for a failed measurement, so one broken part leaves the others'
 * numbers standing.
 *
 * @param log receives progress lines (the harness sends them to stderr)
 */
export async function runBench(opts: BenchOptions, log: (line: string) => void): Promise<BenchResults> {
  const workDir = mkdtempSync(join(tmpdir(), 'kiln-bench-'));
  try {
    const machine = machineInfo();
    const boards = opts.boards.map(findBenchBoard);
    const apps = BENCH_APPLICATIONS.filter((a) => opts.apps.includes(a.id));

    // Builds first: they load the host, and nothing is timed while they run.
    const builds: BuildResults[] = [];
    const outdirs = new Map<string, BuiltApplication>();
    for (const app of apps) {
      const { result, built } = await buildApplication(opts.root, app, join(workDir, 'kiln', app.id), opts.buildRuns);
      builds.push(result);
      outdirs.set(app.id, built);
      log(`build ${app.id}: clean ${fmt(result.cleanMs)}, no-op ${fmt(result.noopMs)}`);
    }

    const measuredBoards: BoardMeasurements[] = [];
    for (const board of boards) {
      const floors = await buildFloors(board, workDir);
      measuredBoards.push(await measureBoard({
        board,
        flags: boardFlags(board, apps, outdirs),
        floors,
        images: apps.map((app) => ({ app, image: kilnImage(board, app, outdirs) })),
        runs: opts.runs,
        cpuWindowMs: opts.cpuWindowMs,
        log,
      }));
    }

    const otherBoards = boards.filter((b) => b.noLinux).map((b) => ({ board: b.id, reason: b.noLinux ?? '' }));
    let linux: LinuxResults;
    if (!opts.linux) {
      linux = skippedLinux(notApplicable('Linux baseline skipped (--no-linux)'), otherBoards);
    } else if (!opts.boards.includes('qemu-virt')) {
      linux = skippedLinux(notApplicable('Linux baseline runs on qemu-virt only, which this run does not measure'), otherBoards);
    } else {
      linux = await benchLinux({
        baselineFile: join(opts.root, 'bench', 'linux-baseline.json'),
        cacheDir: opts.cacheDir,
        workDir,
        runs: opts.linuxRuns,
        cpuWindowMs: opts.cpuWindowMs,
        bisectRam: opts.bisectRam,
        bisectSkipReason: opts.quick ? 'skipped in quick mode' : 'skipped (--no-bisect)',
        otherBoards,
        log,
      });
    }

    return {
      kiln: 'bench-results/1',
      mode: opts.quick ? 'quick' : 'full',
      machine,
      settings: { runs: opts.runs, linuxRuns: opts.linuxRuns, buildRuns: opts.buildRuns, cpuWindowMs: opts.cpuWindowMs },
      boards: measuredBoards.map((b) => withLinuxRatios(b, boards.find((x) => x.id === b.board), linux)),
      builds,
      linux,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Where an application's images were built, and why not, if the build failed. */
interface BuiltApplication {
  readonly outdir: string;
  readonly error?: Error;
}

/**
 * Times `runs` clean `kiln build`s of the application's program, each into
 * an empty folder, then `runs` no-op ones into the last of them (medians).
 * The images are booted from that last folder.
 */
async function buildApplication(root: string, app: BenchApplication, dir: string, runs: number): Promise<{ result: BuildResults; built: BuiltApplication }> {
  const clean: number[] = [];
  let outdir = '';
  for (let i = 0; i < runs; i++) {
    outdir = join(dir, `clean-${i}`);
    mkdirSync(outdir, { recursive: true });
    const build = await timeKilnBuild(root, app, outdir);
    if (build.code !== 0) {
      const err = new Error(`kiln build ${app.program} failed (exit ${build.code}): ${summarize(build.output)}`);
      return { result: { app: app.id, program: app.program, cleanMs: failed(err), noopMs: failed(err) }, built: { outdir, error: err } };
    }
    clean.push(build.ms);
  }
  const noop: number[] = [];
  let noopError: Figure | undefined;
  for (let i = 0; i < runs && !noopError; i++) {
    const build = await timeKilnBuild(root, app, outdir);
    if (build.code === 0) noop.push(build.ms);
    else noopError = failed(`a no-op kiln build of ${app.program} failed: ${summarize(build.output)}`);
  }
  return {
    result: { app: app.id, program: app.program, cleanMs: medianFigure(clean, 'ms'), noopMs: noopError ?? medianFigure(noop, 'ms') },
    built: { outdir },
  };
}

async function buildFloors(board: BenchBoard, workDir: string): Promise<Record<FloorEnding, FloorImage> | Error> {
  try {
    const built = await Promise.all(FLOOR_ENDINGS.map((ending) => buildFloor(board, ending, workDir)));
    return Object.fromEntries(built.map((f) => [f.ending, f])) as Record<FloorEnding, FloorImage>;
  } catch (err) {
    return new Error(`building the floor for ${board.id} failed: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`);
  }
}

/**
 * The board's QEMU flags, from the first application image synthesized for
 * it: a manifest is written before compiling, so a failed compile still
 * leaves the floor its flags.
 */
function boardFlags(board: BenchBoard, apps: readonly BenchApplication[], outdirs: ReadonlyMap<string, BuiltApplication>): QemuFlags | Error {
  const problems: string[] = [];
  for (const app of apps) {
    const id = app.images[board.id];
    const built = outdirs.get(app.id);
    if (!id || built === undefined) continue;
    try {
      return qemuFlagsOf(built.outdir, id);
    } catch (err) {
      problems.push(built.error?.message ?? (err as Error).message);
    }
  }
  return new Error(`the floor runs with the QEMU flags of a Kiln image for ${board.id}, and none was synthesized${problems.length ? `: ${problems.join('; ')}` : ''}`);
}

function kilnImage(board: BenchBoard, app: BenchApplication, outdirs: ReadonlyMap<string, BuiltApplication>): KilnImage | Error | undefined {
  const id = app.images[board.id];
  if (!id) return undefined;
  const built = outdirs.get(app.id);
  if (built === undefined) return new Error(`${app.id} was not built`);
  if (built.error) return built.error;
  try {
    return loadKilnImage(built.outdir, id);
  } catch (err) {
    return err as Error;
  }
}

/** Adds Kiln-versus-Linux ratios: on virt from the same run's Linux figures, elsewhere n/a with the board's reason. */
function withLinuxRatios(b: BoardMeasurements, board: BenchBoard | undefined, linux: LinuxResults): BoardResults {
  return {
    ...b,
    images: b.images.map((image) => {
      if (board?.noLinux) {
        const none = notApplicable(board.noLinux);
        return { ...image, speedupVsLinux: none, sizeRatioVsLinux: none };
      }
      return {
        ...image,
        speedupVsLinux: combine(linux.firstLineMs, image.firstLineMs, 'x', (l, k) => l / k),
        sizeRatioVsLinux: combine(linux.imageBytes, image.artifactBytes, 'x', (l, k) => l / k),
      };
    }),
  };
}

function fmt(f: Figure): string {
  return 'value' in f ? `${f.value.toFixed(0)} ms` : f.missing;
}

/** The line of a failed command's output that says what went wrong (Kiln's "error:" line, or a thrown error's), else its last line. */
function summarize(output: string): string {
  const lines = output.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /^(error:|\w*Error\b)/.test(l)) ?? lines.at(-1) ?? 'no output';
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}
