// SPDX-License-Identifier: MIT
// The POSIX layer checked from inside images (lib/posix-selftest): without
// a scheduler on QEMU virt (built from a spec file, whose embedded folder
// is relative to it), and with pthreads on the cooperative scheduler on
// QEMU virt and the Ultra96-V2 (built from a program). Each image also
// calls fork(), which must fail with ENOSYS and say so, and the build
// report must name it.
import t from 'tap';
import { join } from 'node:path';
import { writePosixCallsReport } from '../../synth/report/posix-calls.ts';
import { kiln, tempDir } from '../helpers/cli.ts';
import { enosysNotices, runGuest, splitGuestOutput } from '../fixtures/posix/guest.ts';

const BUILDS = [
  { input: 'test/fixtures/posix/selftest.yaml', images: [{ id: 'selftest-virt', board: 'QEMU virt, no scheduler', checks: 49 }] },
  {
    input: 'test/fixtures/programs/posix-selftest.ts',
    images: [
      { id: 'selftest-threads-virt', board: 'QEMU virt, cooperative scheduler', checks: 59 },
      { id: 'selftest-threads-ultra96', board: 'Ultra96-V2, cooperative scheduler', checks: 59 },
    ],
  },
];

for (const { input, images } of BUILDS) {
  t.test(`the POSIX self-test from ${input}`, async (t) => {
    const out = join(tempDir(), 'kiln.out');
    const build = await kiln(['build', input, '-o', out], { timeoutMs: 300_000 });
    t.equal(build.code, 0, `kiln build succeeds (stderr: ${build.stderr.slice(-2000)})`);
    for (const image of images) {
      t.test(`GIVEN the self-test on ${image.board} WHEN it boots THEN every check passes`, async (t) => {
        const dir = join(out, image.id);
        const run = await runGuest(dir, { timeoutMs: 60_000 });
        const guest = splitGuestOutput(run.output);
        t.equal(run.status, 0, 'exit status 0 (no failed check)');
        t.match(guest.program, new RegExp(`posix-selftest: ${image.checks} checks, 0 failed`), `all ${image.checks} checks ran and passed`);
        t.notMatch(guest.program, /^not ok/m, 'no check failed');
        t.same(enosysNotices(guest.kiln), ['kiln: posix: fork() is not implemented (ENOSYS)'], 'fork() said it is not implemented');

        const calls = writePosixCallsReport(dir);
        t.same(calls.enosys, ['fork'], 'the build report names fork() as an ENOSYS call');
        t.match(calls.calls.find((c) => c.name === 'fork'), { status: 'enosys', direct: true, linked: true });
        t.match(calls.calls.find((c) => c.name === 'open'), { status: 'satisfied', provider: 'posix-vfs', direct: true, via: ['fopen'] });
        t.match(calls.calls.find((c) => c.name === 'times'), { status: 'satisfied', provider: 'posix-time', via: ['clock'] });
        if (image.checks > 49) t.match(calls.calls.find((c) => c.name === 'pthread_create'), { status: 'satisfied', provider: 'posix-pthread' });
      });
    }
  });
}
