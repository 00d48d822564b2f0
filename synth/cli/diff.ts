// SPDX-License-Identifier: MIT
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { compareAssemblies } from '../diff.ts';
import { KilnError } from '../errors.ts';
import { diffResultDocument, formatDiff, formatDiffSummary, summarizeDiff } from './private/diff-summary.ts';
import { synthFile } from './private/program.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln diff A B [FILE]`. */
export interface DiffCommandOptions {
  /** Assembly folders, or git revisions of the program FILE. */
  readonly a: string;
  readonly b: string;
  /** The program or spec, when A and B are git revisions. */
  readonly file?: string;
  /** Exit 1 when anything differs (for CI gates). */
  readonly fail: boolean;
  /** Print one JSON document (schema/diff-result.schema.json) instead of lines. @default false */
  readonly json?: boolean;
  readonly output: Output;
}

/**
 * Prints what differs between two assemblies, image by image (images with
 * the same changes once, together), and a summary line last. With git
 * revisions, each revision's program is synthesized (not compiled) into a
 * temporary assembly first, from a temporary worktree.
 */
export async function diffCommand(opts: DiffCommandOptions): Promise<number> {
  const scratch: string[] = [];
  try {
    const [a, b] = isAssembly(opts.a) && isAssembly(opts.b)
      ? [opts.a, opts.b]
      : [await synthRevision(opts.a, opts.file, scratch), await synthRevision(opts.b, opts.file, scratch)];
    const diff = compareAssemblies(a, b);
    const summary = summarizeDiff(diff);
    if (opts.json) {
      opts.output.out(JSON.stringify(diffResultDocument(opts.a, opts.b, diff), null, 2));
    } else {
      for (const line of formatDiff(diff)) opts.output.out(line);
      opts.output.out(formatDiffSummary(summary));
    }
    return summary.differ && opts.fail ? 1 : 0;
  } catch (err) {
    return reportError(err, opts.output);
  } finally {
    for (const dir of scratch) cleanup(dir);
  }
}

function isAssembly(path: string): boolean {
  return existsSync(join(path, 'manifest.json'));
}

/** Synthesizes FILE as it was at git revision REV, into a temporary assembly. */
async function synthRevision(rev: string, file: string | undefined, scratch: string[]): Promise<string> {
  if (!file) {
    throw new KilnError([{ message: `"${rev}" is not an assembly folder`, hint: 'to compare git revisions, name the program too: kiln diff REV_A REV_B image.ts' }]);
  }
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], process.cwd()).trim();
  } catch (cause) {
    throw new KilnError([{
      message: `"${rev}" is not an assembly folder, and ${process.cwd()} is not in a git repository to take revisions from`,
      hint: 'run kiln diff REV_A REV_B FILE inside the repository that holds FILE, or give two assembly folders',
    }], { cause });
  }
  const dir = mkdtempSync(join(tmpdir(), 'kiln-diff-'));
  scratch.push(dir);
  const tree = join(dir, 'tree');
  try {
    git(['worktree', 'add', '--detach', '--quiet', tree, rev], top);
  } catch (cause) {
    throw new KilnError([{ message: `git could not check out "${rev}"`, hint: 'give a commit, branch or tag of this repository' }], { cause });
  }
  if (existsSync(join(top, 'node_modules'))) symlinkSync(join(top, 'node_modules'), join(tree, 'node_modules'));
  const program = join(tree, relative(top, resolve(file)));
  if (!existsSync(program)) throw new KilnError([{ message: `${file} does not exist at revision ${rev}` }]);
  const outdir = join(dir, 'kiln.out');
  await synthFile({ file: program, outdir, typecheck: false });
  return outdir;
}

function cleanup(dir: string): void {
  const tree = join(dir, 'tree');
  if (existsSync(tree)) {
    try {
      git(['worktree', 'remove', '--force', tree], process.cwd());
    } catch {
      // Removing the folder below is enough; `git worktree prune` tidies the rest.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
