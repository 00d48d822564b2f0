// SPDX-License-Identifier: MIT
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { explainSymbol } from '../explain-image.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln explain IMAGE SYMBOL`. */
export interface ExplainCommandOptions {
  /** An image folder (kiln.out/hello) or an image id in the assembly. */
  readonly image: string;
  /** A Kconfig symbol, with or without CONFIG_. */
  readonly symbol: string;
  /** Assembly folder used when IMAGE is an id. @default 'kiln.out' */
  readonly outdir: string;
  readonly output: Output;
}

/** Prints why a symbol has its value in an image, down to the user's line or the Kconfig default. */
export async function explainCommand(opts: ExplainCommandOptions): Promise<number> {
  try {
    const dir = existsSync(join(opts.image, 'manifest.json')) ? opts.image : join(opts.outdir, opts.image);
    opts.output.out(explainSymbol(dir, opts.symbol).text);
    return 0;
  } catch (err) {
    return reportError(err, opts.output);
  }
}
