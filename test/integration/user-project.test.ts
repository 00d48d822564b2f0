// SPDX-License-Identifier: MIT
// A project outside Kiln (examples/custom, copied to a temporary folder): its
// own board (virt with 64 MiB: a Board subclass in its image.ts reading
// libs/small-virt/board.yaml) and its own library (libs/counter, with a
// Kconfig option set from image.ts), built and booted on QEMU.
import t from 'tap';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';

t.test('GIVEN a user project with its own board and library WHEN built and run THEN it boots on QEMU with 64 MiB and prints what its option set', async (t) => {
  const project = tempDir('kiln-user-project-');
  cpSync(join(ROOT, 'examples/custom'), project, { recursive: true });
  // Kiln is not installed there: the program imports this checkout instead of the 'kiln' package.
  const program = readFileSync(join(project, 'image.ts'), 'utf8')
    .replace("from 'kiln'", `from '${join(ROOT, 'constructs/index.ts')}'`);
  writeFileSync(join(project, 'image.ts'), program);

  // No package.json, no node_modules: the type check and the program still work (Node takes image.ts for CommonJS there).
  const build = await kiln(['build', 'image.ts'], { cwd: project, env: { XDG_CACHE_HOME: tempDir('kiln-cache-') } });
  t.equal(build.code, 0, `kiln build succeeds\n${build.stderr}`);
  const manifest = JSON.parse(readFileSync(join(project, 'kiln.out/counter/manifest.json'), 'utf8'));
  t.equal(manifest.board.id, 'small-virt', 'the board is the user\'s');
  t.match(manifest.qemu.args.join(' '), /-m 64M/, 'QEMU is given the board\'s 64 MiB');
  t.match(readFileSync(join(project, 'kiln.out/counter/.config'), 'utf8'), /^CONFIG_APP_COUNTER_LIMIT=20$/m);

  const run = await kiln(['run', 'kiln.out/counter'], { cwd: project });
  t.match(run.stdout, /counter: 1\.\.20 sums to 210/, 'the user\'s program ran with the option image.ts set');
  t.equal(run.code, 210, 'main()\'s status (210) is kiln run\'s');
});
