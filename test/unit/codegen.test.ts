// SPDX-License-Identifier: MIT
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { generateOptionTypes } from '../../synth/codegen.ts';
import { ROOT, kiln } from '../helpers/cli.ts';

t.test('GIVEN the Kconfig tree WHEN option types are generated THEN the committed files are current', async (t) => {
  const files = await generateOptionTypes(loadCatalog());
  t.ok(files.length >= 2);
  for (const f of files) {
    t.equal(readFileSync(join(ROOT, f.path), 'utf8'), f.content, `${f.path} is current (run npx kiln codegen)`);
  }
  const check = await kiln(['codegen', '--check']);
  t.equal(check.code, 0, `kiln codegen --check passes (${check.stderr})`);
});

t.test('GIVEN hello\'s Kconfig THEN its options carry types, ranges, help and defaults', async (t) => {
  const hello = (await generateOptionTypes(loadCatalog())).find((f) => f.path.endsWith('hello-options.ts'));
  t.ok(hello);
  t.match(hello!.content, /readonly exitStatus\?: IntRange<0, 255>;/, 'int with a small range: a literal range type');
  t.match(hello!.content, /readonly greeting\?: string;/);
  t.match(hello!.content, /@default "Hello from Kiln!"/);
  t.match(hello!.content, /Kconfig: APP_HELLO_EXIT_STATUS/);
  const boot = (await generateOptionTypes(loadCatalog())).find((f) => f.path.endsWith('boot-options.ts'));
  t.match(boot!.content, /readonly stackSize\?: number;/, 'hex: a number');
  t.match(boot!.content, /Range: 0x1000 to 0x100000\./, 'hex ranges in hex');
  t.match(boot!.content, /readonly timeline\?: boolean;/, 'bool: boolean');
});
