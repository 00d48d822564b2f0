// SPDX-License-Identifier: MIT
import { resolve } from 'node:path';
import type { Project as MorphProject, ts as TS } from 'ts-morph';
import type { Problem } from '../../errors.ts';
import { displayPath } from '../../../constructs/private/origin.ts';

/** Compiler options for user programs: strict, ESM as Node runs it, nothing emitted. */
function compilerOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    types: ['node'],
  };
}

let project: MorphProject | undefined;

/**
 * Type-checks the user's program with the TypeScript compiler (through
 * ts-morph) before it runs, so composition mistakes Kiln's types catch
 * (a network application on a board without a network device, threads
 * without a scheduler that runs them...) are reported as compile errors
 * at the user's line. Only the program's own diagnostics are returned.
 */
export async function typecheckProgram(file: string): Promise<Problem[]> {
  // Loaded on demand: the compiler costs half a second to load, which --no-typecheck and spec files skip.
  const { Project, ts } = await import('ts-morph');
  // One project per process: Kiln's own sources and the standard library are parsed once, however many programs are checked.
  project ??= new Project({ compilerOptions: compilerOptions(ts), skipAddingFilesFromTsConfig: true });
  const path = resolve(file);
  const previous = project.getSourceFile(path);
  if (previous) project.removeSourceFile(previous);
  const source = project.addSourceFileAtPath(path);
  return source.getPreEmitDiagnostics().map((d) => {
    const start = d.getStart();
    const { line, column } = start === undefined ? { line: 0, column: 0 } : source.getLineAndColumnAtPos(start);
    return {
      message: `TS${d.getCode()}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n  ')}`,
      origin: { file: displayPath(resolve(file)), ...(line ? { line, column } : {}) },
    };
  });
}
