// SPDX-License-Identifier: MIT
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tryReadAssemblyManifest, writeIfChanged } from './assembly.ts';
import { lockAssembly } from './assembly-lock.ts';
import { checkBudget, type BudgetReport } from './budget.ts';
import { cacheDir, fetchSources } from './fetch/index.ts';
import { POSIX_CALLS_FILE, writePosixCallsReport } from './report/posix-calls.ts';
import { KilnError } from './errors.ts';
import { SOURCE_DATE_EPOCH } from './plan/ninja.ts';
import type { ImageManifest } from './plan/image-manifest.ts';
import { contentBytesOf, imageReport, reportInputs, type BuildReport, type SizeSaving } from './report/image-report.ts';
import { findToolchain, missingCxxCompilers } from './toolchain.ts';
import { hasProgram, requireTools, type HostTool } from './tools.ts';
import type { ToolchainId } from './spec/image-spec.ts';
import { cacheCounters, cacheEnvironment, type CacheUse, type CompileCache } from './compile-cache.ts';

export type { BuildReport, SizeSaving } from './report/image-report.ts';
export { formatReport } from './report/table.ts';

/** One step ninja started, as `kiln build` shows it. */
export interface BuildProgress {
  /** Steps finished or started so far, and in all (ninja's %f/%t). */
  readonly done: number;
  readonly total: number;
  readonly step: 'compile' | 'link' | 'objcopy' | 'other';
  /** What the step works on: a source, or an image. */
  readonly what: string;
  /** The images the step is for, as ninja's description gives them ("hello +9"). */
  readonly images: string;
  /** Phase of the whole build: compiling and linking, or measuring a size study. */
  readonly phase: 'build' | 'size-study';
  /** ninja's line. */
  readonly line: string;
}

/** Options of buildAssembly(). */
export interface BuildOptions {
  /** The assembly folder written by synth. */
  readonly outdir: string;
  /** Image ids to build. @default every image in the assembly */
  readonly images?: readonly string[];
  /** Called as each step starts. */
  readonly onProgress?: (progress: BuildProgress) => void;
  /** Told about the fetch step's slow work (a download, a generation). @default a line on stderr */
  readonly onFetchProgress?: (message: string) => void;
  /** Parallel jobs. @default ninja's own default */
  readonly jobs?: number;
  /**
   * Also link each image without --gc-sections and with LTO flipped, and
   * report what each option saves. Costs a second set of compiles.
   * @default false
   */
  readonly sizeStudy?: boolean;
  /** Send compiles through the shared compile cache (a folder or redis://). @default none */
  readonly cache?: CompileCache;
}

/** What a build did. */
export interface BuildResult {
  readonly reports: readonly BuildReport[];
  /** ninja's full output. */
  readonly log: string;
  /** What the compilers and linker said besides progress (warnings), line by line. */
  readonly warnings: readonly string[];
  /** Milliseconds ninja ran (the build proper, without synth and reports). */
  readonly ninjaMs: number;
  /** What the compile cache answered, when the build used one. */
  readonly cacheUse?: CacheUse;
}

/** The tools a toolchain needs, for requireTools. */
function toolsFor(ids: Iterable<ToolchainId>): HostTool[] {
  const tools = new Map<string, HostTool>([['ninja', { program: 'ninja', debianPackage: 'ninja-build' }]]);
  for (const id of ids) for (const t of findToolchain(id).tools) tools.set(t.program, t);
  // The report reads DWARF with GNU readelf whichever backend built the image.
  tools.set('aarch64-linux-gnu-readelf', { program: 'aarch64-linux-gnu-readelf', debianPackage: 'binutils-aarch64-linux-gnu' });
  return [...tools.values()];
}

/**
 * Runs ninja over the assembly and writes each built image's report.json
 * and sbom.spdx.json. On failure, every requested image that is not up to
 * date loses its ELF, artifact and report, so nothing stale looks like a
 * good image, and the error names the source that failed and the images
 * that needed it.
 */
export async function buildAssembly(opts: BuildOptions): Promise<BuildResult> {
  const manifest = tryReadAssemblyManifest(opts.outdir);
  if (!manifest) throw new KilnError(`${opts.outdir} is not a Kiln assembly folder (no manifest.json): run kiln synth first`);
  lockAssembly(opts.outdir);
  const ids = opts.images ?? manifest.images.map((i) => i.id);
  const images = ids.map((id) => readImageManifest(opts.outdir, id));
  requireTools(toolsFor(new Set(images.map((m) => m.toolchain as ToolchainId))));
  // C++ needs a compiler of its own, which a C-only host may lack: one line per missing program, naming a C++ source.
  const noCxx = missingCxxCompilers(images.map((m) => ({ id: m.id, toolchain: findToolchain(m.toolchain as ToolchainId), sources: planSources(opts.outdir, m) })), hasProgram);
  if (noCxx.length) throw new KilnError(noCxx);
  // The fetch step: upstream sources into the user cache, where build.ninja reads them.
  fetchSources(manifest.fetch?.sources ?? [], {
    cache: manifest.fetch?.cache ?? cacheDir(),
    onProgress: opts.onFetchProgress ?? ((message) => process.stderr.write(`kiln: ${message}\n`)),
  });
  // Reports are removed before ninja runs (a failed build must not leave one), but kept in memory:
  // an image whose ELF, artifact and plan did not change gets its report back as it was.
  const previous = new Map<string, string>();
  for (const m of images) {
    const file = join(opts.outdir, m.id, m.files.report);
    if (existsSync(file)) previous.set(m.id, readFileSync(file, 'utf8'));
    rmSync(file, { force: true });
    // An ELF or artifact that is not what the last build wrote (truncated, edited) is rebuilt, not trusted.
    const old = tryParse(previous.get(m.id) ?? '');
    if (old && !outputsAsRecorded(join(opts.outdir, m.id), m, old)) {
      for (const f of [m.files.elf, m.files.artifact]) rmSync(join(opts.outdir, m.id, f), { force: true });
    }
  }

  const jobs = opts.jobs ? ['-j', String(opts.jobs)] : [];
  const env = cacheEnvironment(opts.cache);
  const before = opts.cache && cacheCounters(opts.cache, env);
  const started = performance.now();
  const { code, log } = await runNinja(['-C', opts.outdir, '-k', '0', ...jobs, ...ids], (p) => opts.onProgress?.({ ...p, phase: 'build' }), env);
  const ninjaMs = performance.now() - started;
  if (code !== 0) {
    for (const m of images) {
      if (!(await upToDate(opts.outdir, m.id))) {
        for (const f of [m.files.elf, m.files.artifact, m.files.map]) rmSync(join(opts.outdir, m.id, f), { force: true });
      }
    }
    throw new KilnError(failures(log, images, opts.outdir), { cause: new Error(log) });
  }
  let studies = new Map<string, SizeSaving[]>();
  if (opts.sizeStudy) {
    const study = await runNinja(['-C', opts.outdir, '-k', '0', ...jobs, ...ids.map((id) => `${id}/size-study`)], (p) => opts.onProgress?.({ ...p, phase: 'size-study' }), env);
    if (study.code !== 0) throw new KilnError(failures(study.log, images, opts.outdir), { cause: new Error(study.log) });
    studies = new Map(images.map((m) => [m.id, sizeSavings(opts.outdir, m)]));
  }
  // Objects no image uses any more (an option changed, a library left): ninja knows them from its log.
  await runNinja(['-C', opts.outdir, '-t', 'cleandead']);
  const reports = images.map((m) => writeReports(opts.outdir, m, studies.get(m.id), previous.get(m.id)));
  // Which POSIX calls each application reached, and which Kiln satisfies (images with the POSIX layer).
  for (const m of images) {
    if (!m.libraries.includes('posix-enosys')) continue;
    const dir = join(opts.outdir, m.id);
    const calls = statSync(join(dir, POSIX_CALLS_FILE), { throwIfNoEntry: false });
    if (!calls || calls.mtimeMs < statSync(join(dir, m.files.elf)).mtimeMs) writePosixCallsReport(dir);
  }
  // Budgets: an image over its limits is not a good image, so it loses its report (kiln run refuses it).
  const overruns = images.flatMap((m, i) => {
    const before = previous.get(m.id);
    const problems = checkBudget(m.id, m.spec.budget, reports[i], before ? JSON.parse(before) as BudgetReport : undefined);
    if (problems.length) rmSync(join(opts.outdir, m.id, m.files.report), { force: true });
    return problems;
  });
  if (overruns.length) throw new KilnError(overruns);
  const after = opts.cache && cacheCounters(opts.cache, env);
  const cacheUse = opts.cache && before && after ? { cache: opts.cache, hits: after.hits - before.hits, misses: after.misses - before.misses } : undefined;
  return { reports, log, warnings: userCompilerOutput(log), ninjaMs, ...(cacheUse ? { cacheUse } : {}) };
}

/**
 * What the compiler said about the user's own sources in a successful
 * ninja log (their warnings, as the compiler wrote them). Output about
 * Kiln's libraries and upstream sources is Kiln's to fix, not the user's
 * to read: a compile's lines follow its "[n/m] CC <source>" line, and the
 * user's sources are the absolute ones (Kiln's are {kiln}/..., {upstream}/...).
 */
export function userCompilerOutput(log: string): string[] {
  const out: string[] = [];
  let user = false;
  for (const line of log.split('\n')) {
    const step = /^\[\d+\/\d+\] (\S+) (\S+)/.exec(line);
    if (step) {
      user = step[1] === 'CC' && step[2].startsWith('/');
      continue;
    }
    if (user && line.trim() && !/^ninja: /.test(line)) out.push(line);
  }
  return out;
}

/** The sources an image's link plan compiles, as linkplan.yaml names them (none when it cannot be read). */
function planSources(outdir: string, m: ImageManifest): string[] {
  try {
    const plan = parse(readFileSync(join(outdir, m.id, m.files.linkPlan), 'utf8')) as { libraries?: { sources?: string[] }[] };
    return (plan.libraries ?? []).flatMap((l) => l.sources ?? []);
  } catch {
    return [];
  }
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

/** The study's numbers: what each option saves, from the ELFs the variants linked. */
function sizeSavings(outdir: string, m: ImageManifest): SizeSaving[] {
  const dir = join(outdir, m.id);
  const base = contentBytesOf(join(dir, m.files.elf), join(dir, m.files.map));
  const variant = (name: string) => contentBytesOf(join(dir, 'size-study', `${name}.elf`), join(dir, 'size-study', `${name}.map`));
  const savings: SizeSaving[] = [];
  const noGc = variant('no-gc');
  if (noGc) savings.push({ option: '--gc-sections', bytes: noGc - base, from: noGc, to: base });
  const noLto = variant('no-lto');
  if (noLto) savings.push({ option: 'LTO', bytes: noLto - base, from: noLto, to: base });
  const lto = variant('lto');
  if (lto) savings.push({ option: 'LTO (off in this image)', bytes: base - lto, from: base, to: lto });
  return savings;
}

const STUDY_METHOD = 'The same objects linked again without --gc-sections, and the image compiled and linked again with LTO flipped; '
  + 'bytes are the code and data of each ELF (input sections in text, rodata and data; alignment padding excluded).';

function writeReports(outdir: string, m: ImageManifest, savings: SizeSaving[] | undefined, previous: string | undefined): BuildReport {
  const dir = join(outdir, m.id);
  const files = { outdir, id: m.id, elf: m.files.elf, map: m.files.map, artifact: m.artifact.file, linkPlan: m.files.linkPlan };
  const old = previous ? tryParse(previous) : undefined;
  // kiln run checks the manifest it runs from against this hash.
  const manifestSha256 = createHash('sha256').update(readFileSync(join(dir, 'manifest.json'))).digest('hex');
  if (!savings && old?.kiln === 'build-report/1' && old.sbom && !old.sizeStudy && old.inputs === reportInputs(files) && old.manifestSha256 === manifestSha256 && existsSync(join(dir, old.sbom))) {
    writeIfChanged(join(dir, m.files.report), previous!);
    return old as BuildReport;
  }
  const built = imageReport(files, { epoch: SOURCE_DATE_EPOCH, ...(savings ? { sizeStudy: { method: STUDY_METHOD, savings } } : {}) });
  const sbom = built.sbom;
  const report: BuildReport = { ...built.report, manifestSha256 };
  writeIfChanged(join(dir, report.sbom), `${JSON.stringify(sbom, null, 2)}\n`);
  // Written last: its presence, with the artifact's hash, is what `kiln run` trusts.
  writeIfChanged(join(dir, m.files.report), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** Whether an image's ELF and artifact are still the ones its last report describes. */
function outputsAsRecorded(dir: string, m: ImageManifest, report: Partial<BuildReport>): boolean {
  const elf = statSync(join(dir, m.files.elf), { throwIfNoEntry: false });
  const artifact = join(dir, m.artifact.file);
  if (!elf || elf.size !== report.elf?.bytes || !existsSync(artifact)) return false;
  return createHash('sha256').update(readFileSync(artifact)).digest('hex') === report.artifact?.sha256;
}

/** A previous report, or undefined when it is not one (truncated, garbled): it is then written anew. */
function tryParse(text: string): Partial<BuildReport> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Partial<BuildReport>) : undefined;
  } catch {
    return undefined;
  }
}

const STATUS = /^\[(\d+)\/(\d+)\] (CC|LINK|OBJCOPY) (.*)$/;

/** Reads ninja's status line ("[3/12] CC lib/console/console.c (hello +2)") into a progress event. */
export function parseProgress(line: string): Omit<BuildProgress, 'phase'> | undefined {
  const m = STATUS.exec(line);
  if (!m) {
    const plain = /^\[(\d+)\/(\d+)\] (.*)$/.exec(line);
    return plain ? { done: Number(plain[1]), total: Number(plain[2]), step: 'other', what: plain[3], images: '', line } : undefined;
  }
  const [, done, total, kind, rest] = m;
  const step = kind === 'CC' ? 'compile' : kind === 'LINK' ? 'link' : 'objcopy';
  const paren = /^(.*?) \((.*)\)$/.exec(rest);
  const what = paren ? paren[1] : rest;
  const images = kind === 'CC' ? (paren?.[2] ?? '') : rest.split(/[/ ]/)[0];
  return { done: Number(done), total: Number(total), step, what, images, line };
}

function runNinja(args: readonly string[], onProgress?: (p: Omit<BuildProgress, 'phase'>) => void, env: Record<string, string> = cacheEnvironment(undefined)): Promise<{ code: number; log: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('ninja', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, NINJA_STATUS: '[%f/%t] ' } });
    let log = '';
    let pending = '';
    // Each stream decodes its own UTF-8, so a character split between two
    // chunks (gcc's quotes are three bytes) is not mangled.
    const take = (text: string) => {
      log += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const p = parseProgress(line);
        if (p) onProgress?.(p);
      }
    };
    child.stdout.setEncoding('utf8').on('data', take);
    child.stderr.setEncoding('utf8').on('data', take);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, log }));
  });
}

async function upToDate(outdir: string, id: string): Promise<boolean> {
  const { code, log } = await runNinja(['-C', outdir, '-n', id]);
  return code === 0 && /no work to do/.test(log);
}

/** Which images link an object, from their link plans. */
function usersOf(object: string, images: readonly ImageManifest[], outdir: string): string[] {
  return images.filter((m) => {
    try {
      const plan = parse(readFileSync(join(outdir, m.id, m.files.linkPlan), 'utf8')) as { libraries?: { objects?: string[] }[]; generated?: { object: string }[] };
      return (plan.libraries ?? []).some((l) => (l.objects ?? []).includes(object)) || (plan.generated ?? []).some((g) => g.object === object);
    } catch {
      return false;
    }
  }).map((m) => m.id);
}

/** Lines of a compiler's or linker's output that say what is wrong, rather than that something was. */
const DIAGNOSTIC = /error:|undefined reference|multiple definition|cannot find|undefined symbol|duplicate symbol/;
/** Summary lines that only say a tool failed: the lines before them say why. */
const SUMMARY = /^collect2: error: ld returned|linker command failed with exit code|^ninja:/;

/** The sources of an assembly's objects, from its link plans, to name them in linker messages. */
function objectSources(images: readonly ImageManifest[], outdir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of images) {
    try {
      const plan = parse(readFileSync(join(outdir, m.id, m.files.linkPlan), 'utf8')) as { libraries?: { sources?: string[]; objects?: string[] }[] };
      for (const l of plan.libraries ?? []) (l.objects ?? []).forEach((o, i) => { if (l.sources?.[i]) out.set(o, l.sources[i]); });
    } catch {
      // A plan that cannot be read names no sources; the objects stay as they are.
    }
  }
  return out;
}

/** A linker line as the user can act on it: objects named by their sources, the linker's path and offsets left out. */
function readable(line: string, sources: ReadonlyMap<string, string>): string {
  return line
    .replace(/^\S*\/ld(\.\w+)?: /, '')
    .replace(/_shared\/obj\/[^\s:;()]+\.o/g, (o) => sources.get(o) ?? o)
    .replace(/ \(symbol from plugin\)/g, '')
    .replace(/\(\.text[^)]*\):?/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Turns ninja's FAILED blocks into problems naming the failing source, the
 * images that need it and what the compiler or linker said was wrong (the
 * first few of its error lines, not its closing "ld returned 1").
 */
function failures(log: string, images: readonly ImageManifest[], outdir: string) {
  const problems: { message: string; hint?: string }[] = [];
  const blocks = log.split(/^FAILED: /m).slice(1);
  const sources = blocks.length ? objectSources(images, outdir) : new Map<string, string>();
  for (const block of blocks) {
    const [outputLine = '', command = '', ...rest] = block.split('\n');
    const output = outputLine.trim().split(' ')[0];
    const source = / -c (\S+) -o /.exec(command)?.[1]?.replace(/^.*?\/(lib|boards)\//, '$1/');
    const lines = rest.map((l) => l.trim());
    // The linker names the object on the line before ("x.o: in function `main':"), the problem on the next.
    const said = lines.flatMap((l, i) => {
      if (!DIAGNOSTIC.test(l) || SUMMARY.test(l)) return [];
      const where = /^(.*?): in function /.exec(lines[i - 1] ?? '')?.[1];
      return [readable(where ? `${where}: ${l}` : l, sources)];
    });
    const shown = [...new Set(said)].slice(0, 3);
    const owners = source ? usersOf(output, images, outdir) : images.filter((m) => output.startsWith(`${m.id}/`)).map((m) => m.id);
    const who = owners.length === 1 ? ` (image ${owners[0]})` : owners.length > 1 ? ` (images ${owners.join(', ')})` : '';
    const what = source ? `compiling ${source}` : `linking ${output}`;
    const fallback = rest.map((l) => l.trim()).find((l) => SUMMARY.test(l) && !l.startsWith('ninja:'));
    problems.push({
      message: `${what} failed${who}${shown.length ? `: ${shown.join('\n  ')}` : fallback ? `: ${fallback}` : ''}`,
      hint: 'run with --debug for the compiler\'s full output',
    });
  }
  if (problems.length === 0) problems.push({ message: `ninja failed:\n${log.trim().split('\n').slice(-15).join('\n')}` });
  return problems;
}
