// SPDX-License-Identifier: MIT
// The main stack follows the applications: a library declares the stack
// it needs (library.yaml `stack`), the image gets the most any of its
// libraries needs unless the user gives more, and a smaller value is the
// user's error.
import t from 'tap';
import { Hello, Image, JavaScript, Lua, QemuVirt, Ruby, Sqlite } from '../../constructs/index.ts';
import { Testing } from '../../constructs/testing.ts';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { KilnError } from '../../synth/errors.ts';
import { formatExplanation } from '../../synth/kconfig/index.ts';
import { resolveImage, STACK_SYMBOL } from '../../synth/image-config.ts';

const board = new QemuVirt();

function stackOf(image: Image): number {
  return Number(resolveImage(image.toSpec(), board.info, loadCatalog()).value(STACK_SYMBOL));
}

t.test('GIVEN the catalog THEN the Lua and SQLite libraries declare the stack they need, and hello none', async (t) => {
  const catalog = loadCatalog();
  t.equal(catalog.manifests.get('liblua')?.stack, 0x80000);
  t.equal(catalog.manifests.get('libsqlite')?.stack, 0x70000);
  t.equal(catalog.manifests.get('lua')?.stack, undefined, 'the library, not its runner: a program of the user\'s linking it needs as much');
  t.equal(catalog.manifests.get('hello')?.stack, undefined);
});

t.test('GIVEN an image WHEN resolved THEN its main stack is what its application needs', async (t) => {
  const app = Testing.app();
  t.equal(stackOf(new Image(app, 'calc', { board }).use(new Lua({ script: 'print(1)' }))), 0x80000, 'Lua: 512 KiB');
  t.equal(stackOf(new Image(app, 'db', { board }).use(new Sqlite({ sql: 'SELECT 1;' }))), 0x70000, 'SQLite: 448 KiB');
  t.equal(stackOf(new Image(app, 'js', { board }).use(new JavaScript({ script: 'print(1)' }))), 0xa0000, 'JavaScript (Duktape): 640 KiB');
  t.equal(stackOf(new Image(app, 'rb', { board }).use(new Ruby({ script: 'p 1' }))), 0x40000, 'Ruby (mruby): 256 KiB');
  t.equal(stackOf(new Image(app, 'hello', { board }).use(new Hello())), 0x4000, 'hello keeps the Kconfig default');
  t.equal(stackOf(new Image(app, 'own', { board }).use(new Hello()).configure({ LIBSQLITE: true })), 0x70000, 'SQLite linked without the Sqlite runner: its 448 KiB too');
});

t.test('GIVEN a user value WHEN it is larger THEN it wins; WHEN smaller THEN it is the user\'s error naming the need', async (t) => {
  const app = Testing.app();
  t.equal(stackOf(new Image(app, 'big', { board }).use(new Lua({ script: 'print(1)' })).configure({ [STACK_SYMBOL]: 0x100000 })), 0x100000);
  t.equal(stackOf(new Image(app, 'hello', { board }).use(new Hello()).configure({ [STACK_SYMBOL]: 0x2000 })), 0x2000, 'no need declared: any value in range');
  const small = new Image(app, 'small', { board }).use(new Lua({ script: 'print(1)' })).configure({ [STACK_SYMBOL]: 0x10000 });
  let caught: unknown;
  try {
    stackOf(small);
  } catch (err) {
    caught = err;
  }
  t.ok(KilnError.isKilnError(caught) && caught.fault === 'user', 'the user\'s error');
  t.match((caught as Error).message, /LIBBOOT_STACK_SIZE 0x10000 is smaller than the 0x80000 bytes of main stack liblua needs/);
});

t.test('GIVEN a Lua image WHEN the stack size is explained THEN the request names the Lua\'s line', async (t) => {
  const app = Testing.app();
  const image = new Image(app, 'calc', { board }).use(new Lua({ script: 'print(1)' }));
  const origins = { image: image.origin, components: new Map([['lua', { path: 'calc/lua', file: 'image.ts', line: 7 }]]) };
  const text = formatExplanation(resolveImage(image.toSpec(), board.info, loadCatalog(), origins).explain(STACK_SYMBOL));
  t.match(text, /requested 0x80000 by image\.ts:7/);
});
