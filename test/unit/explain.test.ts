// SPDX-License-Identifier: MIT
import t from 'tap';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';

t.test('kiln explain', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const synth = await kiln(['synth', 'examples/hello/image.ts', '-o', out, '--no-typecheck']);
  t.equal(synth.code, 0, synth.stderr);

  t.test('GIVEN a library the board selected THEN the chain ends at the user\'s line', async (t) => {
    const r = await kiln(['explain', join(out, 'hello'), 'LIBPL011']);
    t.equal(r.code, 0, r.stderr);
    t.match(r.stdout, /^LIBPL011 = y {2}\(lib\/pl011\/Kconfig:\d+\)$/m);
    t.match(r.stdout, /selected by PLAT_QEMU_VIRT \(select at boards\/qemu-virt\/Kconfig:\d+\)/);
    t.match(r.stdout, /requested by examples\/hello\/image\.ts:\d+:\d+ \(hello\)/);
  });

  t.test('GIVEN an option the user set THEN it names the construct and line', async (t) => {
    const r = await kiln(['explain', join(out, 'hello-rpi3'), 'CONFIG_APP_HELLO_GREETING']);
    t.equal(r.code, 0, r.stderr);
    t.match(r.stdout, /requested "Hello from Kiln on the Raspberry Pi 3 B\+!" by examples\/hello\/image\.ts:\d+:\d+ \(hello-rpi3\/hello\)/);
  });

  t.test('GIVEN a value nobody asked for THEN it is the Kconfig default, with its line', async (t) => {
    const r = await kiln(['explain', join(out, 'hello'), 'LIBBOOT_STACK_SIZE']);
    t.equal(r.code, 0, r.stderr);
    t.match(r.stdout, /default 0x\w+ at lib\/boot\/Kconfig:\d+/);
  });

  t.test('GIVEN an unknown symbol THEN the error suggests near names', async (t) => {
    const r = await kiln(['explain', join(out, 'hello'), 'PL011']);
    t.equal(r.code, 1);
    t.match(r.stderr, /no Kconfig symbol PL011 in Kiln's tree\n {2}hint: did you mean LIBPL011/);
  });
});
