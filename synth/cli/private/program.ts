// SPDX-License-Identifier: MIT
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCatalog } from '../../catalog/index.ts';
import { typecheckProgram } from './typecheck.ts';
import { cacheDir } from '../../fetch/index.ts';
import { KilnError } from '../../errors.ts';
import { fileKind, projectFolder } from '../../host-files.ts';
import { loadSpecFile, type SpecOrigins } from '../../spec/spec-file.ts';
import { synthesize, type AssemblyResult, type ImageOrigins } from '../../synthesize.ts';
import type { ImageSpec } from '../../spec/image-spec.ts';

const SYNTHESIZED = Symbol.for('kiln.synthesized');
const PROGRAM_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];
const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Options for running a user's program. */
export interface ProgramOptions {
  /** The image.ts (or .js) file. */
  readonly file: string;
  /** The assembly folder the program's App writes to. */
  readonly outdir: string;
  /** Type-check a TypeScript program before running it. @default true */
  readonly typecheck?: boolean;
  /**
   * Folders (besides the project folder of `file`) that embedded host
   * files may come from: `--embed-from`. Relative to the current folder.
   * @default none
   */
  readonly embedFrom?: readonly string[];
}

/** Where the CLI tells a program's App which folders it allows embeds from (a JSON array), as KILN_OUTDIR tells its outdir. */
export const EMBED_FROM_VARIABLE = 'KILN_EMBED_FROM';

/**
 * Synthesizes FILE: a program (image.ts) is run; a spec file (YAML/JSON,
 * one image or a fleet) is validated against the published schema and the
 * library catalog, and written only when it has no problem at all.
 */
export async function synthFile(opts: ProgramOptions): Promise<AssemblyResult[]> {
  if (SPEC_EXTENSIONS.includes(extname(opts.file))) return [synthSpecFile(opts)];
  return synthProgram(opts);
}

/** Loads and synthesizes a spec file; every problem carries the file's line and JSON pointer. */
export function synthSpecFile(opts: ProgramOptions): AssemblyResult {
  if (!existsSync(opts.file)) throw new KilnError(`${opts.file}: no such file`);
  // Each image is checked against Kiln's catalog joined with its own library folders (relative to the file).
  const base = dirname(resolve(opts.file));
  const loaded = loadSpecFile(opts.file, (folders) => loadCatalog({ folders: folders.map((f) => (isAbsolute(f) ? f : resolve(base, f))) }));
  if (!loaded.ok) {
    throw new KilnError(loaded.problems.map((p) => ({
      message: p.message,
      origin: { file: p.file, line: p.line, column: p.column, ...(p.pointer ? { pointer: p.pointer } : {}) },
    })));
  }
  const origins = new Map([...loaded.origins].map(([id, o]) => [id, imageOrigins(loaded.specs.find((s) => s.id === id), o)]));
  const embedFrom = [projectFolder(opts.file), ...(opts.embedFrom ?? []).map((f) => resolve(f))];
  return synthesize(loaded.specs, { outdir: opts.outdir, origins, embedFrom });
}

function imageOrigins(spec: ImageSpec | undefined, o: SpecOrigins): ImageOrigins {
  const components = new Map<string, (typeof o.applications)[number]>();
  spec?.applications.forEach((c, i) => { if (o.applications[i]) components.set(c.kind, o.applications[i]); });
  spec?.libraries?.forEach((c, i) => { if (o.libraries[i]) components.set(c.kind, o.libraries[i]); });
  return { image: o.image, components };
}

/**
 * Runs the user's program (which builds its App and calls app.synth()) and
 * returns what it synthesized. Whatever goes wrong is turned into a
 * KilnError that points at the user's file and line.
 */
export async function synthProgram(opts: ProgramOptions): Promise<AssemblyResult[]> {
  const file = resolve(opts.file);
  if (!existsSync(file)) throw new KilnError(`${opts.file}: no such file`);
  const stat = statSync(file);
  if (!stat.isFile()) throw new KilnError([{ message: `${opts.file} is not a regular file (it is ${fileKind(stat)})`, hint: 'give the path of your image.ts or spec file' }]);
  if (!PROGRAM_EXTENSIONS.includes(extname(file))) {
    throw new KilnError(`${opts.file}: expected a program (${PROGRAM_EXTENSIONS.join(', ')}) or a spec file (${SPEC_EXTENSIONS.join(', ')})`);
  }
  if (opts.typecheck !== false && /\.m?ts$/.test(file)) {
    const key = createHash('sha256').update(file).digest('hex').slice(0, 16);
    const problems = await typecheckProgram(opts.file, { cacheFile: join(cacheDir(), 'typecheck', `${key}.json`) });
    if (problems.length) throw new KilnError(problems);
  }
  const registry = ((globalThis as Record<symbol, unknown>)[SYNTHESIZED] ??= []) as AssemblyResult[];
  const before = registry.length;
  // The App reads its default outdir from here, as the CDK's App reads CDK_OUTDIR.
  const restore = setEnvironment({
    KILN_OUTDIR: opts.outdir,
    [EMBED_FROM_VARIABLE]: opts.embedFrom?.length ? JSON.stringify(opts.embedFrom.map((f) => resolve(f))) : undefined,
  });
  try {
    await import(`${pathToFileURL(file).href}?kiln=${Date.now()}`);
  } catch (err) {
    throw programError(err, file, opts.file);
  } finally {
    restore();
  }
  const results = registry.slice(before);
  if (results.length === 0) {
    throw new KilnError([{
      message: 'the program ran but synthesized nothing',
      origin: { file: opts.file },
      hint: 'end the program with app.synth()',
    }]);
  }
  return results;
}

/** Sets environment variables (undefined unsets one) and returns what puts them back. */
function setEnvironment(values: Readonly<Record<string, string | undefined>>): () => void {
  const previous = Object.entries(values).map(([name]) => [name, process.env[name]] as const);
  const set = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  for (const [name, value] of Object.entries(values)) set(name, value);
  return () => { for (const [name, value] of previous) set(name, value); };
}

/** Turns whatever the program threw into a KilnError naming the user's line. */
function programError(err: unknown, absFile: string, shownFile: string): KilnError {
  if (KilnError.isKilnError(err)) return err;
  const error = err instanceof Error ? err : new Error(String(err));
  // esbuild (through tsx) reports syntax errors as "<file>:<line>:<col>: ERROR: <text>".
  const syntax = /([^\s:]+):(\d+):(\d+): ERROR: (.+)/.exec(error.message);
  if (syntax) {
    return new KilnError([{
      message: `syntax error: ${syntax[4]}`,
      origin: { file: shownFile, line: Number(syntax[2]), column: Number(syntax[3]) },
    }], { cause: error });
  }
  // ESM linking: `import { X } from 'kiln'` for an X that does not exist fails before any line runs.
  const missing = /does not provide an export named '([\w$]+)'/.exec(error.message);
  if (missing) {
    const line = importLine(absFile, missing[1]);
    return new KilnError([{
      message: `${error.message.replace(/^The requested module /, 'module ')}`,
      origin: { file: shownFile, ...(line ? { line } : {}) },
      hint: 'check the name against what Kiln exports (boards: QemuVirt, RaspberryPi3BPlus, Ultra96V2)',
    }], { cause: error });
  }
  const frame = userFrame(error.stack ?? '', absFile);
  return new KilnError([{
    message: `${error.name}: ${error.message}`,
    origin: frame ? { file: shownFile, line: frame.line, column: frame.column } : { file: shownFile },
    hint: error instanceof TypeError && /is not a constructor/.test(error.message)
      ? 'check the name against what Kiln exports (boards: QemuVirt, RaspberryPi3BPlus, Ultra96V2)'
      : undefined,
  }].map((p) => (p.hint ? p : { message: p.message, origin: p.origin })), { cause: error });
}

/** The line of the import that names `name`, for errors the module linker reports without one. */
function importLine(file: string, name: string): number | undefined {
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => /\bimport\b/.test(l) && new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(l));
  return at >= 0 ? at + 1 : undefined;
}

function userFrame(stack: string, absFile: string): { line: number; column: number } | undefined {
  for (const raw of stack.split('\n')) {
    const m = /\(?((?:file:\/\/)?[^():\s]+)(?:\?[^:]*)?:(\d+):(\d+)\)?\s*$/.exec(raw.trim());
    if (!m) continue;
    const f = m[1].startsWith('file://') ? fileURLToPath(m[1]) : m[1];
    if (f === absFile) return { line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}
