// SPDX-License-Identifier: MIT
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildReport } from '../../synth/build.ts';
import { readImageManifest } from '../../synth/build.ts';
import { loadRunnableImage, qemuCommand } from '../../synth/run.ts';
import type { BenchApplication } from '../applications.ts';

/** How long one `kiln build` took, and what it said. */
export interface TimedBuild {
  readonly ms: number;
  readonly code: number;
  readonly output: string;
}

/** A built Kiln image, ready to boot. */
export interface KilnImage {
  readonly id: string;
  /** QEMU's command line, -kernel included. */
  readonly command: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly artifactBytes: number;
  readonly elfBytes: number;
}

/** How QEMU starts a board's images, minus -kernel: taken from a Kiln manifest. */
export interface QemuFlags {
  readonly binary: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Runs the real `kiln build PROGRAM -o OUTDIR` (bin/kiln.js under this
 * Node) and times it from spawn to exit, as a user would see it.
 */
export function timeKilnBuild(root: string, app: BenchApplication, outdir: string): Promise<TimedBuild> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(root, 'bin', 'kiln.js'), 'build', app.program, '-o', outdir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A clean build compiles everything: never through a compile cache the caller's environment names.
      env: { ...process.env, KILN_CACHE: '' },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { output += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code: code ?? 1, output });
    });
  });
}

/** A built image's QEMU command and sizes (refuses one that is not built or changed since). */
export function loadKilnImage(outdir: string, id: string): KilnImage {
  const dir = join(outdir, id);
  const manifest = loadRunnableImage(dir);
  const report = JSON.parse(readFileSync(join(dir, manifest.files.report), 'utf8')) as BuildReport;
  return {
    id,
    command: qemuCommand(dir, manifest),
    env: manifest.qemu.env,
    artifactBytes: report.artifact.bytes,
    elfBytes: report.elf.bytes,
  };
}

/** The QEMU flags an image's manifest gives its board; synthesized is enough, no build needed. */
export function qemuFlagsOf(outdir: string, id: string): QemuFlags {
  const { qemu } = readImageManifest(outdir, id);
  return { binary: qemu.binary, args: qemu.args, env: qemu.env };
}
