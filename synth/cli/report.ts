// SPDX-License-Identifier: MIT
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { tryReadAssemblyManifest } from '../assembly.ts';
import { EXPLORER_FILE, explorerData, explorerHtml, fleetIndexData, fleetIndexHtml } from '../report/explorer.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln report IMAGE|ASSEMBLY`. */
export interface ReportCommandOptions {
  /** A built image folder (kiln.out/hello), an image id in the assembly, or an assembly folder (every image, and index.html). */
  readonly image: string;
  /** Assembly folder used when IMAGE is an id. @default 'kiln.out' */
  readonly outdir: string;
  /** Where to write the page. @default IMAGE/report.html */
  readonly file?: string;
  readonly output: Output;
}

/**
 * Writes the image explorer, report.html, for a built image and prints its
 * path and size; for an assembly, one per image and the fleet's index.html.
 */
export async function reportCommand(opts: ReportCommandOptions): Promise<number> {
  try {
    const assembly = tryReadAssemblyManifest(opts.image);
    if (assembly && !existsSync(join(opts.image, 'report.json'))) {
      const images = assembly.images.map((i) => {
        const data = explorerData(join(opts.image, i.dir));
        const html = explorerHtml(data);
        writeFileSync(join(opts.image, i.dir, EXPLORER_FILE), html);
        opts.output.out(`${resolve(opts.image, i.dir, EXPLORER_FILE)} (${Buffer.byteLength(html).toLocaleString('en-US')} bytes)`);
        return { dir: i.dir, data };
      });
      const index = fleetIndexHtml(fleetIndexData(basename(resolve(opts.image)), images));
      const file = resolve(opts.file ?? join(opts.image, 'index.html'));
      writeFileSync(file, index);
      opts.output.out(`${file} (${Buffer.byteLength(index).toLocaleString('en-US')} bytes): the fleet's index, linking each image's page; no network needed`);
      return 0;
    }
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
