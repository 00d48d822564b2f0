// SPDX-License-Identifier: MIT
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Project as MorphProject, ts as TS } from 'ts-morph';
import type { Problem } from '../../errors.ts';
import { displayPath, KILN_ROOT } from '../../paths.ts';

/**
 * Compiler options for user programs: strict, ESM as tsx runs it (Kiln
 * runs programs through tsx, which resolves package exports and accepts
 * .ts extensions), nothing emitted. A program is always a module: with
 * NodeNext the compiler would take its format from the nearest
 * package.json, and ts-morph's source files do not get one, so
 * `import.meta` was refused as CommonJS.
 */
function compilerOptions(ts: typeof TS): TS.CompilerOptions {
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

let project: MorphProject | undefined;

/**
 * Type-checks the user's program with the TypeScript compiler (through
 * ts-morph) before it runs, so composition mistakes Kiln's types catch
 * (a network application on a board without a network device, threads
 * without a scheduler that runs them...) are reported as compile errors
 * at the user's line. Only the program's own diagnostics are returned.
 */
export async function typecheckProgram(file: string, opts: { cacheFile?: string } = {}): Promise<Problem[]> {
  if (opts.cacheFile && stillClean(opts.cacheFile, resolve(file))) return [];
  // Loaded on demand: the compiler costs half a second to load, which --no-typecheck and spec files skip.
  const { Project, ts } = await import('ts-morph');
  // One project per process: Kiln's own sources and the standard library are parsed once, however many programs are checked.
  project ??= new Project({ compilerOptions: compilerOptions(ts), skipAddingFilesFromTsConfig: true });
  const path = resolve(file);
  const previous = project.getSourceFile(path);
  if (previous) project.removeSourceFile(previous);
  const source = project.addSourceFileAtPath(path);
  // After a syntax error the rest is the parser's recovery talking: report the first syntax error alone.
  const syntax = project.getProgram().getSyntacticDiagnostics(source);
  const diagnostics = syntax.length ? syntax.slice(0, 1) : source.getPreEmitDiagnostics();
  const problems = diagnostics.map((d) => {
    const start = d.getStart();
    const { line, column } = start === undefined ? { line: 0, column: 0 } : source.getLineAndColumnAtPos(start);
    const text = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n  ');
    return {
      message: syntax.length ? `syntax error: ${text} (TS${d.getCode()})` : `TS${d.getCode()}: ${text}`,
      origin: { file: displayPath(resolve(file)), ...(line ? { line, column } : {}) },
    };
  });
  if (opts.cacheFile && problems.length === 0) remember(opts.cacheFile, path, project.getSourceFiles().map((f) => f.getFilePath()));
  return problems;
}

/** The record of a clean check: every file the compiler read, with its size and time. */
interface CleanCheck {
  readonly kiln: 'typecheck/1';
  readonly program: string;
  readonly files: readonly { readonly path: string; readonly size: number; readonly mtimeMs: number }[];
}

/**
 * Whether the program was checked clean and no file the compiler read then
 * (the program, its imports, Kiln's sources, type declarations) changed
 * since: then checking again would say the same, and no-op rebuilds skip
 * the compiler's second or two.
 */
function stillClean(cacheFile: string, program: string): boolean {
  if (!existsSync(cacheFile)) return false;
  try {
    const check = JSON.parse(readFileSync(cacheFile, 'utf8')) as CleanCheck;
    if (check.kiln !== 'typecheck/1' || check.program !== program) return false;
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
    kiln: 'typecheck/1',
    program,
    files: files.flatMap((path) => {
      const st = statSync(path, { throwIfNoEntry: false });
      return st ? [{ path, size: st.size, mtimeMs: st.mtimeMs }] : [];
    }),
  };
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(record));
}
