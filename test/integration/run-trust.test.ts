// SPDX-License-Identifier: MIT
// An image folder is data (a CI artifact, a colleague's build): kiln run
// derives QEMU's command from the board description and refuses a folder
// whose manifest, ELF or artifact changed since its build (issue 18).
import t from 'tap';
import crypto from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';

t.test('GIVEN a built image WHEN its folder is tampered with THEN kiln run refuses it, and runs nothing it names', async (t) => {
  const out = join(tempDir(), 'out');
  const built = await kiln(['build', 'examples/hello/image.yaml', '-o', out, '--quiet']);
  t.equal(built.code, 0, `built\n${built.stderr}`);
  const image = join(out, 'hello');
  const ok = await kiln(['run', image]);
  t.equal(ok.code, 0, 'the untouched folder runs');

  const marker = join(tempDir(), 'pwned');
  const copy = (name: string) => { const dir = join(tempDir(), name); cpSync(image, dir, { recursive: true }); return dir; };
  const edit = (dir: string, file: string, change: (json: Record<string, any>) => void) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    change(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
  };

  // The attack from the audit: the manifest names sh as the emulator.
  const shell = copy('shell');
  edit(shell, 'manifest.json', (m) => { m.qemu.binary = 'sh'; m.qemu.args = ['-c', `touch ${marker}`]; });
  const r1 = await kiln(['run', shell]);
  t.equal(r1.code, 1, 'refused as the user\'s error');
  t.match(r1.stderr, /manifest\.json is missing or changed since it was built/);

  // The same, with report.json's record of the manifest forged to match: the command is derived, not read.
  edit(shell, 'report.json', (r) => { r.manifestSha256 = crypto.createHash('sha256').update(readFileSync(join(shell, 'manifest.json'))).digest('hex'); });
  const r2 = await kiln(['run', shell]);
  t.equal(r2.code, 0, 'it runs, as QEMU with the board\'s flags');
  t.match(r2.stdout, /Hello from Kiln on QEMU virt!/);
  t.notOk(existsSync(marker), 'sh never ran');

  // A board that adds QEMU arguments must be one Kiln knows.
  const board = copy('board');
  edit(board, 'manifest.json', (m) => { m.spec.board.id = 'not-virt'; m.spec.board.qemu.extraArgs = ['-plugin', 'file=/tmp/x.so']; });
  edit(board, 'report.json', (r) => { r.manifestSha256 = crypto.createHash('sha256').update(readFileSync(join(board, 'manifest.json'))).digest('hex'); });
  const r3 = await kiln(['run', board]);
  t.equal(r3.code, 1);
  t.match(r3.stderr, /its board "not-virt" is not one this Kiln knows, and it adds QEMU arguments or environment \(-plugin file=\/tmp\/x\.so\)/);

  // Truncated or garbled files are the user's errors, not Kiln bugs.
  const truncated = copy('truncated');
  writeFileSync(join(truncated, 'report.json'), '{"kiln": "build-rep');
  const r4 = await kiln(['run', truncated]);
  t.equal(r4.code, 1);
  t.match(r4.stderr, /report\.json is not a readable build report/);
  const garbled = copy('garbled');
  writeFileSync(join(garbled, 'manifest.json'), '[1, 2');
  const r5 = await kiln(['run', garbled]);
  t.equal(r5.code, 1);
  t.match(r5.stderr, /manifest\.json is not a readable image manifest/);
  const noArtifact = copy('no-artifact');
  edit(noArtifact, 'report.json', (r) => { delete r.artifact; });
  const r6 = await kiln(['run', noArtifact]);
  t.equal(r6.code, 1);
  t.match(r6.stderr, /image\.bin is missing or changed since it was built/);
});
