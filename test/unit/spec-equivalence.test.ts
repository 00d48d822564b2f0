// SPDX-License-Identifier: MIT
// The construct tree and the equivalent spec file give byte-identical
// assembly folders: one IR, one pipeline.
import t from 'tap';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { synthFile } from '../../synth/cli/private/program.ts';
import { ROOT, tempDir } from '../helpers/cli.ts';

/** Every file of an assembly, less Kiln's bookkeeping (.kiln/: where things were written, which must differ). */
function files(dir: string): string[] {
  return readdirSync(dir).filter((name) => name !== '.kiln').flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(files(dir).map((f) => relative(dir, f)).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((d) => {
  const names = readdirSync(join(ROOT, 'examples', d));
  return names.includes('image.ts') && names.includes('image.yaml');
});

t.test('GIVEN every example with a spec twin WHEN both are synthesized THEN the assembly folders are byte-identical', async (t) => {
  t.ok(EXAMPLES.length >= 1, `examples with both forms: ${EXAMPLES.join(', ')}`);
  for (const example of EXAMPLES) {
    // The same folder for both, as a user switching front ends would have (some files, such as compile_commands.json, hold it).
    const outdir = join(tempDir(), 'kiln.out');
    await synthFile({ file: `examples/${example}/image.ts`, outdir, typecheck: false });
    const fromCode = snapshot(outdir);
    rmSync(outdir, { recursive: true });
    await synthFile({ file: `examples/${example}/image.yaml`, outdir });
    const fromSpec = snapshot(outdir);
    t.same([...fromSpec.keys()], [...fromCode.keys()], `${example}: the same files`);
    t.ok(fromCode.size > 5, `${example}: something was written`);
    for (const [f, bytes] of fromCode) t.ok(bytes.equals(fromSpec.get(f) ?? Buffer.alloc(0)), `${example}: ${f} identical`);
  }
});
