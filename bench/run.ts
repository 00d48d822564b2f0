// SPDX-License-Identifier: MIT
// The bench's entry: `npm run bench`, or `tsx bench/run.ts [--quick] ...`.
// Measures Kiln images against the emulator floor and a Debian Linux on the
// same QEMU; see bench/README.md. Maps argv to benchCommand.
import { fileURLToPath } from 'node:url';
import { benchCommand } from './command.ts';
import { parseBenchArgs, USAGE, UsageError } from './options.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

try {
  const opts = parseBenchArgs(process.argv.slice(2), ROOT, process.env);
  if (opts) process.exitCode = await benchCommand(opts);
  else process.stdout.write(`${USAGE}\n`);
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`bench: ${err.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    // Not a measurement that failed (those become error figures): the harness itself broke.
    process.stderr.write(`bench: the harness itself failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
