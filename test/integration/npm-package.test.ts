// SPDX-License-Identifier: MIT
// Kiln installs like any npm library: npm pack of this checkout, installed
// into a project outside the repository (a package.json, a tsconfig.json and
// an image.ts written as a user would). The user's own tsc checks only the
// user's files against Kiln's declarations; kiln runs from
// node_modules/.bin as compiled JavaScript, and builds and boots an image
// while the installed package folder is read-only.
import t from 'tap';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/cli.ts';
import { command, installProject, packKiln, readOnly, setWritable, snapshot, snapshotChanges } from '../helpers/package.ts';

const GREETING = 'Hello from an installed Kiln!';

const PROGRAM = `import { App, Hello, Image, QemuVirt } from 'kiln';

const app = new App();
new Image(app, 'hello', { board: new QemuVirt() })
  .use(new Hello({ greeting: '${GREETING}' }));
app.synth();
`;

// An HTTP server on a board with no network device: a compile error Kiln's types catch.
const BAD_PROGRAM = `import { App, HttpServer, Image, Ultra96V2 } from 'kiln';

const app = new App();
new Image(app, 'edge', { board: new Ultra96V2() })
  .use(new HttpServer());
app.synth();
`;

// Without skipLibCheck the user's compiler checks Kiln's declarations too: they must stand on their own (no @types/node).
const TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false },
  include: ['image.ts'],
};

t.test('GIVEN Kiln packed with npm pack and installed into a project outside the repository', async (t) => {
  const packed = await packKiln();
  t.teardown(() => rmSync(join(packed.tarball, '..'), { recursive: true, force: true }));
  t.comment(`npm pack: ${packed.files.length} files, ${packed.size} bytes (${packed.unpackedSize} unpacked) ${packed.reused ? 'packed by an earlier test of this run' : `in ${packed.ms} ms`}`);

  t.test('THEN the tarball holds compiled JavaScript with declarations and the build-time tree, not the TypeScript sources or tests', async (t) => {
    const files = new Set(packed.files);
    for (const f of ['dist/constructs/index.js', 'dist/constructs/index.d.ts', 'dist/synth/cli/main.js', 'dist/boards/index.d.ts', 'dist/schema/image-spec.schema.json',
      'bin/kiln.js', 'Kconfig', 'lib/app-hello/Kconfig', 'lib/app-hello/library.yaml', 'lib/sqlite/generate.sh', 'boards/qemu-virt/board.yaml', 'boards/qemu-virt/Kconfig',
      'schema/image-spec.schema.json', 'scripts/debian-packages.txt', 'package.json']) {
      t.ok(files.has(f), `${f} is in the tarball`);
    }
    const sources = packed.files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'));
    t.same(sources, [], 'no TypeScript source (only .d.ts)');
    t.same(packed.files.filter((f) => /^(test|bench|examples|docs)\/|^scripts\/setup\.sh$|^tsconfig/.test(f)), [], 'no tests, bench, examples, docs or setup script');
  });

  const project = tempDir('kiln-npm-project-');
  t.teardown(() => {
    // The package folder was made read-only; the temporary project goes only once it is writable again.
    if (existsSync(join(project, 'node_modules', 'kiln'))) setWritable(join(project, 'node_modules', 'kiln'), true);
    rmSync(project, { recursive: true, force: true });
  });
  t.notOk(project.startsWith(`${ROOT}/`), 'the project is outside the repository');
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'my-image', private: true, type: 'module', dependencies: { kiln: `file:${packed.tarball}` } }, null, 2)}\n`);
  writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  writeFileSync(join(project, 'image.ts'), PROGRAM);
  writeFileSync(join(project, 'edge.ts'), BAD_PROGRAM);

  const install = await installProject(project, packed.tarball);
  t.equal(install.code, 0, `npm install succeeds\n${install.stderr}`);
  t.comment(`npm install: ${install.ms} ms`);
  const pkg = join(project, 'node_modules', 'kiln');
  t.ok(existsSync(join(project, 'node_modules', '.bin', 'kiln')), 'kiln is in node_modules/.bin');

  // From here on the package folder is read-only, and compared with its snapshot at the end.
  setWritable(pkg, false);
  const before = snapshot(pkg);
  const cacheHome = tempDir('kiln-cache-');
  t.teardown(() => rmSync(cacheHome, { recursive: true, force: true }));
  const run = (argv: readonly string[], timeoutMs = 120_000) => command(readOnly(pkg, argv), { cwd: project, timeoutMs, env: { XDG_CACHE_HOME: cacheHome } });

  t.test('GIVEN the package folder is read-only THEN a write into it fails', async (t) => {
    const touch = await run(['sh', '-c', 'touch node_modules/kiln/lib/written-at-run-time']);
    t.not(touch.code, 0, 'touch fails');
    t.match(touch.stderr, /Read-only file system|Permission denied/);
  });

  t.test('WHEN the user runs npx tsc --noEmit THEN it passes, compiling only the user\'s file and reading Kiln\'s declarations', async (t) => {
    // --listFiles checks as --noEmit alone does, then names every file the compiler read.
    const tsc = await run(['npx', 'tsc', '--noEmit', '--listFiles']);
    t.equal(tsc.code, 0, `tsc passes\n${tsc.stdout}${tsc.stderr}`);
    t.comment(`npx tsc --noEmit: ${tsc.ms} ms`);
    const files = tsc.stdout.split('\n').filter(Boolean);
    t.same(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')), [join(project, 'image.ts')], 'the only TypeScript source compiled is image.ts');
    const kiln = files.filter((f) => f.startsWith(`${pkg}/`));
    t.ok(kiln.length > 0 && kiln.every((f) => f.startsWith(`${pkg}/dist/`) && f.endsWith('.d.ts')), `Kiln is seen through dist/*.d.ts (${kiln.length} files)`);
  });

  t.test('WHEN the user runs npx kiln --version THEN it prints the package\'s version', async (t) => {
    const version = await run(['npx', 'kiln', '--version']);
    t.equal(version.code, 0);
    t.equal(version.stdout.trim(), packed.version);
    t.equal((await run(['npx', 'kiln', '-V'])).stdout.trim(), packed.version, '-V too');
  });

  t.test('WHEN the user builds image.ts and runs it THEN the image boots on QEMU virt and prints the greeting', async (t) => {
    const build = await run(['npx', 'kiln', 'build', 'image.ts'], 300_000);
    t.equal(build.code, 0, `kiln build succeeds\n${build.stderr}`);
    t.comment(`npx kiln build image.ts: ${build.ms} ms`);
    t.ok(existsSync(join(project, 'kiln.out', 'hello', 'image.bin')), 'the image is in the user\'s kiln.out/');
    t.equal(readdirSync(join(cacheHome, 'kiln', 'typecheck')).length, 1, 'the clean type check is remembered in the user cache');

    const boot = await run(['npx', 'kiln', 'run', 'kiln.out/hello', '--timeout', '60'], 90_000);
    t.equal(boot.code, 0, `exit status 0\n${boot.stderr}`);
    t.match(boot.stdout, GREETING);
    t.comment(`npx kiln run kiln.out/hello: ${boot.ms} ms`);

    const sbom = JSON.parse(readFileSync(join(project, 'kiln.out', 'hello', 'sbom.spdx.json'), 'utf8')) as { creationInfo: { creators: string[] } };
    t.same(sbom.creationInfo.creators, [`Tool: kiln-${packed.version}`], 'the SBOM names the installed Kiln\'s version');
  });

  t.test('WHEN a program composes an HTTP server on a board without network THEN kiln reports the compiler\'s error at the user\'s line', async (t) => {
    const synth = await run(['npx', 'kiln', 'synth', 'edge.ts']);
    t.equal(synth.code, 1);
    t.match(synth.stderr, /error: edge\.ts:5:8: TS2345: .*HttpServer needs a network device, but Ultra96V2 has none/);
  });

  t.test('THEN nothing was written into the installed package folder', async (t) => {
    t.same(snapshotChanges(before, snapshot(pkg)), [], 'node_modules/kiln is as npm installed it');
  });
});
