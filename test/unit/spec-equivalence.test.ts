// SPDX-License-Identifier: MIT
// The construct tree and the equivalent spec file give byte-identical
// assembly folders: one IR, one pipeline.
import t from 'tap';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { synthFile } from '../../synth/cli/private/program.ts';
import { ROOT, tempDir } from '../helpers/cli.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((d) => {
  const names = readdirSync(join(ROOT, 'examples', d));
  return names.includes('image.ts') && names.includes('image.yaml');
});

t.test('GIVEN every example with a spec twin WHEN both are synthesized THEN the assembly folders are byte-identical', async (t) => {
  t.ok(EXAMPLES.length >= 1, `examples with both forms: ${EXAMPLES.join(', ')}`);
  for (const example of EXAMPLES) {
    const fromCode = join(tempDir(), 'kiln.out');
    const fromSpec = join(tempDir(), 'kiln.out');
    await synthFile({ file: `examples/${example}/image.ts`, outdir: fromCode, typecheck: false });
    await synthFile({ file: `examples/${example}/image.yaml`, outdir: fromSpec });
    const a = files(fromCode).map((f) => relative(fromCode, f)).sort();
    const b = files(fromSpec).map((f) => relative(fromSpec, f)).sort();
    t.same(b, a, `${example}: the same files`);
    t.ok(a.includes('hello/manifest.json') || a.length > 5, `${example}: something was written`);
    for (const f of a) {
      t.ok(readFileSync(join(fromCode, f)).equals(readFileSync(join(fromSpec, f))), `${example}: ${f} identical`);
    }
  }
});
