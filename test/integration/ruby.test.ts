// SPDX-License-Identifier: MIT
// Ruby with mruby 3.1 from Debian's mruby source (core, compiler, 30 gems,
// the bytecode of their Ruby parts generated at build time), in Kiln
// images on QEMU virt and the Raspberry Pi 3 B+: the workout (strings,
// arrays and hashes, closures, a sieve, numbers, Rational and Complex,
// Struct, Fiber and Enumerator, pack, Time, Random, errors, metaprogramming,
// the C-stack recursion limit, File and IO) must print exactly what
// Debian's mruby prints for it.
import t from 'tap';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePosixCallsReport } from '../../synth/report/posix-calls.ts';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';
import { longForm } from '../helpers/depth.ts';
import { enosysNotices, memoryFigures, runGuest, runHost, splitGuestOutput } from '../fixtures/posix/guest.ts';

const SCRIPT = join(ROOT, 'test/fixtures/posix/ruby/workout.rb');
const IMAGES = [
  { id: 'rb-virt', board: 'QEMU virt' },
  ...(longForm() ? [{ id: 'rb-rpi3', board: 'Raspberry Pi 3 B+' }] : []), // the long form's (npm run test:long)
];

t.test(`the Ruby workout on ${IMAGES.map((i) => i.board).join(' and ')}`, async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/posix-ruby.ts', '-o', out], { timeoutMs: 600_000 });
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);

  // Debian's mruby in an empty folder (the script writes files), in UTC as the image is.
  const host = await runHost('mruby', [SCRIPT, 'first', 'second arg'], { cwd: mkdtempSync(join(tmpdir(), 'kiln-mruby-host-')), env: { TZ: 'UTC' } });
  t.equal(host.code, 0, `the host's mruby runs the workout (stderr: ${host.stderr})`);
  t.match(host.stdout, /^== args\n[\s\S]*\n== files\n[\s\S]*== done\n$/, 'and gets to its end');
  t.comment(`host mruby: ${host.ms.toFixed(0)} ms wall time`);

  for (const image of IMAGES) {
    t.test(`GIVEN the Ruby image for ${image.board} WHEN it boots THEN it prints what mruby prints`, async (t) => {
      const dir = join(out, image.id);
      const run = await runGuest(dir, { timeoutMs: 120_000 });
      const guest = splitGuestOutput(run.output);
      t.equal(run.status, 0, 'exit status 0');
      t.equal(guest.program.trimEnd(), host.stdout.trimEnd(), 'the same output, line for line');
      t.same(enosysNotices(guest.kiln), [], 'no call failed with ENOSYS');

      const calls = writePosixCallsReport(dir);
      t.same([...calls.application].sort(), ['libmruby', 'ruby'], 'the application is the mruby library and its command line');
      for (const name of ['open', 'read', 'write', 'close', 'unlink', 'rename', 'stat', 'fstat', 'gettimeofday']) {
        t.ok(calls.satisfied.includes(name), `${name} is referenced and satisfied`);
      }
      // gcc's LTO symbol table lists builtins the code uses and gcc expands
      // (alloca, signbit) and basename by its assembler name: none is called
      // by the linked image (the link would have failed), so none is missing.
      t.same(calls.missing, ['*basename', 'alloca', 'signbit'], 'nothing is missing but what LTO lists for builtins and an assembler name');

      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { artifact: { file: string; bytes: number } };
      const memory = memoryFigures(guest.kiln);
      t.ok(memory, 'the memory report is printed');
      t.comment(`${image.id}: ${report.artifact.file} ${report.artifact.bytes} bytes; footprint ${memory?.footprint} bytes `
        + `(static ${memory?.static}, stacks ${memory?.stacks} of which boot stack used ${memory?.bootStackUsed}, heap peak ${memory?.heapPeak})`);
    });
  }

  t.test('GIVEN the virt image under -icount shift=0,sleep=off WHEN it runs THEN it prints the same', async (t) => {
    const started = performance.now();
    const run = await runGuest(join(out, 'rb-virt'), { timeoutMs: 120_000, qemuArgs: ['-icount', 'shift=0,sleep=off'] });
    t.equal(run.status, 0, 'exit status 0');
    t.equal(splitGuestOutput(run.output).program.trimEnd(), host.stdout.trimEnd(), 'the same output as mruby');
    t.comment(`rb-virt under icount: QEMU ran ${(performance.now() - started).toFixed(0)} ms (boot included); host mruby ${host.ms.toFixed(0)} ms`);
  });
});
