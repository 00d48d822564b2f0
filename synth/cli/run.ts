// SPDX-License-Identifier: MIT
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runImage, type PortForward, type RunInput } from '../run.ts';
import { reportError, type Output } from './private/report.ts';

/** Options of `kiln run IMAGE`. */
export interface RunCommandOptions {
  /** An image folder (kiln.out/hello) or an image id in the default assembly. */
  readonly image: string;
  /** Assembly folder used when IMAGE is an id. @default 'kiln.out' */
  readonly outdir: string;
  /** Stop QEMU after this many seconds; 0 for never. @default DEFAULT_RUN_TIMEOUT_SECONDS */
  readonly timeoutSeconds?: number;
  /** A host file the guest's console reads, then an end of file. @default kiln's standard input */
  readonly stdin?: string;
  /** Host ports on 127.0.0.1 forwarded to guest ports (`--forward 8080:80`). @default none */
  readonly forwards?: readonly PortForward[];
  readonly output: Output;
}

/**
 * How long `kiln run` lets a guest run unless told otherwise: a guest that
 * never ends (one waiting for input that never comes keeps a host core
 * busy polling its UART) does not run forever.
 */
export const DEFAULT_RUN_TIMEOUT_SECONDS = 600;

/**
 * Boots a built image in QEMU, streaming the guest console to the
 * terminal, and returns the guest's exit status (124 when the timeout
 * stopped it).
 */
export async function runCommand(opts: RunCommandOptions): Promise<number> {
  // Ctrl-C or a SIGTERM to kiln stops QEMU too, instead of leaving it running without its console.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const dir = existsSync(join(opts.image, 'manifest.json')) ? opts.image : join(opts.outdir, opts.image);
    const timeout = opts.timeoutSeconds ?? DEFAULT_RUN_TIMEOUT_SECONDS;
    const input: RunInput = opts.stdin !== undefined ? { file: opts.stdin } : 'inherit';
    const result = await runImage({
      signal: stop.signal,
      imageDir: dir,
      console: 'inherit',
      input,
      ...(timeout > 0 ? { timeoutMs: timeout * 1000 } : {}),
      ...(opts.forwards?.length ? { forwards: opts.forwards } : {}),
    });
    if (result.timedOut) {
      const which = opts.timeoutSeconds === undefined ? 'the default timeout' : 'the --timeout';
      opts.output.err(`kiln run: the guest was still running after ${timeout} s (${which}); QEMU stopped, status 124. `
        + 'Give more time with --timeout SEC, or none with --timeout 0');
    }
    return result.status;
  } catch (err) {
    return reportError(err, opts.output);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
