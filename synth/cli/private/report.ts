// SPDX-License-Identifier: MIT
import { KilnError, formatProblem } from '../../errors.ts';

/** Where the CLI writes what it has to say. */
export interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Print stack traces and causes. */
  readonly debug: boolean;
}

/** Output to the process's stdout and stderr. */
export function processOutput(debug: boolean): Output {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    debug,
  };
}

/**
 * Reports an error the way every command does: the user's problems with
 * their file and line, or Kiln's own failure with a request to report it;
 * stack and cause only with --debug. Returns the exit code to use.
 */
export function reportError(err: unknown, output: Output): number {
  if (KilnError.isKilnError(err)) {
    const label = err.fault === 'user' ? 'error' : 'internal error (a bug in Kiln)';
    for (const p of err.problems) output.err(`${label}: ${formatProblem(p)}`);
    if (err.problems.length > 1) output.err(`${err.problems.length} problems; nothing was written for them.`);
    if (output.debug) {
      if (err.stack) output.err(err.stack);
      if (err.cause) output.err(`cause: ${err.cause instanceof Error ? err.cause.stack : String(err.cause)}`);
    }
    return err.fault === 'user' ? 1 : 70;
  }
  output.err(`internal error (a bug in Kiln): ${err instanceof Error ? err.message : String(err)}`);
  if (output.debug && err instanceof Error && err.stack) output.err(err.stack);
  else output.err('run again with --debug for the stack trace');
  return 70;
}
