// SPDX-License-Identifier: MIT
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthFile } from './private/program.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln ls FILE`. */
export interface LsCommandOptions {
  /** A program (image.ts) or spec file (YAML/JSON). */
  readonly file: string;
  /** Print JSON (one object per image) instead of a table. */
  readonly json: boolean;
  /** Folders besides the project folder that embedded host files may come from (--embed-from). @default none */
  readonly embedFrom?: readonly string[];
  readonly output: Output;
}

/**
 * Lists the images of a program or spec (id, board, applications) without
 * compiling anything: the program runs without type-checking and its
 * assembly goes to a temporary folder that is removed afterwards.
 */
export async function lsCommand(opts: LsCommandOptions): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'kiln-ls-'));
  try {
    const results = await synthFile({ file: opts.file, outdir: join(scratch, 'kiln.out'), typecheck: false, embedFrom: opts.embedFrom });
    const rows = results.flatMap((r) => r.images.map((i) => ({
      id: i.id,
      board: i.manifest.board.id,
      applications: i.manifest.spec.applications.map((a) => a.kind),
    })));
    if (opts.json) {
      opts.output.out(JSON.stringify(rows, null, 2));
    } else {
      const table = [['ID', 'BOARD', 'APPLICATIONS'], ...rows.map((r) => [r.id, r.board, r.applications.join(' ')])];
      const widths = [0, 1].map((c) => Math.max(...table.map((row) => row[c].length)));
      for (const row of table) opts.output.out(`${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}`.trimEnd());
    }
    return 0;
  } catch (err) {
    return reportError(err, opts.output);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
