// SPDX-License-Identifier: MIT
/**
 * Input for a guest's console, as `kiln run` sends it.
 *
 * A serial line has no end of file, so the guest's console (lib/console)
 * reads its input as a terminal in canonical mode does: Ctrl-D (EOT)
 * ends it, Ctrl-V (SYN, "literal next") makes the byte after it plain
 * data, and a CR reads as LF. Input from a pipe or a file is data, byte
 * for byte, so every EOT, SYN and CR in it goes behind a SYN, and an EOT
 * follows the last byte.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** The byte that ends the console's input (Ctrl-D, EOT). */
export const CONSOLE_END_OF_INPUT = 0x04;
/** The byte that makes the next one plain data (Ctrl-V, SYN). */
export const CONSOLE_LITERAL_NEXT = 0x16;

const CR = 0x0d;

/** @p data with every byte the console would interpret behind a CONSOLE_LITERAL_NEXT. */
export function escapeConsoleInput(data: Uint8Array): Buffer {
  let special = 0;
  for (const b of data) if (b === CONSOLE_END_OF_INPUT || b === CONSOLE_LITERAL_NEXT || b === CR) special++;
  if (!special) return Buffer.from(data);
  const out = Buffer.allocUnsafe(data.length + special);
  let n = 0;
  for (const b of data) {
    if (b === CONSOLE_END_OF_INPUT || b === CONSOLE_LITERAL_NEXT || b === CR) out[n++] = CONSOLE_LITERAL_NEXT;
    out[n++] = b;
  }
  return out;
}

/** The whole of @p data as the console reads it: escaped, then the end of input. */
export function encodeConsoleInput(data: Uint8Array | string): Buffer {
  return Buffer.concat([escapeConsoleInput(typeof data === 'string' ? Buffer.from(data) : data), Buffer.of(CONSOLE_END_OF_INPUT)]);
}

/** A stream that escapes what goes through it and ends it with the end of input. */
export function consoleInputEncoder(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      done(null, escapeConsoleInput(chunk));
    },
    flush(done: TransformCallback) {
      done(null, Buffer.of(CONSOLE_END_OF_INPUT));
    },
  });
}
