// SPDX-License-Identifier: MIT
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type TS from 'typescript';
import type { Problem } from '../../errors.ts';
import { displayPath, KILN_ROOT, RUNS_COMPILED } from '../../paths.ts';

type TypeScript = typeof TS;

/** The export condition under which Kiln's package.json points at its TypeScript sources (see bin/kiln.js). */
const SOURCE_CONDITION = 'kiln-source';

/**
 * Compiler options for a program with no tsconfig.json of its own: strict,
 * ESM as tsx runs it (Kiln runs programs through tsx, which resolves
 * package exports and accepts .ts extensions), nothing emitted. Such a
 * program is always a module: with NodeNext the compiler would take its
 * format from the nearest package.json, and a program in a bare folder
 * would be CommonJS, where `import.meta` is refused.
 */
function defaultOptions(ts: TypeScript): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    ...nodeTypes(),
  };
}

/**
 * Node's type declarations for programs that use node: APIs, from the
 * copy Kiln runs with: the compiler would otherwise look for them beside
 * the program only, and fail for a program outside Kiln's folder (TS2688).
 * Without a copy anywhere, programs are checked without them.
 */
function nodeTypes(): Pick<TS.CompilerOptions, 'types' | 'typeRoots'> {
  const roots = [join(KILN_ROOT, 'node_modules', '@types'), resolve(KILN_ROOT, '..', '@types')]
    .filter((dir) => existsSync(join(dir, 'node', 'package.json')));
  return roots.length ? { types: ['node'], typeRoots: roots } : { types: [] };
}

/** How one program is checked: compiler options, and the files they were read from. */
interface CheckSettings {
  readonly options: TS.CompilerOptions;
  /** The tsconfig.json used and the files it extends; none when the defaults apply. */
  readonly configFiles: readonly string[];
  /** What is wrong with the tsconfig.json itself. */
  readonly problems: readonly Problem[];
}

/**
 * The settings for a program: the nearest tsconfig.json above it (as the
 * user's own `tsc` would use), else Kiln's defaults. Only the compiler
 * options are taken, not its file list, and nothing is emitted either way.
 */
function settingsFor(ts: TypeScript, program: string): CheckSettings {
  const configFile = ts.findConfigFile(dirname(program), ts.sys.fileExists);
  if (!configFile) return { options: withSourceCondition(ts, defaultOptions(ts)), configFiles: [], problems: [] };
  const problems: Problem[] = [];
  const host: TS.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { problems.push(diagnosticProblem(ts, d, configFile)); },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, { noEmit: true }, host);
  if (!parsed) return { options: {}, configFiles: [configFile], problems };
  // TS18003 "no inputs were found" concerns the config's file list, which the check does not use.
  problems.push(...parsed.errors.filter((d) => d.code !== 18003).map((d) => diagnosticProblem(ts, d, configFile)));
  // A composite project wants every file in its list (TS6307); nothing is built here, so it is not one.
  const options = withSourceCondition(ts, { ...parsed.options, composite: false, noEmit: true });
  const extended = (parsed.options.configFile as TS.TsConfigSourceFile | undefined)?.extendedSourceFiles ?? [];
  return { options, configFiles: [configFile, ...extended], problems };
}

/**
 * In a checkout Kiln runs its TypeScript sources, and bin/kiln.js resolves
 * `import ... from 'kiln'` to them through the "kiln-source" condition; the
 * check resolves the same way, so it never reads a stale dist/. An
 * installed Kiln adds nothing: 'kiln' is its compiled declarations.
 */
function withSourceCondition(ts: TypeScript, options: TS.CompilerOptions): TS.CompilerOptions {
  const resolution = options.moduleResolution;
  const conditional = resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext || resolution === ts.ModuleResolutionKind.Bundler;
  if (RUNS_COMPILED || !conditional) return options;
  const conditions = options.customConditions ?? [];
  return conditions.includes(SOURCE_CONDITION) ? options : { ...options, customConditions: [...conditions, SOURCE_CONDITION] };
}

/** A parsed file, kept while it is unchanged on disk. */
interface Parsed {
  readonly sourceFile: TS.SourceFile;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Parsed files for the whole process, by the options that shape a parsed
 * file (as the language service keys them) and file: Kiln's declarations
 * and the standard library are parsed once, however many programs are
 * checked, also by programs whose tsconfig.json differ only in options
 * that do not change how a file is parsed or bound (module resolution, most checks).
 */
const parsedFiles = new Map<string, Parsed>();

/** A compiler host that reuses parsed files from earlier checks when they did not change. */
function cachingHost(ts: TypeScript, options: TS.CompilerOptions): TS.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const settings = ts.createDocumentRegistry().getKeyForCompilationSettings(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    const version = typeof languageVersionOrOptions === 'object'
      ? `${languageVersionOrOptions.languageVersion}/${languageVersionOrOptions.impliedNodeFormat}`
      : `${languageVersionOrOptions}`;
    const key = `${settings}\0${version}\0${fileName}`;
    const st = statSync(fileName, { throwIfNoEntry: false });
    const hit = parsedFiles.get(key);
    if (hit && st && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.sourceFile;
    const sourceFile = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    if (sourceFile && st) parsedFiles.set(key, { sourceFile, size: st.size, mtimeMs: st.mtimeMs });
    else parsedFiles.delete(key);
    return sourceFile;
  };
  return host;
}

/**
 * Type-checks the user's program with the TypeScript compiler before it
 * runs, so composition mistakes Kiln's types catch (a network application
 * on a board without a network device, threads without a scheduler that
 * runs them...) are reported as compile errors at the user's line. The
 * program is checked with the tsconfig.json its own `tsc` would use (the
 * nearest one above it), so both agree; an installed Kiln is seen through
 * its .d.ts declarations. Only the program's own diagnostics (and those
 * of its tsconfig.json) are returned.
 */
export async function typecheckProgram(file: string, opts: { cacheFile?: string } = {}): Promise<Problem[]> {
  const path = resolve(file);
  if (opts.cacheFile && stillClean(opts.cacheFile, path)) return [];
  // Loaded on demand: the compiler costs half a second to load, which --no-typecheck and spec files skip.
  const ts = (await import('typescript')).default;
  const settings = settingsFor(ts, path);
  if (settings.problems.length) return [...settings.problems];
  const program = ts.createProgram({ rootNames: [path], options: settings.options, host: cachingHost(ts, settings.options) });
  const source = program.getSourceFile(path);
  if (!source) return [{ message: `the TypeScript compiler could not read ${displayPath(path)}`, origin: { file: displayPath(path) } }];
  // After a syntax error the rest is the parser's recovery talking: report the first syntax error alone.
  const syntax = program.getSyntacticDiagnostics(source);
  const diagnostics = syntax.length ? syntax.slice(0, 1) : ts.getPreEmitDiagnostics(program, source);
  // Diagnostics with no file (compiler options) belong to the tsconfig.json.
  const fallback = settings.configFiles[0] ?? path;
  const problems = diagnostics.map((d) => diagnosticProblem(ts, d, fallback, syntax.length > 0));
  if (opts.cacheFile && problems.length === 0) {
    const read = program.getSourceFiles().map((f) => f.fileName);
    remember(opts.cacheFile, path, [...read, ...settings.configFiles, ...nearestPackageJson(path)]);
  }
  return problems;
}

/** A compiler diagnostic as a problem at its file and line (`fallback` when it has no file). */
function diagnosticProblem(ts: TypeScript, d: TS.Diagnostic, fallback: string, syntax = false): Problem {
  const text = ts.flattenDiagnosticMessageText(d.messageText, '\n  ');
  const message = syntax ? `syntax error: ${text} (TS${d.code})` : `TS${d.code}: ${text}`;
  const file = displayPath(d.file ? resolve(d.file.fileName) : fallback);
  if (!d.file || d.start === undefined) return { message, origin: { file } };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { message, origin: { file, line: line + 1, column: character + 1 } };
}

/** The package.json that decides whether the program is an ES module ("type"), if any. */
function nearestPackageJson(program: string): string[] {
  for (let dir = dirname(program); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return [join(dir, 'package.json')];
    if (dirname(dir) === dir) return [];
  }
}

/** The record of a clean check: every file the compiler read, with its size and time. */
interface CleanCheck {
  readonly kiln: 'typecheck/2';
  readonly program: string;
  readonly files: readonly { readonly path: string; readonly size: number; readonly mtimeMs: number }[];
}

/**
 * Whether the program was checked clean and no file the compiler read then
 * (the program, its imports, Kiln's declarations or sources, its
 * tsconfig.json and package.json) changed since: then checking again would
 * say the same, and no-op rebuilds skip the compiler's second or two.
 */
function stillClean(cacheFile: string, program: string): boolean {
  if (!existsSync(cacheFile)) return false;
  try {
    const check = JSON.parse(readFileSync(cacheFile, 'utf8')) as CleanCheck;
    if (check.kiln !== 'typecheck/2' || check.program !== program) return false;
    return check.files.every((f) => {
      const st = statSync(f.path, { throwIfNoEntry: false });
      return st !== undefined && st.size === f.size && st.mtimeMs === f.mtimeMs;
    });
  } catch {
    return false;
  }
}

function remember(cacheFile: string, program: string, files: readonly string[]): void {
  const record: CleanCheck = {
    kiln: 'typecheck/2',
    program,
    files: [...new Set(files)].flatMap((path) => {
      const st = statSync(path, { throwIfNoEntry: false });
      return st ? [{ path, size: st.size, mtimeMs: st.mtimeMs }] : [];
    }),
  };
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(record));
}
