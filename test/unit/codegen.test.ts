// SPDX-License-Identifier: MIT
import t from 'tap';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { generateOptionTypes } from '../../synth/codegen.ts';
import { ROOT, kiln, tempDir } from '../helpers/cli.ts';

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
  t.match(hello!.content, /readonly exitStatus\?: number;/, 'int: a number, so computed values need no cast');
  t.match(hello!.content, /export interface HelloOptionRanges \{\s+readonly exitStatus: OptionRange<0, 255, 'APP_HELLO_EXIT_STATUS'>;/, 'its range: checked against literals by the constructor');
  t.match(hello!.content, /readonly greeting\?: string;/);
  t.match(hello!.content, /@default "Hello from Kiln!"/);
  t.match(hello!.content, /Kconfig: APP_HELLO_EXIT_STATUS/);
  const boot = (await generateOptionTypes(loadCatalog())).find((f) => f.path.endsWith('boot-options.ts'));
  t.match(boot!.content, /readonly stackSize\?: number;/, 'hex: a number');
  t.match(boot!.content, /Range: 0x1000 to 0x100000\./, 'hex ranges in hex');
  t.match(boot!.content, /readonly timeline\?: boolean;/, 'bool: boolean');
});

t.test('GIVEN a user\'s library folder WHEN kiln codegen is given it THEN only its libraries get interfaces, in its generated/ folder', async (t) => {
  const libs = join(tempDir(), 'libs');
  cpSync(join(ROOT, 'examples/custom/libs'), libs, { recursive: true, filter: (src) => !src.includes('/generated') });
  const r = await kiln(['codegen', libs]);
  t.equal(r.code, 0, r.stderr);
  t.same(readdirSync(join(libs, 'generated')).sort(), ['counter-options.ts', 'index.ts'], 'the counter library, not Kiln\'s');
  t.match(readFileSync(join(libs, 'generated', 'index.ts'), 'utf8'), /export type \{ CounterOptions, CounterOptionRanges \} from '\.\/counter-options\.js';/, 'NodeNext-style imports for the user\'s tsc');
  t.match(readFileSync(join(libs, 'generated', 'counter-options.ts'), 'utf8'), /from counter\/Kconfig\. Do not edit: run `npx kiln codegen .*libs`\.[\s\S]*readonly limit\?: number;/);
  t.equal((await kiln(['codegen', libs, '--check'])).code, 0, 'current after writing');
  writeFileSync(join(libs, 'counter', 'Kconfig'), readFileSync(join(libs, 'counter', 'Kconfig'), 'utf8').replace('How far to count', 'How far'));
  const stale = await kiln(['codegen', libs, '--check']);
  t.equal(stale.code, 1);
  t.match(stale.stderr, /stale: generated\/counter-options\.ts/);
  t.equal((await kiln(['codegen', join(ROOT, 'examples/custom/libs'), '--check'])).code, 0, 'examples/custom/libs/generated is current');
});
