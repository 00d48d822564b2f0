// SPDX-License-Identifier: MIT
/**
 * The spec loader beyond the corpus: how defaults merge, where origins
 * point, that every problem comes out in one pass, and how files that
 * cannot be read are reported.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { formatSpecProblem, loadSpecFile, parseSpecText, type SpecLoadResult } from '../../../synth/spec/index.ts';
import { testCatalog } from './catalog-fixture.ts';

/** The specs of an accepted result; fails the test with the problems otherwise. */
function accepted(t: Test, result: SpecLoadResult) {
  if (!result.ok) {
    t.fail(`rejected:\n${result.problems.map(formatSpecProblem).join('\n')}`);
    throw new Error('rejected');
  }
  return result;
}

function rejected(t: Test, result: SpecLoadResult) {
  if (result.ok) {
    t.fail('accepted');
    throw new Error('accepted');
  }
  return result.problems;
}

t.test('GIVEN a fleet whose defaults and images both set lists and mappings', async (t) => {
  const text = [
    'version: 1', //                       1
    'defaults:', //                        2
    '  board: qemu-virt', //               3
    '  applications:', //                  4
    '    - kind: hello', //                5
    '      options: { greeting: hi }', //  6
    '  libraries:', //                     7
    '    - kind: ramfs', //                8
    '  allocators: { boot: bump }', //     9
    '  config: { A_ONE: 1, B_TWO: 2 }', // 10
    'images:', //                          11
    '  - id: web', //                      12
    '    libraries:', //                   13
    '      - kind: pl011', //              14
    '    allocators: { app: tlsf }', //    15
    '    config: { B_TWO: 20, C_THREE: 3 }', // 16
  ].join('\n');
  const result = accepted(t, parseSpecText(text, 'fleet.yaml', testCatalog));
  const [web] = result.specs;

  t.test('WHEN it is loaded THEN lists are replaced and mappings merge key by key', async (t) => {
    t.strictSame(web?.libraries, [{ kind: 'pl011' }], 'the image list replaces the defaults list');
    t.strictSame(web?.applications, [{ kind: 'hello', options: { greeting: 'hi' } }], 'an absent list comes from the defaults');
    t.strictSame(web?.allocators, { boot: 'bump', app: 'tlsf' }, 'allocator slots merge');
    t.strictSame(web?.config, { A_ONE: 1, B_TWO: 20, C_THREE: 3 }, 'config merges, the image wins');
  });

  t.test('WHEN origins are read THEN each value points where it was written', async (t) => {
    const origins = result.origins.get('web');
    t.ok(origins);
    if (!origins) return;
    t.match(origins.image, { file: 'fleet.yaml', line: 12, pointer: '/images/0' });
    t.match(origins.applications, [{ line: 5, pointer: '/defaults/applications/0' }], 'an inherited application points into the defaults');
    t.match(origins.libraries, [{ line: 14, pointer: '/images/0/libraries/0' }]);
    t.match(origins.values.get('/board'), { line: 3, column: 10, pointer: '/defaults/board' });
    t.match(origins.values.get('/config/A_ONE'), { line: 10, pointer: '/defaults/config/A_ONE' });
    t.match(origins.values.get('/config/B_TWO'), { line: 16, pointer: '/images/0/config/B_TWO' });
    t.match(origins.values.get('/allocators/boot'), { line: 9, pointer: '/defaults/allocators/boot' });
    t.match(origins.values.get('/allocators/app'), { line: 15, pointer: '/images/0/allocators/app' });
    t.match(origins.values.get('/applications/0/options/greeting'), { line: 6 });
  });
});

t.test('GIVEN a fleet that reuses a list through a YAML alias', async (t) => {
  const file = fileURLToPath(new URL('../../fixtures/specs/valid/05-anchors.yaml', import.meta.url));

  t.test('WHEN origins are read THEN the list points at the alias and its entries at the anchor', async (t) => {
    const origins = accepted(t, loadSpecFile(file, testCatalog)).origins.get('second');
    t.match(origins?.values.get('/applications'), { line: 14, pointer: '/images/1/applications' });
    t.match(origins?.applications, [{ line: 8, pointer: '/images/1/applications/0' }]);
  });
});

t.test('GIVEN a file with several unrelated mistakes', async (t) => {
  const text = [
    'id: Web', //                          1: bad id
    'board: rpi5', //                      2: unknown board
    'toolchain: llvm', //                  3: unknown toolchain
    'applications:', //                    4
    '  - kind: helo', //                   5: unknown kind
    '  - kind: hello', //                  6
    '    options: { exitStatus: 999 }', // 7: out of range
    'config: { debug: true }', //          8: bad config key
    'colour: blue', //                     9: unknown key
  ].join('\n');

  t.test('WHEN it is loaded THEN every mistake is reported at once, in line order', async (t) => {
    const problems = rejected(t, parseSpecText(text, 'web.yaml', testCatalog));
    t.strictSame(
      problems.map((p) => p.line),
      [1, 2, 3, 5, 7, 8, 9],
    );
  });
});

t.test('GIVEN a fleet whose defaults hold a bad value and whose images are many', async (t) => {
  const images = Array.from({ length: 5 }, (_, i) => `  - id: image-${i}`);
  const text = ['version: 1', 'defaults:', '  board: pi', '  applications: [{ kind: hello }]', 'images:', ...images].join('\n');

  t.test('WHEN it is loaded THEN the bad value is reported once, at its line in the defaults', async (t) => {
    const problems = rejected(t, parseSpecText(text, 'fleet.yaml', testCatalog));
    t.equal(problems.length, 1);
    t.match(problems[0], { line: 3, pointer: '/defaults/board', message: /in the fleet defaults is not one Kiln knows/ });
  });
});

t.test('GIVEN spec text and the name of the file it came from', async (t) => {
  const text = '{ "id": "web", "board": qemu-virt, "applications": [{ "kind": "hello" }] }';

  t.test('WHEN the name ends in .json THEN the text is read as strict JSON', async (t) => {
    const problems = rejected(t, parseSpecText(text, 'web.json'));
    t.match(problems[0], { line: 1, column: 25, message: /not a JSON value; write strings in double quotes/ });
  });

  t.test('WHEN the name ends in .yaml THEN the same text is YAML and loads', async (t) => {
    accepted(t, parseSpecText(text, 'web.yaml'));
  });
});

t.test('GIVEN no catalog', async (t) => {
  t.test('WHEN a spec names libraries nobody knows THEN only the shape is checked', async (t) => {
    const result = parseSpecText('id: web\nboard: qemu-virt\napplications: [{ kind: anything, options: { x: 1 } }]\n', 'web.yaml');
    t.ok(result.ok);
  });
});

t.test('GIVEN options of every Kconfig type', async (t) => {
  const image = (options: string): string => `id: web\nboard: qemu-virt\napplications: [{ kind: hello }]\nlibraries:\n  - kind: tlsf\n    options: ${options}\n`;

  t.test('WHEN a hex option is written as 0x text THEN it is accepted', async (t) => {
    accepted(t, parseSpecText(image('{ poolSize: "0x8000" }'), 'web.yaml', testCatalog));
  });

  t.test('WHEN a hex option is out of range THEN the range is shown in hex', async (t) => {
    const problems = rejected(t, parseSpecText(image('{ poolSize: 0x10 }'), 'web.yaml', testCatalog));
    t.match(problems[0], { line: 6, message: /is 0x10, outside its range 0x1000 to 0x1000000/ });
  });
});

t.test('GIVEN keys that could be mistaken for object machinery', async (t) => {
  t.test('WHEN a spec has a "__proto__" key THEN it is an unknown key, not a prototype', async (t) => {
    const problems = rejected(t, parseSpecText('id: web\nboard: qemu-virt\napplications: [{ kind: hello }]\n__proto__: { polluted: true }\n', 'web.yaml'));
    t.match(problems, [{ line: 4, pointer: '/__proto__', message: /unknown key "__proto__"/ }]);
    t.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});

t.test('GIVEN a document that aliases its way to millions of values', async (t) => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);

  t.test('WHEN it is loaded THEN it is refused without expanding it', async (t) => {
    const problems = rejected(t, parseSpecText(lines.join('\n'), 'bomb.yaml'));
    t.match(problems, [{ message: /expands to more than 100000 values through aliases/ }]);
  });
});

t.test('GIVEN aliases to an anchor that does not exist, expanded many times', async (t) => {
  const lines = ['a0: &a0 [*missing, *missing]'];
  for (let i = 1; i < 4; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);

  t.test('WHEN it is loaded THEN each alias written is reported once, however often it is expanded', async (t) => {
    const problems = rejected(t, parseSpecText(lines.join('\n'), 'aliases.yaml'));
    const missing = problems.filter((p) => /the alias \*missing refers to no anchor/.test(p.message));
    t.same(missing.map((p) => [p.line, p.column]), [[1, 10], [1, 20]], `two aliases written, 2,000 expanded, two reported (of ${problems.length} problems)`);
  });

  t.test('WHEN a bomb is built on them THEN the node budget stops it', async (t) => {
    const bomb = [...lines];
    for (let i = 4; i < 8; i++) bomb.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    t.match(rejected(t, parseSpecText(bomb.join('\n'), 'bomb.yaml')), [{ message: /expands to more than 100000 values through aliases/ }]);
  });
});

t.test('GIVEN spec files on disk', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-spec-'));

  t.test('WHEN the file does not exist THEN that is a problem at its first line, not an exception', async (t) => {
    const file = join(dir, 'missing.yaml');
    const problems = rejected(t, loadSpecFile(file));
    t.match(problems, [{ file, line: 1, column: 1, pointer: '', message: /cannot be read .*ENOENT.*; check the path/ }]);
  });

  t.test('WHEN the file is neither YAML nor JSON by name THEN it is refused', async (t) => {
    const file = join(dir, 'image.toml');
    writeFileSync(file, 'id = "web"\n');
    t.match(rejected(t, loadSpecFile(file)), [{ message: /named \*\.yaml, \*\.yml or \*\.json/ }]);
  });

  t.test('WHEN a .yml file is valid THEN it loads', async (t) => {
    const file = join(dir, 'web.yml');
    writeFileSync(file, 'id: web\nboard: qemu-virt\napplications: [{ kind: hello }]\n');
    t.strictSame(accepted(t, loadSpecFile(file, testCatalog)).specs, [{ id: 'web', board: 'qemu-virt', applications: [{ kind: 'hello' }] }]);
  });
});

t.test('GIVEN a problem', async (t) => {
  t.test('WHEN it is formatted THEN it reads file:line:col: message (at pointer)', async (t) => {
    t.equal(
      formatSpecProblem({ file: 'fleet.yaml', line: 12, column: 5, pointer: '/images/3/board', message: '"board" is wrong' }),
      'fleet.yaml:12:5: "board" is wrong (at /images/3/board)',
    );
    t.equal(formatSpecProblem({ file: 'a.yaml', line: 1, column: 1, pointer: '', message: 'the spec is empty' }), 'a.yaml:1:1: the spec is empty');
  });
});
