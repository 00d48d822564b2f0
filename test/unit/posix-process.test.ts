// SPDX-License-Identifier: MIT
// The image's process as data: files embedded in the RAM file system,
// arguments and environment, from constructs and from spec files, and the
// C sources synth generates from them. No cross compiler needed.
import t from 'tap';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Hello, Image, KilnError, Lua, QemuVirt, Sqlite } from '../../constructs/index.ts';
import { embeddedSources, embeddedTree, processArgsSource, processSources } from '../../synth/plan/process-files.ts';
import { normalizeImageSpec, parseSpecText } from '../../synth/spec/spec-file.ts';
import { ensureGenerated } from '../../synth/fetch/generate.ts';
import { tempDir } from '../helpers/cli.ts';

/** A host folder with a file at the top and one in a subfolder. */
function hostTree(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'b.txt'), 'bee\n');
  writeFileSync(join(dir, 'sub', 'a.txt'), 'say "hi"?\\\n\x01');
  return dir;
}

/** Embeds from anywhere under the temporary folders, with the default limit. */
const ANYWHERE = { folders: [tmpdir()] };

t.test('GIVEN file entries WHEN the embedded tree is made THEN folders are walked in name order and later entries win', async (t) => {
  const dir = hostTree();
  const tree = embeddedTree([
    { at: '/www', from: dir },
    { at: '/www/b.txt', content: 'replaced' },
    { at: '/etc/motd', content: 'hello' },
  ], 'img', ANYWHERE);
  t.same(tree.map((e) => [e.path, e.blob === undefined ? 'dir' : e.blob.content ?? readFileSync(e.blob.host!, 'utf8')]), [
    ['/etc/motd', 'hello'],
    ['/www', 'dir'],
    ['/www/b.txt', 'replaced'],
    ['/www/sub', 'dir'],
    ['/www/sub/a.txt', 'say "hi"?\\\n\x01'],
  ]);
  t.equal(tree[4].blob?.sha256, createHash('sha256').update('say "hi"?\\\n\x01').digest('hex'), 'each file is named by its SHA-256');
  const replaced = embeddedTree([{ at: '/x', from: dir }, { at: '/x', content: 'now a file' }], 'img', ANYWHERE);
  t.same(replaced.map((e) => e.path), ['/x'], 'a file replacing a folder takes what was under it along');
  t.throws(() => embeddedTree([{ at: '/y', from: join(dir, 'missing') }], 'img', ANYWHERE), /image "img": ".*missing" \(to embed at \/y\) does not exist/);
});

t.test('GIVEN an embedded tree WHEN its sources are generated THEN files.c holds the table, embedded.S includes each distinct blob once', async (t) => {
  const dir = hostTree();
  writeFileSync(join(dir, 'c.txt'), 'bee\n');
  writeFileSync(join(dir, 'empty'), '');
  const { table, bytes, blobs } = embeddedSources('img', embeddedTree([{ at: '/', from: dir }, { at: '/d.txt', content: 'x' }], 'img', ANYWHERE));
  t.match(table, /#include <kiln\/ramfs_seed\.h>/);
  const bee = createHash('sha256').update('bee\n').digest('hex');
  t.match(table, new RegExp(`\\{ "/b\\.txt", kiln_embedded_${bee.slice(0, 24)}, 4, 0100644 \\},\n\t\\{ "/c\\.txt", kiln_embedded_${bee.slice(0, 24)}, 4, 0100644 \\},`), 'files with the same bytes share a blob');
  t.match(table, /\{ "\/empty", \(const unsigned char \*\)"", 0, 0100644 \},/, 'an empty file needs no blob');
  t.match(table, /\{ "\/sub", 0, 0, 040755 \},/);
  t.match(table, /const size_t kiln_ramfs_seed_count = 6;/);
  t.same([...blobs.keys()].sort(), [bee, createHash('sha256').update('say "hi"?\\\n\x01').digest('hex'), createHash('sha256').update('x').digest('hex')].map((h) => `embedded/${h}`).sort());
  t.equal(bytes.match(/\.incbin/g)?.length, 3, 'one .incbin per distinct content');
  t.match(bytes, new RegExp(`\\.incbin "img/embedded/${bee}"`), 'blobs are included from the image folder, relative to the assembly');
  t.notMatch(table + bytes, /bee/, 'no file bytes are written into a source');
  t.match(embeddedSources('empty', []).table, /kiln_ramfs_seeds\[\] = \{\n\t\{ 0, 0, 0, 0 \},\n\};\n\nconst size_t kiln_ramfs_seed_count = 0;/, 'an empty tree is still valid C');
});

t.test('GIVEN arguments and environment WHEN args.c is generated THEN both are NULL-terminated writable strings', async (t) => {
  const source = processArgsSource({ id: 'img', applications: [{ kind: 'lua' }], args: ['lua', '/main.lua', 'a "b"'], env: { HOME: '/', X: 'y z' } });
  t.match(source, /static char arg_2\[\] = "a \\"b\\"";/);
  t.match(source, /char \*kiln_process_argv\[\] = \{ arg_0, arg_1, arg_2, 0 \};/);
  t.match(source, /static char env_1\[\] = "X=y z";/);
  t.match(source, /char \*kiln_process_envp\[\] = \{ env_0, env_1, 0 \};/);
  t.match(processArgsSource({ id: 'img', applications: [{ kind: 'sqlite' }] }), /static char arg_0\[\] = "sqlite";[\s\S]*kiln_process_envp\[\] = \{ 0 \};/, 'argv[0] defaults to the application');
});

t.test('GIVEN files but no RAM file system WHEN sources are planned THEN the user is told which library is missing', async (t) => {
  const err = t.throws(() => processSources({ id: 'img', board: 'qemu-virt', applications: [{ kind: 'hello' }], files: [{ at: '/a', content: '' }] }, () => false, ANYWHERE)) as KilnError;
  t.ok(KilnError.isKilnError(err));
  t.equal(err.fault, 'user');
  t.match(err.problems[0], { message: /image "img" gives files, but has no posix-ramfs library/, hint: /Lua, Sqlite/ });
  const planned = processSources({ id: 'img', board: 'qemu-virt', applications: [{ kind: 'lua' }] }, (s) => s === 'LIBPOSIX_RAMFS' || s === 'LIBPOSIX_PROCESS', ANYWHERE);
  t.same([...planned.sources.keys()], ['files.c', 'args.c'], 'no embedded.S without files');
  const dir = hostTree();
  const withFiles = processSources({ id: 'img', board: 'qemu-virt', applications: [{ kind: 'lua' }], files: [{ at: '/d', from: dir }, { at: '/i', content: 'inline' }] }, (s) => s === 'LIBPOSIX_RAMFS', ANYWHERE);
  t.same([...withFiles.sources.keys()].filter((f) => !f.startsWith('embedded/')), ['files.c', 'embedded.S']);
  t.same([...withFiles.sources].filter(([f]) => f.startsWith('embedded/')).map(([, c]) => c), ['inline'], 'inline text is written as its blob');
  t.same([...withFiles.copies.values()].map((b) => b.host).sort(), [join(dir, 'b.txt'), join(dir, 'sub', 'a.txt')].map((f) => realpathSync(f)).sort(), 'host files are copied, not read into the plan');
});

t.test('GIVEN Lua and Sqlite WHEN their images become specs THEN the scripts, arguments and environment are in them', async (t) => {
  const app = new App({ outdir: '/nonexistent' });
  const dir = hostTree();
  const lua = new Image(app, 'lua', { board: new QemuVirt() })
    .use(new Lua({ script: 'print(arg[1])', args: ['one'], env: { A: 'b' } }))
    .files(dir, { at: '/data' })
    .files(join(dir, 'b.txt'));
  t.same(lua.toSpec(), {
    id: 'lua',
    board: new QemuVirt().info,
    applications: [{ kind: 'lua' }],
    files: [{ at: '/main.lua', content: 'print(arg[1])' }, { at: '/data', from: dir }, { at: '/b.txt', from: join(dir, 'b.txt') }],
    args: ['lua', '/main.lua', 'one'],
    env: { A: 'b' },
  });
  const db = new Image(app, 'db', { board: new QemuVirt() }).use(new Sqlite({ sql: 'SELECT 1;', database: '/x.db', script: '/q.sql' }));
  t.same(db.toSpec(), {
    id: 'db',
    board: new QemuVirt().info,
    applications: [{ kind: 'sqlite', options: { database: '/x.db', script: '/q.sql' } }],
    files: [{ at: '/q.sql', content: 'SELECT 1;' }],
  });
  const repl = new Image(app, 'repl', { board: new QemuVirt() }).use(new Lua());
  t.same(repl.toSpec().args, ['lua'], 'without a script, the interactive interpreter');
  t.same(app.validate(), []);
});

t.test('GIVEN mistakes in the process WHEN checked THEN each is reported at the user\'s line', async (t) => {
  t.throws(() => new Lua({ script: 'x', scriptFile: 'y.lua' }), /Lua takes script or scriptFile, not both/);
  t.throws(() => new Sqlite({ script: '-', sql: 'SELECT 1;' }), /script '-' reads the statements from standard input, so sql has nowhere to go/);
  t.same(new Image(new App({ outdir: '/nonexistent' }), 'stdin', { board: new QemuVirt() }).use(new Sqlite({ script: '-' })).toSpec().files, undefined, "script '-' embeds nothing");
  const app = new App({ outdir: '/nonexistent' });
  const image = new Image(app, 'bad', { board: new QemuVirt() }).use(new Lua({ script: 'x', env: { V: '1' } }));
  // A second application: the compiler refuses it in a chain, so the JavaScript path is reached through a plain Image.
  (image as Image).use(new Lua({ script: 'y', env: { V: '2' } }));
  image.files('./no/such/folder').files(tempDir(), { at: 'relative' });
  const problems = app.validate().map((p) => p.message);
  t.match(problems, [
    /\.files\(\) embeds ".*no\/such\/folder", which does not exist/,
    /\.files\(\) puts ".*" at "relative", which is not an absolute path/,
    /Lua and Lua both set main\(\)'s arguments/,
    /Lua sets environment variable V to a different value/,
    /an image runs one application, but this image already runs Lua: give Lua an image of its own/,
  ]);
  const ok = new App({ outdir: '/nonexistent' });
  new Image(ok, 'hello', { board: new QemuVirt() }).use(new Hello());
  t.same(ok.validate(), [], 'an image without a process says nothing');
});

t.test('GIVEN a spec file with relative from paths WHEN loaded THEN they are anchored at the file\'s folder and the form is normal', async (t) => {
  const text = 'id: x\nboard: qemu-virt\napplications: [{ kind: lua }]\nfiles: [{ from: data, at: /d }, { at: /m.lua, content: "print(1)" }]\nargs: [lua, /m.lua]\nenv: { Z: "1", A: "2" }\n';
  const loaded = parseSpecText(text, '/somewhere/specs/x.yaml');
  t.ok(loaded.ok);
  if (!loaded.ok) return;
  t.same(loaded.specs[0].files, [{ at: '/d', from: '/somewhere/specs/data' }, { at: '/m.lua', content: 'print(1)' }]);
  t.same(Object.keys(loaded.specs[0].env ?? {}), ['A', 'Z'], 'env keys sorted');
  t.same(normalizeImageSpec({ id: 'x', board: 'qemu-virt', applications: [{ kind: 'lua' }], files: [], args: [], env: {} }),
    { id: 'x', board: 'qemu-virt', applications: [{ kind: 'lua' }] }, 'empty files, args and env are dropped');
  const bad = parseSpecText('id: x\nboard: qemu-virt\napplications: [{ kind: lua }]\nfiles: [{ at: /a, from: b, content: c }]\n', 'x.yaml');
  t.notOk(bad.ok, 'a file entry with both from and content is refused');
});

t.test('GIVEN a library with generate.sh WHEN its sources are ensured THEN the script runs once, into the cache', async (t) => {
  const upstream = tempDir();
  const cache = tempDir();
  writeFileSync(join(upstream, 'input.txt'), 'from upstream');
  const script = join(tempDir(), 'generate.sh');
  writeFileSync(script, 'cat "$UPSTREAM/input.txt" > "$OUT/made.c"; echo run >> "$OUT/runs"\n');
  const job = { library: 'gen', script, upstream, out: join(cache, 'generated', 'gen_1-abc') };
  const messages: string[] = [];
  const out = ensureGenerated({ ...job, onProgress: (m) => messages.push(m) });
  t.equal(out, job.out, 'the output goes where the plan said');
  t.equal(readFileSync(join(out, 'made.c'), 'utf8'), 'from upstream');
  t.match(messages, [/generating gen sources with its generate\.sh/]);
  ensureGenerated(job);
  t.equal(readFileSync(join(out, 'runs'), 'utf8'), 'run\n', 'the second time comes from the cache');
  writeFileSync(script, 'exit 3\n');
  t.throws(() => ensureGenerated({ ...job, out: join(cache, 'generated', 'gen_1-def') }), /generate\.sh failed/, 'a changed script (a new key) runs again, and its failure is reported');
});
