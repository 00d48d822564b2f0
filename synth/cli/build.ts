// SPDX-License-Identifier: MIT
import { relative } from 'node:path';
import { buildAssembly, formatReport, type BuildProgress } from '../build.ts';
import { KilnError } from '../errors.ts';
import { parseCompileCache } from '../compile-cache.ts';
import { cacheDir } from '../fetch/index.ts';
import { mediumKind, qemuOnlyImagesForRealBoards, qemuTargetWarning, removeMedium, writeMedium, type MediumResult } from '../medium/index.ts';
import { buildResultDocument, formatBuildLines, readPreviousArtifact, type BuiltImage } from './private/build-summary.ts';
import { synthFile } from './private/program.ts';
import { reportError, type Output } from './private/report.ts';
import { reportWarnings } from './synth.ts';

/** Options of `kiln build FILE`. */
export interface BuildCommandOptions {
  /** The program (image.ts) or spec file (YAML/JSON) to synthesize and compile. */
  readonly file: string;
  /** Assembly folder. @default 'kiln.out' */
  readonly outdir: string;
  /** Show progress (the dispatcher turns it on for a terminal outside CI, or with --progress). */
  readonly progress: boolean;
  /**
   * Show progress as one line rewritten in place rather than a line per
   * step: right for a terminal, wrong for a log.
   * @default whether stderr is a terminal
   */
  readonly live?: boolean;
  /** Also measure what --gc-sections and LTO save (kiln build --size-study). @default false */
  readonly sizeStudy?: boolean;
  /** Type-check a TypeScript program first. @default true */
  readonly typecheck?: boolean;
  /** Folders besides the project folder that embedded host files may come from (--embed-from). @default none */
  readonly embedFrom?: readonly string[];
  /** Also print each image's size table: bytes per micro-library, static RAM (--sizes, -v). @default false */
  readonly sizes?: boolean;
  /** Print one JSON document (schema/build-result.schema.json) on stdout instead of lines (--json). @default false */
  readonly json?: boolean;
  /**
   * Also write each real board's boot medium into its image folder
   * (--medium): the Pi's sdcard.img and boot/, the Ultra96's boot/ with
   * boot.scr and README.txt. Images for a real board with target 'qemu'
   * are refused. Without it, a medium an earlier build wrote is removed.
   * @default false
   */
  readonly medium?: boolean;
  /** A folder with the Raspberry Pi firmware files, instead of Debian's raspi-firmware (--firmware). @default Debian's package */
  readonly firmwareDir?: string;
  /**
   * The shared compile cache, a folder or redis://HOST:PORT (--cache, or the
   * KILN_CACHE environment variable): compiles go through ccache, and the
   * build says how many the cache answered. @default none
   */
  readonly cache?: string;
  readonly output: Output;
}

/** A progress display: one line rewritten in place on a terminal, or one line per step. */
function progressDisplay(opts: BuildCommandOptions): { show: (p: BuildProgress) => void; done: () => void } {
  const live = opts.live ?? Boolean(process.stderr.isTTY);
  if (!live) return { show: (p) => opts.output.err(p.phase === 'size-study' ? `size study ${p.line}` : p.line), done: () => undefined };
  let shown = false;
  return {
    show: (p) => {
      const step = p.step === 'compile' ? `compiling ${p.what}` : p.step === 'link' ? 'linking' : p.step === 'objcopy' ? `writing ${p.what}` : p.what;
      const phase = p.phase === 'size-study' ? 'size study ' : '';
      const line = `kiln: ${phase}[${p.done}/${p.total}] ${p.images ? `${p.images}: ` : ''}${step}`;
      const width = process.stderr.columns || 100;
      process.stderr.write(`\r\x1b[K${line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line}`);
      shown = true;
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/**
 * Images for a real board that exit through semihosting: a warning naming
 * each, or, when a medium is asked for, an error naming them all (before
 * anything compiles).
 */
function checkHardwareTargets(manifests: Parameters<typeof qemuOnlyImagesForRealBoards>[0], opts: BuildCommandOptions): void {
  const found = qemuOnlyImagesForRealBoards(manifests);
  if (!opts.medium) {
    for (const image of found) opts.output.err(`warning: ${qemuTargetWarning(image)}`);
    return;
  }
  if (found.length) {
    throw new KilnError(found.map((image) => ({
      message: `--medium: image "${image.id}" is built for ${image.board} with target 'qemu', whose semihosting exit (hlt #0xf000) stops the real board`,
      hint: `give it target: 'hardware' (new Image(app, '${image.id}', { ..., target: 'hardware' }), or target: hardware in a spec), or build it without --medium to run it in QEMU`,
    })), { fault: 'user' });
  }
}

/**
 * Writes (--medium) or removes each built image's boot medium, and
 * returns the lines that say what was written.
 */
function writeMedia(outdir: string, dir: string, built: readonly string[], manifests: Parameters<typeof qemuOnlyImagesForRealBoards>[0], opts: BuildCommandOptions): string[] {
  const lines: string[] = [];
  for (const manifest of manifests) {
    if (!built.includes(manifest.id)) continue;
    const folder = `${outdir}/${manifest.id}`;
    if (!opts.medium) {
      removeMedium(folder);
      continue;
    }
    if (typeof manifest.spec.board === 'string' || !mediumKind(manifest.spec.board)) {
      opts.output.err(`kiln: ${manifest.id}: no boot medium for ${manifest.board.id}, which runs in QEMU (kiln run)`);
      continue;
    }
    const medium: MediumResult = writeMedium(folder, {
      cache: cacheDir(),
      ...(opts.firmwareDir ? { firmwareDir: opts.firmwareDir } : {}),
      onProgress: (message) => opts.output.err(`kiln: ${message}`),
    });
    const at = `${dir}/${manifest.id}`;
    if (medium.sdcard) lines.push(`${manifest.id}  medium ${at}/${medium.sdcard.file}  ${medium.sdcard.bytes} B  (FAT32 at byte ${medium.sdcard.partitionOffset}: ${medium.files.join(' ')})`);
    lines.push(`${manifest.id}  boot folder ${at}/${medium.folder}/  ${medium.files.join(' ')}${medium.notes.length ? `  (read ${medium.notes.map((n) => `${at}/${n}`).join(', ')})` : ''}`);
    if (medium.firmware) lines.push(`${manifest.id}  firmware from ${medium.firmware}`);
  }
  return lines;
}

/**
 * Synthesizes the program, compiles every image with ninja, and prints one
 * line per image (id, artifact, size, change since the previous build in
 * the same assembly folder); with `sizes`, each image's size table too
 * (bytes per micro-library, static RAM); with `json`, one document instead.
 */
export async function buildCommand(opts: BuildCommandOptions): Promise<number> {
  const display = opts.progress ? progressDisplay(opts) : undefined;
  try {
    const started = performance.now();
    const cache = parseCompileCache(opts.cache ?? process.env.KILN_CACHE);
    let cached = { hits: 0, misses: 0 };
    const results = await synthFile({ file: opts.file, outdir: opts.outdir, typecheck: opts.typecheck !== false, embedFrom: opts.embedFrom });
    reportWarnings(results, opts.output);
    checkHardwareTargets(results.flatMap((r) => r.images.map((i) => i.manifest)), opts);
    const built: BuiltImage[] = [];
    for (const result of results) {
      // The build replaces each report.json: what the last build made is read first.
      const previous = new Map(result.images.map((i) => [i.id, readPreviousArtifact(result.outdir, i.id)]));
      const { reports, warnings, cacheUse } = await buildAssembly({ outdir: result.outdir, onProgress: display?.show, sizeStudy: opts.sizeStudy ?? false, ...(cache ? { cache } : {}) });
      if (cacheUse) cached = { hits: cached.hits + cacheUse.hits, misses: cached.misses + cacheUse.misses };
      display?.done();
      // What the compilers warned about, as they said it (file:line: warning: ...).
      for (const line of warnings) opts.output.err(line);
      // Below the current folder, as the user would type it; elsewhere, absolute.
      const rel = relative(process.cwd(), result.outdir);
      const dir = rel.startsWith('..') ? result.outdir : rel || '.';
      const images = reports.map((report) => {
        const before = previous.get(report.id);
        return { folder: `${dir}/${report.id}`, report, ...(before ? { previous: before } : {}) };
      });
      built.push(...images);
      const media = writeMedia(result.outdir, dir, reports.map((r) => r.id), result.images.map((i) => i.manifest), opts);
      if (opts.json) continue;
      for (const line of formatBuildLines(images)) opts.output.out(line);
      for (const line of media) opts.output.out(line);
      for (const image of images) {
        if (opts.sizes) {
          for (const line of formatReport(image.report, image.folder)) opts.output.out(line);
        } else {
          for (const s of image.report.sizeStudy?.savings ?? []) opts.output.out(`${image.report.id}: ${s.option} saves ${s.bytes} bytes of image (${s.from} -> ${s.to})`);
        }
      }
    }
    if (opts.json) opts.output.out(JSON.stringify(buildResultDocument(built), null, 2));
    if (cache) opts.output.err(`compile cache ${cache.where}: ${cached.hits} of ${cached.hits + cached.misses} compiles answered, ${cached.misses} compiled`);
    opts.output.err(`built in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return 0;
  } catch (err) {
    display?.done();
    return reportError(err, opts.output);
  }
}
