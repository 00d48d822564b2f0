// SPDX-License-Identifier: MIT
// The user's own C program in Kiln images (issue 14): built from image.ts
// and from its spec twin for all three boards, booted in QEMU; a rebuild
// after editing one source compiles that one object; a duplicate main()
// and a missing header are one line each, naming the user's files.
import t from 'tap';
import { cpSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';
import { patience } from '../helpers/watchdog.ts';

// kiln run's own limit for a short program: a minute, scaled by the machine's load.
const RUN_LIMIT_S = String(Math.round(patience(60_000) / 1000));

const FIXTURE = join(ROOT, 'test/fixtures/own-code');
const BOARDS = ['virt', 'rpi3', 'ultra96'] as const;
const EXPECTED = [
  'blink 1 of 3',
  'blink 2 of 3',
  'blink 3 of 3',
  'slept at least 60 ms: yes',
  'argv: 2:first',
  'note: written on the host',
];

t.test('GIVEN a C program WHEN built from image.ts and from its spec twin THEN both boot on every board with the same ELF', async (t) => {
  const out = tempDir();
  const fromProgram = await kiln(['build', join(FIXTURE, 'image.ts'), '-o', join(out, 'ts'), '--quiet'], { timeoutMs: 300_000 });
  t.equal(fromProgram.code, 0, `image.ts builds (stderr: ${fromProgram.stderr.slice(-1500)})`);
  const fromSpec = await kiln(['build', join(FIXTURE, 'image.yaml'), '-o', join(out, 'yaml'), '--quiet'], { timeoutMs: 300_000 });
  t.equal(fromSpec.code, 0, `image.yaml builds (stderr: ${fromSpec.stderr.slice(-1500)})`);
  for (const board of BOARDS) {
    const id = `blink-${board}`;
    t.ok(readFileSync(join(out, 'ts', id, 'image.elf')).equals(readFileSync(join(out, 'yaml', id, 'image.elf'))), `${id}: the same ELF from both`);
    const run = await kiln(['run', join(out, 'ts', id), '--timeout', RUN_LIMIT_S], { timeoutMs: 90_000 });
    t.equal(run.code, 42, `${id}: main()'s status is kiln run's (stderr: ${run.stderr.slice(-500)})`);
    t.same(run.stdout.trim().split(/\r?\n/).filter((l) => !l.startsWith('kiln:')), EXPECTED, `${id}: the program's output`);
  }
  const report = JSON.parse(readFileSync(join(out, 'ts', 'blink-virt', 'report.json'), 'utf8')) as { sizes: { libraries: { name: string; total: number }[] } };
  t.ok(report.sizes.libraries.some((l) => l.name === 'blink' && l.total > 0), 'the size report has the program as a library of its own');
});

t.test('GIVEN a built program WHEN one source is edited THEN the rebuild compiles exactly that object, once for every board', async (t) => {
  const project = join(tempDir(), 'blink');
  cpSync(FIXTURE, project, { recursive: true });
  const first = await kiln(['build', 'image.yaml', '--quiet'], { cwd: project, timeoutMs: 300_000 });
  t.equal(first.code, 0, first.stderr.slice(-1500));
  appendFileSync(join(project, 'src', 'time.c'), '/* edited */\n');
  const again = await kiln(['build', 'image.yaml', '--progress'], { cwd: project, timeoutMs: 300_000 });
  t.equal(again.code, 0, again.stderr.slice(-1500));
  const compiles = again.stderr.split(/[\r\n]/).filter((l) => / CC /.test(l) || /^\[\d+\/\d+\] CC /.test(l));
  const distinct = [...new Set(compiles.map((l) => l.replace(/^.*?\] /, '')))];
  t.same(distinct, [`CC ${join(project, 'src', 'time.c')} (blink-virt +2)`], 'one compile, shared by the three images');
});

t.test('GIVEN a second main() or a missing header WHEN built THEN the error is one line naming the user\'s files', async (t) => {
  const project = join(tempDir(), 'blink');
  cpSync(FIXTURE, project, { recursive: true });
  writeFileSync(join(project, 'src', 'second.c'), 'int main(void)\n{\n\treturn 0;\n}\n');
  const twice = await kiln(['build', 'image.yaml', '--quiet'], { cwd: project, timeoutMs: 300_000 });
  t.equal(twice.code, 1, 'the user\'s error');
  t.match(twice.stderr, new RegExp(`linking blink-\\w+/image.elf failed \\(image blink-\\w+\\): ${project}/src/\\w+\\.c: multiple definition of .main.; ${project}/src/\\w+\\.c: first defined here`));
  t.notMatch(twice.stderr, /ld returned 1/, 'the linker\'s reason, not its exit status');

  cpSync(join(FIXTURE, 'src'), join(project, 'src'), { recursive: true, force: true });
  writeFileSync(join(project, 'src', 'second.c'), '#include "missing.h"\n');
  const header = await kiln(['build', 'image.yaml', '--quiet'], { cwd: project, timeoutMs: 300_000 });
  t.equal(header.code, 1);
  t.match(header.stderr, new RegExp(`compiling ${project}/src/second.c failed \\(images blink-virt, blink-rpi3, blink-ultra96\\): ${project}/src/second.c:1:10: fatal error: missing.h: No such file or directory`));
});
