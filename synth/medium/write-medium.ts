// SPDX-License-Identifier: MIT
/**
 * `kiln build --medium`: what a user copies to the real board, written
 * into a built image's folder from its manifest and artifact.
 *
 * - Raspberry Pi 3 B+ (a board whose artifact is kernel8.img, with the
 *   arm64 Image header so the firmware and U-Boot's booti both take it): `boot/`
 *   with the firmware, config.txt and kernel8.img, and `sdcard.img`, an
 *   MBR disk image with those files on one FAT32 partition.
 * - Ultra96-V2 (a board whose artifact is an arm64 Image): `boot/` with
 *   the Image and boot.scr (mkimage), `boot.cmd` (its source) and
 *   `README.txt` (BOOT.BIN, which the user adds, and the serial settings).
 *
 * `medium.json` lists what was written, so a later build without
 * --medium removes it rather than leave a card image of an older kernel.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KilnError } from '../errors.ts';
import type { ImageManifest } from '../plan/image-manifest.ts';
import type { BoardInfo } from '../spec/board-info.ts';
import { imageHeaderProblems, parseArm64ImageHeader } from './arm64-header.ts';
import { mediumConfigTxt, referencedFiles } from './config-txt.ts';
import { writeFatImage } from './fat-image.ts';
import { RPI3_FIRMWARE_FILES, debianFirmware, firmwareFromFolder, type FirmwareFiles } from './firmware.ts';
import { bootScriptText, uBootReadme } from './u-boot-script.ts';

/** The kinds of boot medium Kiln writes. */
export type MediumKind = 'raspberry-pi' | 'u-boot';

/**
 * The medium a board boots from, or undefined for a board that only runs
 * in QEMU (QEMU virt: `kiln run` is its medium). A board with a boot
 * medium is a real board: an image for it must not depend on semihosting.
 */
export function mediumKind(board: BoardInfo): MediumKind | undefined {
  // The Pi's firmware loads kernel8.img raw or with the arm64 header: the file's name says which medium.
  if (board.artifact.file === 'kernel8.img') return 'raspberry-pi';
  if (board.artifact.form === 'arm64-image') return 'u-boot';
  return undefined;
}

/** The files of a medium's boot folder, in the order a listing shows them, and where each comes from. */
export type MediumFile =
  | { readonly name: string; readonly from: 'artifact' }
  | { readonly name: string; readonly from: 'firmware' }
  | { readonly name: string; readonly from: 'text'; readonly text: string };

/** What goes on a medium: pure, from the board and the image (the boot script needs the Image's size in memory). */
export interface MediumPlan {
  readonly kind: MediumKind;
  /** The boot folder's files (and the FAT partition's, for the Pi). */
  readonly files: readonly MediumFile[];
  /** Files beside the boot folder, for the user to read (README.txt, boot.cmd). */
  readonly notes: readonly { readonly name: string; readonly text: string }[];
}

/**
 * Plans a board's medium.
 *
 * @param imageBytes - the image's extent in memory (the arm64 header's image_size), for the boot script's addresses
 * @throws KilnError for a board without a medium, or a config.txt that contradicts the image or names a file the medium lacks
 */
export function planMedium(opts: { readonly imageId: string; readonly board: BoardInfo; readonly imageBytes: number }): MediumPlan {
  const { board } = opts;
  const kind = mediumKind(board);
  if (kind === 'raspberry-pi') {
    const config = mediumConfigTxt(board);
    const files: MediumFile[] = [
      ...RPI3_FIRMWARE_FILES.map((name) => ({ name, from: 'firmware' as const })),
      { name: 'config.txt', from: 'text', text: config.text },
      { name: board.artifact.file, from: 'artifact' },
    ];
    const have = new Set(files.map((f) => f.name));
    const missing = referencedFiles(config.text).filter((f) => !have.has(f));
    const problems = [
      ...config.problems,
      ...missing.map((f) => `config.txt references ${f}, which the medium does not hold`),
    ];
    if (problems.length) {
      throw new KilnError(problems.map((message) => ({
        message: `board ${board.id}: ${message}`,
        hint: 'fix the board\'s artifact.companions[\'config.txt\']: the firmware must find every file config.txt names',
      })), { fault: 'user' });
    }
    return { kind, files, notes: [] };
  }
  if (kind === 'u-boot') {
    let script: string;
    try {
      script = bootScriptText(opts);
    } catch (cause) {
      throw new KilnError(`board ${board.id}: ${(cause as Error).message}`, { fault: 'user', cause });
    }
    return {
      kind,
      files: [{ name: board.artifact.file, from: 'artifact' }, { name: 'boot.scr', from: 'text', text: script }],
      notes: [{ name: 'boot.cmd', text: script }, { name: 'README.txt', text: uBootReadme(opts) }],
    };
  }
  throw new KilnError([{
    message: `board ${board.id} has no boot medium: it runs in QEMU (kiln run)`,
    hint: 'boot media are written for the Raspberry Pi 3 B+ (kernel8.img) and boards booted by U-Boot (arm64 Image)',
  }], { fault: 'user' });
}

/** What writeMedium() wrote, relative to the image folder. */
export interface MediumResult {
  readonly kind: MediumKind;
  /** The boot folder ('boot') and its files, in order. */
  readonly folder: string;
  readonly files: readonly string[];
  /** The disk image, for the Pi. */
  readonly sdcard?: { readonly file: string; readonly bytes: number; readonly partitionOffset: number; readonly partitionBytes: number };
  /** README.txt and the like. */
  readonly notes: readonly string[];
  /** Where the firmware came from, for the Pi. */
  readonly firmware?: string;
}

/** Options of writeMedium(). */
export interface WriteMediumOptions {
  /** A folder holding the firmware files to use instead of Debian's package (--firmware). */
  readonly firmwareDir?: string;
  /** The user cache, where Debian's firmware package is kept. */
  readonly cache: string;
  readonly onProgress?: (message: string) => void;
}

/** The record of what a medium wrote, in the image folder. */
const RECORD = 'medium.json';
/** Times of the files on the FAT partition (FAT cannot store 1970). */
const FILE_TIME = new Date(Date.UTC(2000, 0, 1));

/**
 * Writes the medium of a built image folder (its manifest.json and
 * artifact must be there), replacing what an earlier one wrote.
 */
export function writeMedium(folder: string, opts: WriteMediumOptions): MediumResult {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as ImageManifest;
  const board = manifest.spec.board;
  if (typeof board === 'string') throw new KilnError(`${folder}/manifest.json names board ${board} without its description`, { fault: 'kiln' });
  // First, so a medium that cannot be written now never stays beside a newer image.
  removeMedium(folder);
  const artifact = join(folder, manifest.artifact.file);
  if (board.artifact.form === 'arm64-image') {
    const problems = imageHeaderProblems(readFileSync(artifact), board);
    if (problems.length) {
      throw new KilnError(problems.map((p) => ({
        message: `image ${manifest.id}: ${board.artifact.file}: ${p}`,
        hint: `a loader that reads the header (booti, the Raspberry Pi firmware) would put it elsewhere: give board ${board.id} a loadAddress 0x80000 above a 2 MiB boundary of its RAM`,
      })), { fault: 'user' });
    }
  }
  const plan = planMedium({ imageId: manifest.id, board, imageBytes: imageExtent(artifact, board) });
  let firmware: FirmwareFiles | undefined;
  const firmwareNames = plan.files.filter((f) => f.from === 'firmware').map((f) => f.name);
  if (firmwareNames.length) {
    firmware = opts.firmwareDir ? firmwareFromFolder(opts.firmwareDir, firmwareNames) : debianFirmware(opts.cache, firmwareNames, opts.onProgress);
  }
  const staging = join(folder, `.boot.writing-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const f of plan.files) {
    const to = join(staging, f.name);
    if (f.from === 'artifact') copyFileSync(artifact, to);
    else if (f.from === 'firmware') copyFileSync(firmware!.paths[f.name]!, to);
    else if (f.name === 'boot.scr') compileScript(f.text, manifest.id, to);
    else writeFileSync(to, f.text);
  }
  for (const n of plan.notes) writeFileSync(join(folder, n.name), n.text);
  renameSync(staging, join(folder, 'boot'));
  let sdcard: MediumResult['sdcard'];
  if (plan.kind === 'raspberry-pi') {
    const paths = Object.fromEntries(plan.files.map((f) => [f.name, join(folder, 'boot', f.name)]));
    const bytes = Object.values(paths).reduce((sum, p) => sum + statSync(p).size, 0);
    const volumeId = createHash('sha256').update(readFileSync(artifact)).digest().readUInt32LE(0);
    const layout = writeFatImage(join(folder, 'sdcard.img'), paths, { label: 'KILNBOOT', volumeId, bytes, time: FILE_TIME });
    sdcard = {
      file: 'sdcard.img',
      bytes: statSync(join(folder, 'sdcard.img')).size,
      partitionOffset: layout.startSector * 512,
      partitionBytes: layout.sectors * 512,
    };
  }
  const result: MediumResult = {
    kind: plan.kind,
    folder: 'boot',
    files: plan.files.map((f) => f.name),
    notes: plan.notes.map((n) => n.name),
    ...(sdcard ? { sdcard } : {}),
    ...(firmware ? { firmware: firmware.source } : {}),
  };
  writeFileSync(join(folder, RECORD), `${JSON.stringify({ kiln: 'medium/1', ...result }, null, 2)}\n`);
  return result;
}

/** Removes what an earlier writeMedium() wrote in the image folder (nothing when there was none). */
export function removeMedium(folder: string): void {
  const record = join(folder, RECORD);
  if (!existsSync(record)) return;
  let written: Partial<MediumResult>;
  try {
    written = JSON.parse(readFileSync(record, 'utf8')) as Partial<MediumResult>;
  } catch {
    written = {};
  }
  rmSync(join(folder, 'boot'), { recursive: true, force: true });
  for (const name of [...(written.notes ?? []), ...(written.sdcard ? [written.sdcard.file] : [])]) {
    if (/^[\w.-]+$/.test(name)) rmSync(join(folder, name), { force: true });
  }
  rmSync(record, { force: true });
}

/**
 * How far the image reaches in memory from its load address: the arm64
 * header's image_size (.bss included) when it has one, else the file.
 */
function imageExtent(artifact: string, board: BoardInfo): number {
  const bytes = readFileSync(artifact);
  const header = board.artifact.form === 'arm64-image' ? parseArm64ImageHeader(bytes) : undefined;
  return header ? header.imageSize : bytes.length;
}

/** boot.scr: the script compiled by mkimage (u-boot-tools), with a fixed time so the bytes are reproducible. */
function compileScript(text: string, id: string, to: string): void {
  const source = `${to}.cmd`;
  writeFileSync(source, text);
  try {
    execFileSync('mkimage', ['-A', 'arm64', '-O', 'linux', '-T', 'script', '-C', 'none', '-n', `Kiln ${id}`.slice(0, 31), '-d', source, to], {
      stdio: 'pipe',
      env: { ...process.env, SOURCE_DATE_EPOCH: String(FILE_TIME.getTime() / 1000) },
    });
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new KilnError([{
      message: missing ? 'mkimage is not installed: boot.scr cannot be written' : `mkimage failed: ${String((cause as { stderr?: Buffer }).stderr ?? cause).trim()}`,
      hint: missing ? 'install Debian\'s u-boot-tools (scripts/setup.sh does)' : 'run with --debug for the cause',
    }], { cause, fault: missing ? 'user' : 'kiln' });
  } finally {
    rmSync(source, { force: true });
  }
}
