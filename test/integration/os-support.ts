// SPDX-License-Identifier: MIT
// Shared by the os-* integration tests: build a fixture program with the
// real CLI, boot its images in QEMU with a time limit, read figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildReport } from '../../synth/build.ts';
import type { RunResult } from '../../synth/run.ts';
import { runImagePatiently } from '../helpers/watchdog.ts';
import { kiln, tempDir } from '../helpers/cli.ts';

/** The boards' short names, as the fixtures under test/fixtures/programs/os-*.ts put them in image ids. */
export const BOARDS = ['virt', 'rpi3', 'ultra96'] as const;

/**
 * How long a booting guest may stay silent before it counts as hung, on a
 * quiet machine: well above any pause in a normal boot. The watchdog scales
 * it by the machine's load and resets it on every line of console output.
 */
export const BOOT_TIMEOUT_MS = 20_000;

/** Builds a fixture program with `kiln build PROGRAM -o DIR`; returns DIR, or throws with kiln's output. */
export async function buildProgram(program: string): Promise<string> {
  const out = join(tempDir('kiln-os-'), 'kiln.out');
  const r = await kiln(['build', program, '-o', out], { timeoutMs: 240_000 });
  if (r.code !== 0) throw new Error(`kiln build ${program} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** A boot of one image, with how long it took. */
export interface Boot extends RunResult {
  readonly ms: number;
}

/** Boots one built image, capturing its console. */
export async function boot(outdir: string, id: string, qemuArgs: readonly string[] = []): Promise<Boot> {
  const started = Date.now();
  const r = await runImagePatiently({ imageDir: join(outdir, id), quietMs: BOOT_TIMEOUT_MS, qemuArgs });
  return { ...r, ms: Date.now() - started };
}

/** The build report of an image (artifact and ELF sizes). */
export function buildReport(outdir: string, id: string): BuildReport {
  return JSON.parse(readFileSync(join(outdir, id, 'report.json'), 'utf8')) as BuildReport;
}

/** The first capture group of `pattern` in `text`, as a number, or NaN. */
export function figure(text: string, pattern: RegExp): number {
  return Number(pattern.exec(text)?.[1]);
}
