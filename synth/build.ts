// SPDX-License-Identifier: MIT
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tryReadAssemblyManifest, writeIfChanged } from './assembly.ts';
import { KilnError } from './errors.ts';
import type { ImageManifest } from './plan/manifest.ts';
import { requireTools } from './tools.ts';

/** Options of buildAssembly(). */
export interface BuildOptions {
  /** The assembly folder written by synth. */
  readonly outdir: string;
  /** Image ids to build. @default every image in the assembly */
  readonly images?: readonly string[];
  /** Called with each line of progress (ninja's "[n/m] CC ..."). */
  readonly onProgress?: (line: string) => void;
  /** Parallel jobs. @default ninja's own default */
  readonly jobs?: number;
}

/** report.json: written only after an image built; its presence means the artifact is good. */
export interface BuildReport {
  readonly kiln: 'build-report/1';
  readonly id: string;
  readonly artifact: { readonly file: string; readonly bytes: number; readonly sha256: string };
  readonly elf: { readonly file: string; readonly bytes: number };
}

/** What a build did. */
export interface BuildResult {
  readonly reports: readonly BuildReport[];
  /** ninja's full output. */
  readonly log: string;
}

/**
 * Runs ninja over the assembly and writes each built image's report.json.
 * On failure, every requested image that is not up to date loses its ELF,
 * artifact and report, so nothing stale looks like a good image, and the
 * error names the source that failed to compile.
 */
export async function buildAssembly(opts: BuildOptions): Promise<BuildResult> {
  const manifest = tryReadAssemblyManifest(opts.outdir);
  if (!manifest) throw new KilnError(`${opts.outdir} is not a Kiln assembly folder (no manifest.json): run kiln synth first`);
  const ids = opts.images ?? manifest.images.map((i) => i.id);
  const images = ids.map((id) => readImageManifest(opts.outdir, id));
  requireTools([
    { program: 'ninja', debianPackage: 'ninja-build' },
    ...[...new Set(images.map((m) => m.toolchain))].flatMap(() => [
      { program: 'aarch64-linux-gnu-gcc', debianPackage: 'gcc-aarch64-linux-gnu' },
      { program: 'aarch64-linux-gnu-objcopy', debianPackage: 'binutils-aarch64-linux-gnu' },
    ]),
  ]);
  for (const m of images) rmSync(join(opts.outdir, m.id, m.files.report), { force: true });

  const args = ['-C', opts.outdir, '-k', '0', ...(opts.jobs ? ['-j', String(opts.jobs)] : []), ...ids];
  const { code, log } = await runNinja(args, opts.onProgress);
  if (code !== 0) {
    for (const m of images) {
      if (!(await upToDate(opts.outdir, m.id))) {
        for (const f of [m.files.elf, m.files.artifact, m.files.map]) rmSync(join(opts.outdir, m.id, f), { force: true });
      }
    }
    throw new KilnError(failures(log, ids), { cause: new Error(log) });
  }
  const reports = images.map((m) => writeReport(opts.outdir, m));
  return { reports, log };
}

/** Reads one image's manifest.json, or says that the image is not in the assembly. */
export function readImageManifest(outdir: string, id: string): ImageManifest {
  const file = join(outdir, id, 'manifest.json');
  if (!existsSync(file)) {
    const known = tryReadAssemblyManifest(outdir)?.images.map((i) => i.id) ?? [];
    throw new KilnError([{
      message: `no image "${id}" in ${outdir}`,
      hint: known.length ? `images there: ${known.join(', ')}` : 'run kiln synth or kiln build first',
    }]);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as ImageManifest;
}

function writeReport(outdir: string, m: ImageManifest): BuildReport {
  const dir = join(outdir, m.id);
  const artifact = readFileSync(join(dir, m.artifact.file));
  const report: BuildReport = {
    kiln: 'build-report/1',
    id: m.id,
    artifact: { file: m.artifact.file, bytes: artifact.length, sha256: createHash('sha256').update(artifact).digest('hex') },
    elf: { file: m.files.elf, bytes: statSync(join(dir, m.files.elf)).size },
  };
  writeIfChanged(join(dir, m.files.report), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

function runNinja(args: readonly string[], onProgress?: (line: string) => void): Promise<{ code: number; log: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('ninja', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NINJA_STATUS: '[%f/%t] ' } });
    let log = '';
    let pending = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      log += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (/^\[\d+\/\d+\] /.test(line)) onProgress?.(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, log }));
  });
}

async function upToDate(outdir: string, id: string): Promise<boolean> {
  const { code, log } = await runNinja(['-C', outdir, '-n', id]);
  return code === 0 && /no work to do/.test(log);
}

/** Turns ninja's FAILED blocks into problems naming the failing source and the compiler's first error. */
function failures(log: string, ids: readonly string[]) {
  const problems: { message: string; hint?: string }[] = [];
  const blocks = log.split(/^FAILED: /m).slice(1);
  for (const block of blocks) {
    const [output = '', command = '', ...rest] = block.split('\n');
    const source = / -c (\S+) -o /.exec(command)?.[1]?.replace(/^.*?\/(lib|boards)\//, '$1/');
    const firstError = rest.find((l) => /error:|undefined reference|cannot find/.test(l))?.trim();
    const image = ids.find((id) => output.startsWith(`${id}/`));
    const what = source ? `compiling ${source}` : `building ${output.trim()}`;
    problems.push({
      message: `${what} failed${image ? ` (image ${image})` : ''}${firstError ? `: ${firstError}` : ''}`,
      hint: 'the compiler output above has the details; run with --debug for the full log',
    });
  }
  if (problems.length === 0) problems.push({ message: `ninja failed:\n${log.trim().split('\n').slice(-15).join('\n')}` });
  return problems;
}
