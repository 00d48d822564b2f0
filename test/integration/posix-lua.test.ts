// SPDX-License-Identifier: MIT
// Lua from Debian's lua5.4 source, unmodified, in Kiln images on QEMU virt
// and the Raspberry Pi 3 B+: the workout script's output must be exactly
// what Debian's own lua5.4 prints for it, and the POSIX calls the
// interpreter reaches must be answered without ENOSYS.
import t from 'tap';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePosixCallsReport } from '../../synth/report/posix-calls.ts';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';
import { enosysNotices, memoryFigures, runGuest, runHost, splitGuestOutput } from '../fixtures/posix/guest.ts';

const SCRIPT = join(ROOT, 'test/fixtures/posix/lua/workout.lua');
const IMAGES = [
  { id: 'lua-virt', board: 'QEMU virt' },
  { id: 'lua-rpi3', board: 'Raspberry Pi 3 B+' },
];

t.test('the Lua workout on QEMU virt and the Raspberry Pi 3 B+', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/posix-lua.ts', '-o', out], { timeoutMs: 300_000 });
  t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);

  // Debian's lua5.4 in an empty folder (the script writes files), in UTC as the image is.
  const host = await runHost('lua5.4', [SCRIPT, 'first', 'second arg'], {
    cwd: mkdtempSync(join(tmpdir(), 'kiln-lua-host-')),
    env: { TZ: 'UTC', KILN_WORKOUT: 'yes it is' },
  });
  t.equal(host.code, 0, `the host's lua5.4 runs the workout (stderr: ${host.stderr})`);
  t.match(host.stdout, /== done\n$/, 'and gets to its end');

  for (const image of IMAGES) {
    t.test(`GIVEN the Lua image for ${image.board} WHEN it boots THEN it prints what lua5.4 prints`, async (t) => {
      const dir = join(out, image.id);
      const run = await runGuest(dir, { timeoutMs: 60_000 });
      const guest = splitGuestOutput(run.output);
      t.equal(run.status, 0, 'exit status 0');
      t.equal(guest.program.trimEnd(), host.stdout.trimEnd(), 'the same output, line for line');
      t.same(enosysNotices(guest.kiln), [], 'no call failed with ENOSYS');

      const calls = writePosixCallsReport(dir);
      t.same(JSON.parse(readFileSync(join(dir, 'posix-calls.json'), 'utf8')), calls, 'posix-calls.json is written');
      t.same(calls.application, ['liblua', 'lua'], 'the application is the Lua library and interpreter');
      for (const name of ['open', 'read', 'write', 'lseek', 'close', 'unlink', 'rename', 'times', 'gettimeofday']) {
        t.ok(calls.satisfied.includes(name), `${name} is referenced and satisfied`);
      }
      t.same(calls.missing, [], 'nothing is missing');
      // os.execute() reaches system(); the workout never calls it, and the console said no ENOSYS.
      t.same(calls.enosys, ['system'], 'only system() would fail with ENOSYS');

      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { artifact: { file: string; bytes: number } };
      const memory = memoryFigures(guest.kiln);
      t.ok(memory, 'the memory report is printed');
      t.comment(`${image.id}: ${report.artifact.file} ${report.artifact.bytes} bytes; footprint ${memory?.footprint} bytes `
        + `(static ${memory?.static}, stacks ${memory?.stacks} of which boot stack used ${memory?.bootStackUsed}, heap peak ${memory?.heapPeak})`);
    });
  }
});
