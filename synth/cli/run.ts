// SPDX-License-Identifier: MIT
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runImage, type PortForward } from '../run.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln run IMAGE`. */
export interface RunCommandOptions {
  /** An image folder (kiln.out/hello) or an image id in the default assembly. */
  readonly image: string;
  /** Assembly folder used when IMAGE is an id. @default 'kiln.out' */
  readonly outdir: string;
  /** Stop QEMU after this many seconds. */
  readonly timeoutSeconds?: number;
  /** Host ports on 127.0.0.1 forwarded to guest ports (`--forward 8080:80`). @default none */
  readonly forwards?: readonly PortForward[];
  readonly output: Output;
}

/**
 * Boots a built image in QEMU, streaming the guest console to the
 * terminal, and returns the guest's exit status.
 */
export async function runCommand(opts: RunCommandOptions): Promise<number> {
  // Ctrl-C or a SIGTERM to kiln stops QEMU too, instead of leaving it running without its console.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const dir = existsSync(join(opts.image, 'manifest.json')) ? opts.image : join(opts.outdir, opts.image);
    const result = await runImage({
      signal: stop.signal,
      imageDir: dir,
      console: 'inherit',
      ...(opts.timeoutSeconds ? { timeoutMs: opts.timeoutSeconds * 1000 } : {}),
      ...(opts.forwards?.length ? { forwards: opts.forwards } : {}),
    });
    if (result.timedOut) opts.output.err(`kiln run: stopped QEMU after ${opts.timeoutSeconds} s`);
    return result.status;
  } catch (err) {
    return reportError(err, opts.output);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
