// SPDX-License-Identifier: MIT
import t from 'tap';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';

const cases = [
  { file: 'syntax-error.ts', where: /test\/fixtures\/invalid\/syntax-error\.ts:6:\d+: syntax error/ },
  { file: 'unknown-board.ts', where: /test\/fixtures\/invalid\/unknown-board\.ts:7:\d+: TypeError: RaspberryPi5 is not a constructor/ },
  { file: 'board-as-string.ts', where: /test\/fixtures\/invalid\/board-as-string\.ts:6:\d+ \(hello\): "board" must be a Board/ },
  { file: 'duplicate-ids.ts', where: /test\/fixtures\/invalid\/duplicate-ids\.ts:7:\d+ \(edge\): two images have the id "edge" \(first defined at test\/fixtures\/invalid\/duplicate-ids\.ts:5\)/ },
  { file: 'no-synth.ts', where: /test\/fixtures\/invalid\/no-synth\.ts: the program ran but synthesized nothing/ },
];

for (const c of cases) {
  t.test(`GIVEN ${c.file} WHEN kiln build runs THEN it fails naming the user's file and line, and writes nothing`, async (t) => {
    const out = join(tempDir(), 'kiln.out');
    const r = await kiln(['build', `test/fixtures/invalid/${c.file}`, '-o', out]);
    t.equal(r.code, 1, `exit status (stderr: ${r.stderr})`);
    t.match(r.stderr, c.where);
    t.notMatch(r.stderr, /^\s+at /m, 'no stack trace without --debug');
    t.notOk(existsSync(out) && readdirSync(out).length, 'nothing written to the assembly folder');
  });
}

t.test('GIVEN no arguments or an unknown command THEN usage and exit 2', async (t) => {
  const r = await kiln([]);
  t.equal(r.code, 2);
  t.match(r.stderr, /Usage: kiln \[options\] \[command\]/);
  const u = await kiln(['deploy', 'x']);
  t.equal(u.code, 2);
  t.match(u.stderr, /unknown command 'deploy'/);
});

t.test('GIVEN an image folder that was never built WHEN kiln run THEN it says to build first', async (t) => {
  const r = await kiln(['run', join(tempDir(), 'nothing-here')]);
  t.equal(r.code, 1);
  t.match(r.stderr, /not a Kiln image folder/);
});
