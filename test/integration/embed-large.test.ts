// SPDX-License-Identifier: MIT
// A 5 MB file embedded in a Lua image (issue 18): synth copies it into the
// assembly under its hash, the assembler includes it, and the guest reads
// the same bytes at the same offsets as the host file holds.
import t from 'tap';
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';
import { runGuest, splitGuestOutput } from '../fixtures/posix/guest.ts';

const BYTES = 5 * 1024 * 1024 + 3;

/** The byte at `offset` of the test file: a pattern no two nearby offsets share. */
const byteAt = (offset: number) => (offset * 131 + (offset >> 16)) & 0xff;

const SCRIPT = `
local f = assert(io.open('/data/big.bin', 'rb'))
print('size ' .. f:seek('end'))
for _, at in ipairs({ 0, 1048576, 4194301, ${BYTES - 4} }) do
  f:seek('set', at)
  local s = f:read(4)
  print(string.format('at %d: %d %d %d %d', at, s:byte(1, 4)))
end
f:close()
`;

t.test('GIVEN a 5 MB host file WHEN embedded in a Lua image THEN the guest reads it byte for byte', async (t) => {
  const dir = tempDir();
  const big = join(dir, 'data', 'big.bin');
  mkdirSync(join(dir, 'data'));
  const fd = openSync(big, 'w');
  const chunk = Buffer.alloc(1 << 16);
  for (let base = 0; base < BYTES; base += chunk.length) {
    const n = Math.min(chunk.length, BYTES - base);
    for (let i = 0; i < n; i++) chunk[i] = byteAt(base + i);
    writeSync(fd, chunk, 0, n);
  }
  closeSync(fd);
  writeFileSync(join(dir, 'main.lua'), SCRIPT);
  const spec = join(dir, 'image.yaml');
  writeFileSync(spec, [
    'version: 1',
    'images:',
    '  - id: big',
    '    board: qemu-virt',
    '    applications: [{ kind: lua }]',
    '    files: [{ at: /main.lua, from: main.lua }, { at: /data, from: data }]',
    '    args: [lua, /main.lua]',
    '',
  ].join('\n'));
  const out = join(dir, 'kiln.out');
  const build = await kiln(['build', spec, '-o', out, '--quiet'], { timeoutMs: 300_000 });
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);
  t.ok(statSync(join(out, 'big', 'image.bin')).size > BYTES, 'the raw image holds the file');

  const run = await runGuest(join(out, 'big'), { timeoutMs: 60_000 });
  t.equal(run.status, 0, `exit status 0 (output: ${run.output.slice(-1000)})`);
  const lines = splitGuestOutput(run.output).program.trim().split('\n');
  const expected = [`size ${BYTES}`, ...[0, 1048576, 4194301, BYTES - 4].map((at) => `at ${at}: ${[0, 1, 2, 3].map((i) => byteAt(at + i)).join(' ')}`)];
  t.same(lines, expected, 'size and bytes as the host file has them');
});
