// SPDX-License-Identifier: MIT
// A failing init step stops the boot: the boot library names the step,
// its reason and its error, and the image exits with status 1 before
// main() runs.
import t from 'tap';
import { BOARDS, boot, buildProgram } from './os-support.ts';
import { patience } from '../helpers/watchdog.ts';

t.test('GIVEN images whose RAM file system cannot plant an embedded file, on every board', async (t) => {
  const out = await buildProgram('test/fixtures/programs/os-init.ts');
  for (const b of BOARDS) {
    t.test(`WHEN init-fail-${b} boots THEN kiln_ramfs_init fails with ENAMETOOLONG, the boot stops and the image exits 1`, async (t) => {
      const r = await boot(out, `init-fail-${b}`);
      t.equal(r.status, 1, `exit status\n${r.output}`);
      t.ok(r.ms < patience(5000), `ended in ${r.ms} ms`);
      // picolibc's ENAMETOOLONG is 91.
      t.match(r.output, /^kiln: boot: kiln_ramfs_init failed: ramfs: an embedded path is too long \(error -91\)$/m, 'the step, its reason and its error');
      t.match(r.output, /^kiln: boot: exiting with status 1$/m);
      t.notMatch(r.output, /main\(\) ran/, 'main() never runs');
      t.notMatch(r.output, /kiln: crash/, 'a failed step is not a crash');
    });
  }
});
