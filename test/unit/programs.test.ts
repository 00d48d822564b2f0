// SPDX-License-Identifier: MIT
// The user's own programs (issue 14): the Program construct and the spec
// file's `programs` give the same data; each becomes a library of its own
// in the catalog; mistakes are one line naming the user's file; flags
// reach the compiler as data, never as shell or ninja syntax; kiln init
// writes a project. No cross compiler needed.
import t from 'tap';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Image, KilnError, Program, QemuVirt } from '../../constructs/index.ts';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { programLibrary } from '../../synth/catalog/program.ts';
import { initFiles, projectId } from '../../synth/cli/init.ts';
import { expandGlob } from '../../synth/glob.ts';
import { parseSpecText } from '../../synth/spec/spec-file.ts';
import { resolveProgramPaths } from '../../synth/spec/program-sources.ts';
import { synthesize } from '../../synth/synthesize.ts';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';

const FIXTURE = join(ROOT, 'test/fixtures/own-code');

t.test('GIVEN a program in image.ts and in its spec twin WHEN both become specs THEN they are the same data', async (t) => {
  const loaded = parseSpecText(readFileSync(join(FIXTURE, 'image.yaml'), 'utf8'), join(FIXTURE, 'image.yaml'), loadCatalog());
  t.ok(loaded.ok, loaded.ok ? 'loaded' : JSON.stringify(loaded.problems));
  if (!loaded.ok) return;
  // The same Program as image.ts writes, with paths from here instead of from the fixture's folder.
  const program = new Program({
    name: 'blink',
    sources: join(FIXTURE, 'src/*.c'),
    include: [join(FIXTURE, 'include')],
    defines: { GREETING: '"blink"', BLINKS: 3 },
    cflags: ['-Wall', '-Werror'],
    requires: { files: true },
    args: ['first'],
  });
  const app = new App({ outdir: join(tempDir(), 'out') });
  const image = new Image(app, 'blink-virt', { board: new QemuVirt() }).use(program).files(join(FIXTURE, 'data'));
  t.same(loaded.specs[0].programs, [{
    name: 'blink',
    sources: [join(FIXTURE, 'src/main.c'), join(FIXTURE, 'src/time.c')],
    include: [join(FIXTURE, 'include')],
    defines: { BLINKS: '3', GREETING: '"blink"' },
    cflags: ['-Wall', '-Werror'],
    requires: { files: true },
  }], 'the spec file: globs expanded against its folder, sorted; defines as text');
  t.same(image.toSpec().programs, loaded.specs[0].programs, 'the construct gives the same program');
  t.same(image.toSpec().args, ['blink', 'first'], 'its args follow its name');
});

t.test('GIVEN a Program WHEN made THEN its sources are files from its own folder, and defines follow C', async (t) => {
  const dir = tempDir();
  mkdirSync(join(dir, 'src', 'net'), { recursive: true });
  for (const f of ['src/main.c', 'src/util.cpp', 'src/net/tcp.c', 'src/readme.md', 'src/.hidden.c']) writeFileSync(join(dir, f), '');
  t.same(expandGlob('src/**/*.{c,cpp}', dir), ['src/main.c', 'src/net/tcp.c', 'src/util.cpp'].map((f) => join(dir, f)), '** goes any depth; hidden files stay out');
  t.same(expandGlob('src/*', dir), ['src/main.c', 'src/readme.md', 'src/util.cpp'].map((f) => join(dir, f)));
  t.same(expandGlob('src/main.c', dir), [join(dir, 'src/main.c')]);
  t.same(expandGlob('src/none.c', dir), []);

  const program = new Program({ name: 'app', sources: join(FIXTURE, 'src/*.c'), defines: { ON: true, OFF: false, N: 3, S: '"x"' } });
  t.same(program.spec.defines, { N: '3', ON: '', S: '"x"' }, 'true is -DNAME, false is left out');
  t.equal(program.kind, 'app');
  const paths = resolveProgramPaths('app', { sources: ['src/*.c', 'src/*.cpp'] }, dir, dir);
  t.same(paths.problems, []);
  const library = programLibrary({ ...program.spec, sources: paths.sources });
  t.equal(library.manifest.symbol, 'PROGRAM_APP');
  t.equal(library.manifest.dir, join(dir, 'src'), 'the library folder is the deepest one holding every source');
  t.same(library.manifest.sources, { PROGRAM_APP: ['main.c', 'util.cpp'] });
  t.same(library.manifest.flags, ['-DN=3', '-DON', '-DS="x"']);
  t.match(library.kconfig, /^config PROGRAM_APP\n\tbool "app: your program"\n\tselect LIBPICOLIBC\n\tselect LIBPOSIX_TIME\n\tselect LIBPOSIX_PROCESS\n\tselect LIBCXXRT\n\thelp/, 'a C++ source brings the C++ runtime');
  t.notMatch(programLibrary(program.spec).kconfig, /LIBCXXRT/, 'C alone does not');
  t.match(programLibrary({ ...program.spec, requires: { network: true, threads: true, files: true } }).kconfig, /select LIBPOSIX_RAMFS\n\tselect LIBPOSIX_SOCKET\n\tselect LIBPOSIX_PTHREAD/, 'requirements select the libraries that meet them');
});

t.test('GIVEN mistakes in a program WHEN made THEN each is one line at the user\'s line', async (t) => {
  const dir = tempDir();
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'main.c'), '');
  const problem = (make: () => unknown) => {
    const err = t.throws(make) as KilnError;
    t.ok(KilnError.isKilnError(err), 'a KilnError');
    return err.problems[0];
  };
  const none = problem(() => new Program({ name: 'app', sources: join(FIXTURE, 'src/*.cc') }));
  t.match(none.message, /program "app": sources ".*src\/\*\.cc" matches no source file/);
  t.match(none.origin, { file: /programs\.test\.ts$/, line: Number }, 'at the line that made the Program');
  t.match(problem(() => new Program({ name: 'app', sources: join(dir, 'src/*.c') })).message, /program "app": sources ".*src\/\*\.c" is outside the project folder \/work\/main|program "app": sources .* is outside the project folder/);
  t.match(problem(() => new Program({ name: 'app', sources: join(FIXTURE, 'src/main.c'), include: [join(FIXTURE, 'nope')] })).message, /include folder .*nope does not exist/);
  writeFileSync(join(dir, 'src', 'a;touch x.c'), '');
  t.match(resolveProgramPaths('app', { sources: ['src/*.c'] }, dir, dir).problems[0]?.message ?? '', /source ".*a;touch x\.c" has characters Kiln does not pass to the compiler/);
  t.throws(() => programLibrary({ name: 'App', sources: ['/x/a.c'] }), /program name "App" must start with a lowercase letter/);
  t.throws(() => programLibrary({ name: 'app', sources: ['/x/a.c'], defines: { X: '1\nrule evil' } }), /define X holds a control character/);
  t.throws(() => programLibrary({ name: 'app', sources: ['/x/a.c'], cflags: ['-O2\n  command = touch /tmp/x'] }), /is not a compiler option/);
  t.throws(() => programLibrary({ name: 'app', sources: ['/x/a.h'] }), /\/x\/a\.h is not a source Kiln compiles/);
});

t.test('GIVEN a spec file with program mistakes WHEN loaded THEN each problem is at the line of the entry', async (t) => {
  const dir = tempDir();
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'main.c'), '');
  const spec = (sources: string) => `id: app\nboard: qemu-virt\napplications: [{ kind: app }]\nprograms:\n  - name: app\n    sources:\n      - src/main.c\n      - ${sources}\n`;
  const load = (text: string) => parseSpecText(text, join(dir, 'image.yaml'), loadCatalog());
  const none = load(spec('src/*.cpp'));
  t.match(none, { ok: false, problems: [{ line: 8, column: 9, pointer: '/programs/0/sources/1', message: /program "app": sources "src\/\*\.cpp" matches no source file .*; check the pattern/ }] });
  t.match(load(spec('../../etc/*.c')), { ok: false, problems: [{ line: 8, message: /is outside the project folder/ }] });
  t.match(load(`id: app\nboard: qemu-virt\napplications: [{ kind: other }]\nprograms: [{ name: app, sources: [src/main.c] }]\n`), { ok: false, problems: [{ message: /application "other" in image "app" is not in the catalog; the known applications are .*\bapp\b/ }] }, 'kinds are checked with the programs among them');
  t.match(load(spec('src/main.c')), { ok: true }, 'a source named twice is one source');
});

t.test('GIVEN a program named like one of Kiln\'s libraries WHEN synthesized THEN the clash is named', async (t) => {
  const dir = tempDir();
  writeFileSync(join(dir, 'main.c'), '');
  const err = t.throws(() => synthesize([{ id: 'x', board: 'qemu-virt', applications: [{ kind: 'hello' }], programs: [{ name: 'hello', sources: [join(dir, 'main.c')] }] }], { outdir: join(dir, 'out') })) as KilnError;
  t.match(err.problems[0].message, /program "hello" has the name of the library in .*lib\/app-hello/);
});

t.test('GIVEN a spec\'s program that requires the network WHEN its board has none THEN synth says so at the image', async (t) => {
  const dir = tempDir();
  writeFileSync(join(dir, 'main.c'), '');
  const err = t.throws(() => synthesize([{ id: 'x', board: 'ultra96-v2', applications: [{ kind: 'probe' }], programs: [{ name: 'probe', sources: [join(dir, 'main.c')], requires: { network: true } }] }], { outdir: join(dir, 'out') })) as KilnError;
  t.match(err.problems, [{ message: 'program "probe" requires the network, but board ultra96-v2 has no network device', hint: /choose a board with one/ }]);
});

t.test('GIVEN defines and flags with shell syntax WHEN planned THEN build.ninja quotes them for the shell', async (t) => {
  const dir = tempDir();
  writeFileSync(join(dir, 'main.c'), '');
  const outdir = join(dir, 'out');
  synthesize([{
    id: 'x', board: 'qemu-virt', applications: [{ kind: 'app' }],
    programs: [{ name: 'app', sources: [join(dir, 'main.c')], defines: { GREETING: '"hello world"', EVIL: '1; touch /tmp/kiln-pwned' }, cflags: ['-Wall'] }],
  }], { outdir, embedFrom: [dir] });
  const ninja = readFileSync(join(outdir, 'build.ninja'), 'utf8');
  t.match(ninja, /'-DEVIL=1; touch \/tmp\/kiln-pwned' '-DGREETING="hello world"' -Wall /, 'each flag with shell syntax is one quoted word');
});

t.test('GIVEN kiln init WHEN run THEN it writes a project, and refuses to write over one', async (t) => {
  t.equal(projectId('/x/My Blink!'), 'my-blink');
  t.equal(projectId('/x/42'), 'app');
  const files = initFiles('blink', 'c');
  t.same([...files.keys()], ['package.json', 'tsconfig.json', 'image.ts', 'src/main.c', '.gitignore', 'README.md']);
  t.match(JSON.parse(files.get('package.json')!), { type: 'module', dependencies: { kiln: /^\^\d+\.\d+\.\d+$/ } });
  t.match(files.get('image.ts')!, /new Program\(\{ name: 'blink', sources: 'src\/\*\.c'/);
  t.ok(initFiles('blink', 'cpp').has('src/main.cpp'));

  const dir = join(tempDir(), 'my-image');
  const r = await kiln(['init', dir]);
  t.equal(r.code, 0, r.stderr);
  t.match(r.stdout, /next: .*npm install && npx kiln build image\.ts && npx kiln run kiln\.out\/my-image/);
  t.ok(existsSync(join(dir, 'src', 'main.c')));
  const again = await kiln(['init', dir]);
  t.equal(again.code, 1);
  t.match(again.stderr, /already has package\.json, tsconfig\.json, image\.ts, src\/main\.c, \.gitignore, README\.md/);
  const bad = await kiln(['init', join(tempDir(), 'x'), '--template', 'rust']);
  t.equal(bad.code, 1);
  t.match(bad.stderr, /no template "rust".*\n.*templates: c, cpp/);
});
