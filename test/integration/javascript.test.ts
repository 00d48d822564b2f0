// SPDX-License-Identifier: MIT
// JavaScript with Duktape 2.7 from Debian's duktape source, in Kiln images on
// QEMU virt and the Raspberry Pi 3 B+: the workout (JSON of a 100 KB
// document, closures, regular expressions, a prime sieve, numbers, the
// recursion limit) must print exactly what Debian's duk prints for it; the
// part only an image has (require from its files, fs, timers on the event
// loop) must print what the script expects.
import t from 'tap';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePosixCallsReport } from '../../synth/report/posix-calls.ts';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';
import { longForm } from '../helpers/depth.ts';
import { enosysNotices, memoryFigures, runGuest, runHost, splitGuestOutput } from '../fixtures/posix/guest.ts';

const SCRIPT = join(ROOT, 'test/fixtures/posix/javascript/workout.js');
const IMAGES = [
  { id: 'js-virt', board: 'QEMU virt' },
  ...(longForm() ? [{ id: 'js-rpi3', board: 'Raspberry Pi 3 B+' }] : []), // the long form's (npm run test:long)
];

/** What the image alone prints after "== image": its modules, files and timers. */
const IMAGE_PART = [
  '== image',
  'hello, kiln from greet 28.274',
  '"first line\\nsecond line é\\n" 26 true false',
  'doc.json 102789 true',
  'listing b.txt doc.json',
  "read after remove: cannot read '/out/b.txt': No such file or directory",
  "missing module: cannot find module 'nothing/here' in /modules:/",
  'script ends with timers waiting',
  'timers t0 t100 i1 t150 i2 t300:xy i3',
  '== done',
].join('\n');

/** The program's output split at "== image": what duk prints too, and the rest. */
function parts(program: string): { common: string; image: string } {
  const at = program.indexOf('== image\n');
  return at < 0 ? { common: program, image: '' } : { common: program.slice(0, at), image: program.slice(at).trimEnd() };
}

/** The runner's timing line. */
function scriptTicks(kilnLines: readonly string[]): number | undefined {
  for (const l of kilnLines) {
    const m = /^kiln: javascript: script ran in (\d+) ticks of a (\d+) Hz counter/.exec(l);
    if (m) return Number(m[1]);
  }
  return undefined;
}

t.test(`the JavaScript workout on ${IMAGES.map((i) => i.board).join(' and ')}`, async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/posix-javascript.ts', '-o', out], { timeoutMs: 600_000 });
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);

  // Debian's duk in an empty folder, in UTC as the image is.
  const host = await runHost('duk', [SCRIPT], { cwd: mkdtempSync(join(tmpdir(), 'kiln-duk-host-')), env: { TZ: 'UTC' } });
  t.equal(host.code, 0, `the host's duk runs the workout (stderr: ${host.stderr})`);
  t.match(host.stdout, /^== json\n[\s\S]*\n== limits\n[\s\S]*== done\n$/, 'and gets to its end');
  const expected = host.stdout.replace(/== done\n$/, '');
  t.comment(`host duk: ${host.ms.toFixed(0)} ms wall time`);

  for (const image of IMAGES) {
    t.test(`GIVEN the JavaScript image for ${image.board} WHEN it boots THEN it prints what duk prints, then its own part`, async (t) => {
      const dir = join(out, image.id);
      const run = await runGuest(dir, { timeoutMs: 120_000 });
      const guest = splitGuestOutput(run.output);
      const { common, image: own } = parts(guest.program);
      t.equal(run.status, 0, 'exit status 0');
      t.equal(common, expected, 'the same output as duk, line for line, up to "== image"');
      t.equal(own, IMAGE_PART, 'require, fs and the timers print what the script expects');
      t.same(enosysNotices(guest.kiln), [], 'no call failed with ENOSYS');

      const calls = writePosixCallsReport(dir);
      t.same([...calls.application].sort(), ['javascript', 'libduktape'], 'the application is the runner and the Duktape library');
      for (const name of ['open', 'read', 'write', 'close', 'unlink', 'rename', 'mkdir', 'opendir', 'stat', 'gettimeofday']) {
        t.ok(calls.satisfied.includes(name), `${name} is referenced and satisfied`);
      }
      // gcc's LTO symbol table lists signbit, the name of the builtin that
      // picolibc's signbit() macro expands to and gcc inlines: no call to it
      // is left (the link would have failed), so it is not really missing.
      t.same(calls.missing, ['signbit'], 'nothing is missing but signbit, which LTO lists for its builtin');

      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { artifact: { file: string; bytes: number } };
      const memory = memoryFigures(guest.kiln);
      t.ok(memory, 'the memory report is printed');
      const ticks = scriptTicks(guest.kiln);
      t.ok(ticks, 'the runner reports its time');
      t.comment(`${image.id}: ${report.artifact.file} ${report.artifact.bytes} bytes; footprint ${memory?.footprint} bytes `
        + `(static ${memory?.static}, stacks ${memory?.stacks} of which boot stack used ${memory?.bootStackUsed}, heap peak ${memory?.heapPeak}); `
        + `script ${ticks} ticks of 62.5 MHz (QEMU TCG, host clock)`);
    });
  }

  t.test('GIVEN the virt image under -icount shift=0,sleep=off WHEN it runs THEN it prints the same and reports its time', async (t) => {
    const run = await runGuest(join(out, 'js-virt'), { timeoutMs: 120_000, qemuArgs: ['-icount', 'shift=0,sleep=off'] });
    const guest = splitGuestOutput(run.output);
    t.equal(run.status, 0, 'exit status 0');
    t.equal(parts(guest.program).common, expected, 'the same output as duk');
    const ticks = scriptTicks(guest.kiln);
    t.ok(ticks, 'the runner reports its time');
    // shift=0: one instruction per nanosecond of virtual time.
    t.comment(`js-virt under icount: ${ticks} ticks = ${ticks ? ((ticks / 62_500_000) * 1000).toFixed(1) : '?'} ms of virtual time (about that many million instructions); host duk ${host.ms.toFixed(0)} ms`);
  });
});
