// SPDX-License-Identifier: MIT
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXPLORER_FILE, explorerData, explorerHtml } from '../report/explorer.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln report IMAGE`. */
export interface ReportCommandOptions {
  /** A built image folder (kiln.out/hello) or an image id in the assembly. */
  readonly image: string;
  /** Assembly folder used when IMAGE is an id. @default 'kiln.out' */
  readonly outdir: string;
  /** Where to write the page. @default IMAGE/report.html */
  readonly file?: string;
  readonly output: Output;
}

/** Writes the image explorer, report.html, for a built image and prints its path and size. */
export async function reportCommand(opts: ReportCommandOptions): Promise<number> {
  try {
    const dir = existsSync(join(opts.image, 'manifest.json')) ? opts.image : join(opts.outdir, opts.image);
    const html = explorerHtml(explorerData(dir));
    const file = resolve(opts.file ?? join(dir, EXPLORER_FILE));
    writeFileSync(file, html);
    opts.output.out(`${file} (${Buffer.byteLength(html).toLocaleString('en-US')} bytes): open it in a browser; it needs no network`);
    return 0;
  } catch (err) {
    return reportError(err, opts.output);
  }
}
