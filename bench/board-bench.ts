// SPDX-License-Identifier: MIT
import type { BenchApplication } from './applications.ts';
import type { BenchBoard } from './boards.ts';
import { combine, failed, measured, notApplicable, type Figure } from './figures.ts';
import type { FloorEnding, FloorImage } from './floor/build.ts';
import type { KilnImage, QemuFlags } from './kiln/images.ts';
import { findLine } from './measure/console-run.ts';
import { medianFigure } from './measure/stats.ts';
import { cpuAfterReadyLine, timeToReadyLine, type BootTarget } from './measure/target.ts';
import type { BoardResults, FloorResults, ImageResults } from './results.ts';

/** What one board's measurements start from; any part may be missing after a failed build. */
export interface BoardBenchInput {
  readonly board: BenchBoard;
  /** The board's QEMU flags, from a Kiln image manifest; the floor runs with them. */
  readonly flags: QemuFlags | Error;
  readonly floors: Readonly<Record<FloorEnding, FloorImage>> | Error;
  readonly images: readonly { readonly app: BenchApplication; readonly image: KilnImage | Error | undefined }[];
  readonly runs: number;
  readonly cpuWindowMs: number;
  /** Progress lines go here. */
  readonly log: (line: string) => void;
}

/** The floor's line: its one character. */
const FLOOR_LINE = /^\*$/;
/** The line the OS will print with its boot tick count (lib/boot, not there yet). */
const BOOT_TICKS_LINE = /^kiln: boot ticks (\d+)/;
/** Deterministic guest time: one tick per instruction, no sleeping ahead of the host. */
const ICOUNT_ARGS = ['-icount', 'shift=0,sleep=off'];

/** The figures of one board that do not need Linux (its ratios are added later). */
export type BoardMeasurements = Omit<BoardResults, 'images'> & {
  readonly images: readonly Omit<ImageResults, 'speedupVsLinux' | 'sizeRatioVsLinux'>[];
};

/**
 * Measures one board: boot times of the floor and of every application
 * image (runs interleaved, so drift in the host's load hits all alike),
 * Kiln's boot ticks under icount, sizes, and the host CPU of the floor's
 * busy and idle endings and of idling applications.
 */
export async function measureBoard(input: BoardBenchInput): Promise<BoardMeasurements> {
  const { board, flags, floors } = input;
  const floorTarget = (ending: FloorEnding): BootTarget | Error => {
    if (flags instanceof Error) return new Error(`no QEMU flags for the floor on ${board.id}: ${flags.message}`);
    if (floors instanceof Error) return floors;
    return {
      label: `floor (${ending}) on ${board.id}`,
      command: [flags.binary, ...flags.args, '-kernel', floors[ending].bin],
      env: flags.env,
      readyLine: FLOOR_LINE,
      exits: ending === 'exit',
    };
  };
  const imageTargets = input.images.map(({ app, image }): BootTarget | Error | undefined => {
    if (image === undefined || image instanceof Error) return image;
    return { label: `${image.id} on ${board.id}`, command: image.command, env: image.env, readyLine: app.readyLine, exits: !app.idles };
  });

  // Boot times, interleaved: floor, then each image, N times over, after
  // one round that is not recorded (the first spawn after the builds pays
  // for cold caches: QEMU's modules and ROMs, the image files).
  const targets = [floorTarget('exit'), ...imageTargets];
  const samples: number[][] = targets.map(() => []);
  const errors: (Error | undefined)[] = targets.map((t) => (t instanceof Error ? t : undefined));
  for (let i = -1; i < input.runs; i++) {
    for (const [k, target] of targets.entries()) {
      if (!target || target instanceof Error || errors[k]) continue;
      try {
        const { ms } = await timeToReadyLine(target);
        if (i >= 0) samples[k].push(ms);
      } catch (err) {
        errors[k] = err as Error;
      }
    }
  }
  const timeFigure = (k: number): Figure => {
    const err = errors[k];
    if (err) return failed(err);
    return samples[k].length ? medianFigure(samples[k], 'ms') : notApplicable('not booted');
  };
  input.log(`${board.id}: boot times done (${input.runs} runs each)`);

  const floor: FloorResults = {
    firstLineMs: timeFigure(0),
    binBytes: floors instanceof Error ? failed(floors) : measured(floors.exit.binBytes, 'bytes'),
    elfBytes: floors instanceof Error ? failed(floors) : measured(floors.exit.elfBytes, 'bytes'),
    busyCpu: await cpuFigure(floorTarget('busy'), input.cpuWindowMs),
    idleCpu: await cpuFigure(floorTarget('idle'), input.cpuWindowMs),
  };
  input.log(`${board.id}: floor CPU windows done`);

  const images: BoardMeasurements['images'][number][] = [];
  for (const [j, { app, image }] of input.images.entries()) {
    const target = imageTargets[j];
    const imageId = app.images[board.id] ?? '';
    if (image === undefined) {
      const none = notApplicable(`${app.id} has no image for ${board.id}`);
      images.push({ app: app.id, image: imageId, firstLineMs: none, bootCostMs: none, bootTicks: none, artifactBytes: none, elfBytes: none, idleCpu: none });
      continue;
    }
    const firstLineMs = timeFigure(j + 1);
    images.push({
      app: app.id,
      image: imageId,
      firstLineMs,
      bootCostMs: combine(firstLineMs, floor.firstLineMs, 'ms', (kiln, floorMs) => kiln - floorMs),
      bootTicks: await bootTicks(target),
      artifactBytes: image instanceof Error ? failed(image) : measured(image.artifactBytes, 'bytes'),
      elfBytes: image instanceof Error ? failed(image) : measured(image.elfBytes, 'bytes'),
      idleCpu: app.idles
        ? await cpuFigure(target, input.cpuWindowMs)
        : notApplicable(`${app.id} exits right after its line: there is no idle to measure until an application sleeps`),
    });
  }
  input.log(`${board.id}: Kiln images done`);

  return {
    board: board.id,
    name: board.name,
    qemuFlags: flags instanceof Error ? [] : [flags.binary, ...flags.args],
    floor,
    images,
  };
}

async function cpuFigure(target: BootTarget | Error | undefined, windowMs: number): Promise<Figure> {
  if (!target) return notApplicable('nothing to run');
  if (target instanceof Error) return failed(target);
  try {
    return measured(await cpuAfterReadyLine(target, windowMs), '%cpu', { note: `over ${windowMs} ms` });
  } catch (err) {
    return failed(err);
  }
}

/** Guest ticks from entry to main, as the image reports them under icount; n/a until the OS prints them. */
async function bootTicks(target: BootTarget | Error | undefined): Promise<Figure> {
  if (!target) return notApplicable('nothing to run');
  if (target instanceof Error) return failed(target);
  try {
    const { run } = await timeToReadyLine(target, ICOUNT_ARGS);
    const line = findLine(run, BOOT_TICKS_LINE);
    if (!line) return notApplicable('the image prints no "kiln: boot ticks N" line yet (the OS will add it)');
    const ticks = Number(BOOT_TICKS_LINE.exec(line.text)?.[1]);
    return ticks > 0 ? measured(ticks, 'ticks', { note: 'under -icount shift=0,sleep=off' }) : failed(`unreadable tick count in "${line.text}"`);
  } catch (err) {
    return failed(err);
  }
}
