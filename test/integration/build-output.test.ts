// SPDX-License-Identifier: MIT
// What kiln build prints, on a real build: one line per image with the
// change since the last build in the same folder, the size tables only when
// asked, and a --json document that conforms to its published schema.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';
import { schemaValidator } from '../helpers/schema.ts';

const spec = (greeting: string) => `id: hello\nboard: qemu-virt\napplications: [{ kind: hello, options: { greeting: "${greeting}" } }]\n`;

t.test('GIVEN an image built again and again in one folder WHEN kiln build prints THEN new, unchanged, then the bytes it changed by', async (t) => {
  const dir = tempDir();
  const file = join(dir, 'image.yaml');
  const out = join(dir, 'kiln.out');
  const line = (change: string) => new RegExp(`^hello  ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/hello/image\\.bin  \\d+ B  ${change}\n$`);
  writeFileSync(file, spec('Hi'));

  const first = await kiln(['build', file, '-o', out, '--quiet']);
  t.equal(first.code, 0, first.stderr);
  t.match(first.stdout, line('new'), 'one line: never built here before');
  // stderr holds the closing line alone (after what the compile cache answered, when the suite's KILN_CACHE names one).
  t.match(first.stderr, /^(compile cache .*: \d+ of \d+ compiles answered, \d+ compiled\n)?built in [\d.]+ s\n$/);

  const again = await kiln(['build', file, '-o', out, '--quiet']);
  t.match(again.stdout, line('unchanged'), 'the same bytes as the last build');

  writeFileSync(file, spec('Hello from a much longer greeting than before, to grow the image'));
  const grown = await kiln(['build', file, '-o', out, '--quiet']);
  t.match(grown.stdout, line('\\+\\d+ B'), 'a longer greeting: bytes added');

  const sizes = await kiln(['build', file, '-o', out, '--quiet', '--sizes']);
  t.match(`${sizes.stdout.split('\n')[0]}\n`, line('unchanged'), 'the line first');
  t.match(sizes.stdout, /\n {2,}text {2}rodata {2}data {3}bss {2}total\n/, '--sizes: the table');
  t.match(sizes.stdout, /\n {2}hello +\d+/, 'with a row per micro-library');
  const verbose = await kiln(['build', file, '-o', out, '--quiet', '-v']);
  t.equal(verbose.stdout, sizes.stdout, '-v is --sizes');
  t.notMatch(again.stdout, /rodata/, 'no table by default');
});

t.test('GIVEN a fleet WHEN kiln build --json THEN stdout is one document conforming to schema/build-result.schema.json', async (t) => {
  const validate = schemaValidator('build-result');
  const out = join(tempDir(), 'kiln.out');
  const r = await kiln(['build', 'examples/fleet/fleet.yaml', '-o', out, '--quiet', '--json']);
  t.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { images: { id: string; change: string; artifact: { bytes: number } }[] };
  t.equal(validate(doc), '', 'conforms');
  t.same(doc.images.map((i) => [i.id, i.change]), [['lisbon-sensor', 'new'], ['porto-sensor', 'new'], ['lisbon-gateway', 'new'], ['lab-ci', 'new']]);
  t.ok(doc.images.every((i) => i.artifact.bytes > 1000));
  const again = JSON.parse((await kiln(['build', 'examples/fleet/fleet.yaml', '-o', out, '--quiet', '--json'])).stdout) as typeof doc;
  t.equal(validate(again), '');
  t.same(again.images.map((i) => i.change), ['unchanged', 'unchanged', 'unchanged', 'unchanged']);
});
