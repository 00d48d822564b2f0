// SPDX-License-Identifier: MIT
// How kiln run sends input to a guest's console (synth/console-input.ts):
// the bytes the console would take for control (Ctrl-D, Ctrl-V, CR) go
// behind a Ctrl-V, and Ctrl-D follows the last byte; and the run
// command's options for it and for the timeout.
import t from 'tap';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { CONSOLE_END_OF_INPUT, CONSOLE_LITERAL_NEXT, consoleInputEncoder, encodeConsoleInput, escapeConsoleInput } from '../../synth/console-input.ts';
import { DEFAULT_RUN_TIMEOUT_SECONDS } from '../../synth/cli/run.ts';
import { kiln, tempDir } from '../helpers/cli.ts';

/** What the guest's console (lib/console, kiln_console_getc) makes of the bytes, to check the encoding against. */
function consoleReads(bytes: Uint8Array): { data: number[]; ended: boolean } {
  const data: number[] = [];
  let literal = false;
  for (const b of bytes) {
    if (literal) {
      literal = false;
      data.push(b);
    } else if (b === CONSOLE_LITERAL_NEXT) {
      literal = true;
    } else if (b === CONSOLE_END_OF_INPUT) {
      return { data, ended: true };
    } else {
      data.push(b === 0x0d ? 0x0a : b);
    }
  }
  return { data, ended: false };
}

t.test('GIVEN text without control bytes WHEN it is escaped THEN it is unchanged', async (t) => {
  t.same(escapeConsoleInput(Buffer.from('SELECT 1;\nhello\n')), Buffer.from('SELECT 1;\nhello\n'));
});

t.test('GIVEN Ctrl-D, Ctrl-V and CR in the data WHEN it is escaped THEN each goes behind a Ctrl-V', async (t) => {
  t.same([...escapeConsoleInput(Buffer.from('a\x04b\x16c\r\n'))], [0x61, 0x16, 0x04, 0x62, 0x16, 0x16, 0x63, 0x16, 0x0d, 0x0a]);
});

t.test('GIVEN every byte value WHEN it is encoded THEN the console reads exactly those bytes, then end of file', async (t) => {
  const all = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
  const read = consoleReads(encodeConsoleInput(all));
  t.same(read.data, [...all], 'the same bytes');
  t.ok(read.ended, 'and the end of the input');
  t.equal(encodeConsoleInput('').length, 1, 'nothing is just the end of the input');
  t.equal(encodeConsoleInput('')[0], CONSOLE_END_OF_INPUT);
});

t.test('GIVEN input in chunks WHEN it goes through the encoder stream THEN the result is the same as encoding it whole', async (t) => {
  const chunks = [Buffer.from('one\r'), Buffer.from('\x16'), Buffer.from('\x04two')];
  const streamed = await buffer(Readable.from(chunks).pipe(consoleInputEncoder()));
  t.same(streamed, encodeConsoleInput(Buffer.concat(chunks)));
});

t.test('GIVEN kiln run --help THEN it tells the default timeout, how to turn it off, and --stdin', async (t) => {
  const r = await kiln(['run', '--help']);
  t.equal(r.code, 0);
  const help = r.stdout.replace(/\s+/g, ' ');
  t.match(help, new RegExp(`--timeout <SEC> stop QEMU after SEC seconds, status 124 \\(default ${DEFAULT_RUN_TIMEOUT_SECONDS}; 0: never\\)`));
  t.match(help, /--stdin <FILE> give the guest FILE as its console input, then an end of file/);
  t.match(help, /Ctrl-D ends the input/);
  t.equal(DEFAULT_RUN_TIMEOUT_SECONDS, 600, 'ten minutes');
});

t.test('GIVEN --timeout 0 WHEN kiln run parses it THEN it is accepted (no timeout), not a usage error', async (t) => {
  const r = await kiln(['run', tempDir(), '--timeout', '0']);
  t.equal(r.code, 1, 'the error is the folder, exit 1');
  t.match(r.stderr, /is not a Kiln image folder/);
});
