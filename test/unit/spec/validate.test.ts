// SPDX-License-Identifier: MIT
/**
 * Validation of plain data (specs built by constructs): the same checks as
 * spec files, reported by JSON pointer instead of line.
 */
import t from 'tap';
import { type ImageSpec, validateImageSpecs, validateSpecDocument } from '../../../synth/spec/index.ts';
import { testCatalog } from './catalog-fixture.ts';

const hello: ImageSpec = { id: 'web', board: 'qemu-virt', applications: [{ kind: 'hello' }] };

t.test('GIVEN images built in code', async (t) => {
  t.test('WHEN they are well formed, with some fields undefined THEN there are no issues', async (t) => {
    t.strictSame(validateImageSpecs([{ ...hello, target: undefined, allocators: { boot: 'bump', app: 'tlsf' } }], testCatalog), []);
  });

  t.test('WHEN two share an id THEN the issue names the other by pointer', async (t) => {
    t.strictSame(validateImageSpecs([hello, hello]), [
      {
        pointer: '/images/1/id',
        message: 'image id "web" is already used by the 1st image (at /images/0/id); give each image its own id',
      },
    ]);
  });

  t.test('WHEN one names an unknown library and a bad option THEN both are reported with their pointers', async (t) => {
    const issues = validateImageSpecs(
      [{ ...hello, id: 'api', applications: [{ kind: 'hello', options: { exitStatus: -1 } }], libraries: [{ kind: 'ramfz' }] }],
      testCatalog,
    );
    t.match(issues, [
      { pointer: '/images/0/applications/0/options/exitStatus', message: /outside its range 0 to 255/ },
      { pointer: '/images/0/libraries/0/kind', message: /library "ramfz" in image "api" is not in the catalog; did you mean "ramfs"\?/ },
    ]);
  });

  t.test('WHEN there are none THEN that is an issue: a fleet needs an image', async (t) => {
    t.match(validateImageSpecs([]), [{ pointer: '/images', message: /"images" is empty/ }]);
  });
});

t.test('GIVEN a single-image document as plain data', async (t) => {
  t.test('WHEN it lacks its board THEN the issue is at the image', async (t) => {
    t.match(validateSpecDocument({ id: 'web', applications: [{ kind: 'hello' }] }), [
      { pointer: '', message: /image "web" has no "board"; add "board:" with a board id \(qemu-virt/ },
    ]);
  });
});
