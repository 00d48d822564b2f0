// SPDX-License-Identifier: MIT
import t from 'tap';
import { App, Hello, Image, KilnError, MemReport, QemuVirt, Ultra96V2 } from '../../constructs/index.ts';

t.test('GIVEN an image with Hello WHEN converted to a spec THEN it is plain data with only non-default fields', async (t) => {
  const app = new App({ outdir: '/nonexistent' });
  const image = new Image(app, 'web', { board: new Ultra96V2() }).use(new Hello({ exitStatus: 3 }));
  t.same(image.toSpec(), { id: 'web', board: new Ultra96V2().info, applications: [{ kind: 'hello', options: { exitStatus: 3 } }] });
  t.equal(image.uses[0].node.path, 'web/hello');
});

t.test('GIVEN two images with one id WHEN the second is created THEN the error names this file and line and the first one', async (t) => {
  const app = new App({ outdir: '/nonexistent' });
  new Image(app, 'dup', { board: new QemuVirt() });
  const err = t.throws(() => new Image(app, 'dup', { board: new QemuVirt() })) as KilnError;
  t.ok(KilnError.isKilnError(err));
  t.match(err.problems[0].message, /two images have the id "dup" \(first defined at test\/unit\/constructs\.test\.ts:\d+\)/);
  t.match(err.problems[0].origin, { file: 'test/unit/constructs.test.ts', path: 'dup' });
  t.ok((err.problems[0].origin?.line ?? 0) > 0);
});

t.test('GIVEN bad images WHEN the app validates THEN every problem is listed with its construct path and line', async (t) => {
  const app = new App({ outdir: '/nonexistent' });
  new Image(app, 'Bad_Id' as string, { board: new QemuVirt() }).use(new Hello());
  new Image(app, 'no-app', { board: new QemuVirt() });
  new Image(app, 'no-board', { board: 'raspberry-pi-5' as unknown as QemuVirt }).use(new Hello());
  const problems = app.validate();
  t.equal(problems.length, 3);
  t.match(problems[0], { message: /image id 'Bad_Id' must start with a lowercase letter/, origin: { path: 'Bad_Id', file: 'test/unit/constructs.test.ts' } });
  t.match(problems[1], { message: /has no application/, origin: { path: 'no-app' } });
  t.match(problems[2], { message: /"board" must be a Board .* got "raspberry-pi-5"/, origin: { path: 'no-board' } });
  t.throws(() => app.synth(), /3 problems|must start/);
});

t.test('GIVEN .use() with something that is not a component THEN validation reports it at the call\'s line', async (t) => {
  const app = new App({ outdir: '/nonexistent' });
  new Image(app, 'x', { board: new QemuVirt() }).use(new Hello()).use({ kind: 'hello' } as unknown as MemReport);
  const problems = app.validate();
  t.equal(problems.length, 1);
  t.match(problems[0], { message: /\.use\(\) takes an application or library instance/, hint: /an object of class Object/, origin: { file: 'test/unit/constructs.test.ts', path: 'x' } });
});
