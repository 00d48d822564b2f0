// SPDX-License-Identifier: MIT
// A construct's origin is the user's file and line: relative paths such as
// Lua's scriptFile are resolved against it, so a frame of Node's loader or
// of Kiln's own sources taken for the user's file sends them astray.
import t from 'tap';
import { fileURLToPath } from 'node:url';
import { originInStack } from '../../constructs/private/origin.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

t.test('GIVEN a stack from a construct called at the top level of an ES module', async (t) => {
  const frames = (user: string) => [
    `at new Lua (${root}constructs/apps/lua.ts:55:5)`,
    `at ${user}:3:54`,
    'at ModuleJob.run (internal/modules/esm/module_job:325:25)',
    'at async onImport.tracePromise.__proto__ (node:internal/modules/esm/loader:606:26)',
  ];

  t.test('WHEN the user file is outside Kiln THEN it is the origin', async (t) => {
    t.match(originInStack(frames('file:///home/me/edge/image.ts')), { line: 3, column: 54, file: /image\.ts$/ });
  });

  t.test('WHEN the user file is in a folder of the Kiln tree that is not Kiln source THEN it is the origin', async (t) => {
    t.match(originInStack(frames(`${root}.scratch/image.ts`)), { line: 3, file: /\.scratch[/\\]image\.ts$/ });
    t.match(originInStack(frames(`${root}examples/lua/image.ts`)), { line: 3, file: /examples[/\\]lua[/\\]image\.ts$/ });
  });

  t.test("WHEN no user frame is left but Node's loader THEN there is no file, never the loader's", async (t) => {
    const origin = originInStack(frames(`${root}synth/load.ts`), 'web/lua');
    t.same(origin, { path: 'web/lua' });
  });
});
