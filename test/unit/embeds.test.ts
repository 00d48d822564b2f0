// SPDX-License-Identifier: MIT
// Embedded host files are data the user chose (issue 18): they come from
// the spec's or program's project folder unless the user allows another,
// never from /proc, /sys or /dev, only from regular files and folders, up
// to a limit; and they are streamed into the assembly, never built into
// one string.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { App, Image, KilnError, Lua, QemuVirt } from '../../constructs/index.ts';
import { projectFolder } from '../../synth/host-files.ts';
import { kiln, tempDir } from '../helpers/cli.ts';

/** A project folder (it holds package.json) with a spec embedding `files` (YAML flow text). */
function project(files: string, extra = ''): { dir: string; spec: string; out: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(join(dir, 'images'));
  const spec = join(dir, 'images', 'image.yaml');
  writeFileSync(spec, `version: 1\nimages:\n  - id: img\n    board: qemu-virt\n    applications: [{ kind: lua }]\n    files: ${files}\n${extra}`);
  return { dir, spec, out: join(dir, 'out') };
}

/** The one line of a user error, or the whole output when it is not one. */
const oneError = (r: { code: number; stderr: string }) => (r.code === 1 && r.stderr.trim().split('\n').length <= 2 ? r.stderr : `exit ${r.code}:\n${r.stderr}`);

t.test('GIVEN a spec in a project WHEN it embeds files above the project or /proc THEN synth refuses before writing anything', async (t) => {
  for (const [from, why] of [
    ['../../../../../../../../etc/passwd', /"[^"]*\/etc\/passwd" \(to embed at \/x\) is outside the project folder \/tmp\/[^ ]+ *\n.*--embed-from \/etc/],
    ['/proc/self/environ', /is in \/proc, whose files are the kernel's, not data/],
    ['/sys/kernel', /is in \/sys/],
  ] as const) {
    const p = project(`[{ at: /x, from: "${from}" }]`);
    const r = await kiln(['synth', p.spec, '-o', p.out]);
    t.equal(r.code, 1, `${from}: the user's error`);
    t.match(r.stderr, why, from);
    t.notOk(existsSync(p.out), `${from}: nothing written`);
  }
});

t.test('GIVEN a symbolic link out of the project WHEN embedded THEN it is refused, naming where it leads; --embed-from allows that folder', async (t) => {
  const outside = tempDir();
  writeFileSync(join(outside, 'secret.txt'), 'secret\n');
  const p = project('[{ at: /www, from: ../www }]');
  mkdirSync(join(p.dir, 'www'));
  writeFileSync(join(p.dir, 'www', 'index.html'), '<p>hi\n');
  symlinkSync(join(outside, 'secret.txt'), join(p.dir, 'www', 'leak.txt'));
  const refused = await kiln(['synth', p.spec, '-o', p.out]);
  t.equal(refused.code, 1, oneError(refused));
  t.match(refused.stderr, new RegExp(`"${p.dir}/www/leak.txt" \\(to embed at /www/leak.txt\\) is outside the project folder ${p.dir} \\(it leads to ${outside}/secret.txt\\)`));
  const allowed = await kiln(['synth', p.spec, '-o', p.out, '--embed-from', outside]);
  t.equal(allowed.code, 0, allowed.stderr);
  const blob = join(p.out, 'img', 'embedded', createHash('sha256').update('secret\n').digest('hex'));
  t.equal(readFileSync(blob, 'utf8'), 'secret\n', 'with the folder allowed, the file is copied in under its hash');
});

t.test('GIVEN FIFOs, devices and symbolic link loops WHEN embedded THEN each is refused at once, naming the path', async (t) => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    ['a FIFO', (dir) => execFileSync('mkfifo', [join(dir, 'data', 'pipe')]), /"[^"]*data\/pipe" \(to embed at \/data\/pipe\) is a FIFO; only regular files and folders can be embedded/],
    ['a device', (dir) => symlinkSync('/dev/zero', join(dir, 'data', 'zero')), /"[^"]*data\/zero" \(to embed at \/data\/zero\) is in \/dev/],
    ['a loop of links', (dir) => { symlinkSync('b', join(dir, 'data', 'a')); symlinkSync('a', join(dir, 'data', 'b')); }, /data\/a" \(to embed at \/data\/a\) is a loop of symbolic links/],
    ['a folder inside itself', (dir) => symlinkSync('..', join(dir, 'data', 'up')), /data\/up" \(to embed at \/data\/up\) leads to \/tmp\/[^,]+, which holds the folder it is in: a symbolic link loop/],
  ];
  for (const [what, make, message] of cases) {
    const p = project('[{ at: /data, from: ../data }]');
    mkdirSync(join(p.dir, 'data'));
    make(p.dir);
    const r = await kiln(['synth', p.spec, '-o', p.out], { timeoutMs: 60_000 });
    t.equal(r.code, 1, `${what}: ${oneError(r)}`);
    t.match(r.stderr, message, what);
  }
});

t.test('GIVEN a 5 MB file WHEN embedded THEN it is copied into the image folder chunk by chunk and included by the assembler', async (t) => {
  const p = project('[{ at: /big.bin, from: ../big.bin }]');
  const big = join(p.dir, 'big.bin');
  const fd = openSync(big, 'w');
  const chunk = Buffer.alloc(1 << 16);
  for (let i = 0; i < 80; i++) writeSync(fd, chunk.fill(i));
  closeSync(fd);
  const r = await kiln(['synth', p.spec, '-o', p.out]);
  t.equal(r.code, 0, r.stderr);
  const sha = createHash('sha256').update(readFileSync(big)).digest('hex');
  t.equal(statSync(join(p.out, 'img', 'embedded', sha)).size, 80 << 16);
  const files = readFileSync(join(p.out, 'img', 'files.c'), 'utf8');
  t.ok(files.length < 2000, `files.c holds no bytes (${files.length} characters)`);
  t.match(readFileSync(join(p.out, 'img', 'embedded.S'), 'utf8'), `.incbin "img/embedded/${sha}"`);

  writeFileSync(big, 'smaller now\n');
  const again = await kiln(['synth', p.spec, '-o', p.out]);
  t.equal(again.code, 0, again.stderr);
  t.same(readdirSync(join(p.out, 'img', 'embedded')), [createHash('sha256').update('smaller now\n').digest('hex')], 'the old blob is removed');
});

t.test('GIVEN more than the embed limit WHEN synthesized THEN it is refused before reading, saying how to raise the limit', async (t) => {
  const p = project('[{ at: /data, from: ../data }]');
  mkdirSync(join(p.dir, 'data'));
  execFileSync('truncate', ['-s', '40M', join(p.dir, 'data', 'sparse.bin')]);
  const r = await kiln(['synth', p.spec, '-o', p.out]);
  t.equal(r.code, 1, oneError(r));
  t.match(r.stderr, /"[^"]*data\/sparse\.bin" \(to embed at \/data\/sparse\.bin\) takes the image's embedded files to 41943040 bytes, over the limit of 33554432/);
  t.match(r.stderr, /budget: \{ embedBytes: 52428800 \}/, 'the hint gives a budget that would do');

  const raised = project('[{ at: /data, from: ../data }]', '    budget: { embedBytes: 52428800 }\n');
  mkdirSync(join(raised.dir, 'data'));
  execFileSync('truncate', ['-s', '40M', join(raised.dir, 'data', 'sparse.bin')]);
  const ok = await kiln(['synth', raised.spec, '-o', raised.out]);
  t.equal(ok.code, 0, ok.stderr);
});

t.test('GIVEN /usr/share and every folder allowed WHEN embedded THEN the limit stops the walk with a message, not memory', async (t) => {
  const p = project('[{ at: /share, from: /usr/share }]');
  const r = await kiln(['synth', p.spec, '-o', p.out, '--embed-from', '/'], { timeoutMs: 120_000 });
  t.equal(r.code, 1, oneError(r));
  t.match(r.stderr, /over the limit of 33554432|is a (FIFO|socket)|cannot be read: permission denied/);
});

t.test('GIVEN a program WHEN it embeds a file above its project THEN synth refuses at its App, and its App may allow the folder', async (t) => {
  const outside = tempDir();
  writeFileSync(join(outside, 'notes.txt'), 'notes\n');
  const build = (embedFrom?: string[]) => {
    const app = new App({ outdir: join(tempDir(), 'out'), ...(embedFrom ? { embedFrom } : {}) });
    new Image(app, 'img', { board: new QemuVirt() }).use(new Lua({ script: 'print(1)' })).files(join(outside, 'notes.txt'));
    return app;
  };
  const err = t.throws(() => build().synth()) as KilnError;
  t.ok(KilnError.isKilnError(err));
  t.match(err.problems[0].message, new RegExp(`is outside the project folder ${projectFolder(new URL(import.meta.url).pathname)}`));
  t.equal(projectFolder(new URL(import.meta.url).pathname), new URL('../../', import.meta.url).pathname.replace(/\/$/, ''), 'a test file\'s project is the repository');
  const ok = build([outside]).synth();
  t.equal(ok.images[0].copies.size, 1, 'with the folder allowed, the file is planned as a copy');
});
