// SPDX-License-Identifier: MIT
/**
 * normalizeImageSpec: one image, two spellings (a YAML file and a construct
 * tree), one normal form.
 */
import t from 'tap';
import { type ImageSpec, normalizeImageSpec, parseSpecText } from '../../../synth/spec/index.ts';
import { testCatalog } from './catalog-fixture.ts';

t.test('GIVEN a spec that spells out every default', async (t) => {
  const verbose: ImageSpec = {
    id: 'web',
    board: 'qemu-virt',
    target: 'qemu',
    toolchain: 'gcc',
    applications: [{ kind: 'hello', options: {} }],
    libraries: [],
    config: {},
  };

  t.test('WHEN it is normalized THEN the defaults drop out', async (t) => {
    t.strictSame(normalizeImageSpec(verbose), { id: 'web', board: 'qemu-virt', applications: [{ kind: 'hello' }] });
  });

  t.test('WHEN it is normalized twice THEN the second pass changes nothing', async (t) => {
    const once = normalizeImageSpec(verbose);
    t.strictSame(normalizeImageSpec(once), once);
  });
});

t.test('GIVEN a spec with non-default values in scrambled order', async (t) => {
  const spec: ImageSpec = {
    config: { Z_LAST: 1, A_FIRST: true },
    scheduler: 'cooperative',
    allocators: { app: 'tlsf', boot: 'bump' },
    applications: [{ options: { greeting: 'hi', exitStatus: 3 }, kind: 'hello' }],
    toolchain: 'clang',
    target: 'hardware',
    board: 'ultra96-v2',
    id: 'web',
  };

  t.test('WHEN it is normalized THEN values are kept, keys sorted and fields in a fixed order', async (t) => {
    const normal = normalizeImageSpec(spec);
    t.equal(
      JSON.stringify(normal),
      JSON.stringify({
        id: 'web',
        board: 'ultra96-v2',
        target: 'hardware',
        toolchain: 'clang',
        applications: [{ kind: 'hello', options: { exitStatus: 3, greeting: 'hi' } }],
        allocators: { boot: 'bump', app: 'tlsf' },
        scheduler: 'cooperative',
        config: { A_FIRST: true, Z_LAST: 1 },
      }),
    );
  });
});

t.test('GIVEN the same image from a YAML file and from constructs', async (t) => {
  const yaml = ['id: web', 'board: qemu-virt', 'toolchain: gcc', 'applications:', '  - kind: hello', '    options: { exitStatus: 0 }', 'config: { B: 2, A: 1 }'].join('\n');
  // What a construct tree might produce: optional fields present but undefined.
  const fromConstructs: ImageSpec = {
    id: 'web',
    board: 'qemu-virt',
    target: undefined,
    applications: [{ kind: 'hello', options: { exitStatus: 0 } }],
    libraries: [],
    scheduler: undefined,
    config: { A: 1, B: 2 },
  };

  t.test('WHEN both are normalized THEN they are deep-equal and serialize identically', async (t) => {
    const loaded = parseSpecText(yaml, 'web.yaml', testCatalog);
    t.ok(loaded.ok);
    if (!loaded.ok) return;
    const [fromYaml] = loaded.specs;
    t.strictSame(fromYaml, normalizeImageSpec(fromConstructs));
    t.equal(JSON.stringify(fromYaml), JSON.stringify(normalizeImageSpec(fromConstructs)));
  });
});
