// SPDX-License-Identifier: MIT
// The one-way data flow: synth is a function of the spec (board included)
// and the catalog (Kiln's folders and the user's), and runs nothing.
import t from 'tap';
import childProcess from 'node:child_process';
import net from 'node:net';
import { syncBuiltinESMExports } from 'node:module';
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinBoardInfo } from '../../boards/index.ts';
import { KilnError } from '../../synth/errors.ts';
import type { BoardInfo } from '../../synth/spec/board-info.ts';
import { synthesize } from '../../synth/synthesize.ts';
import { ROOT, tempDir } from '../helpers/cli.ts';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

t.test('GIVEN the sources under synth/ THEN none imports constructs/ or boards/', async (t) => {
  const offenders: string[] = [];
  for (const file of tsFiles(join(ROOT, 'synth'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/gms)) {
      const target = join(file, '..', m[1]);
      const rel = relative(ROOT, target);
      if (m[1].startsWith('.') && (rel.startsWith('constructs/') || rel.startsWith('boards/'))) offenders.push(`${relative(ROOT, file)} -> ${m[1]}`);
    }
  }
  t.ok(tsFiles(join(ROOT, 'synth')).length > 50, 'the scan saw synth/');
  t.same(offenders, [], 'no back edge from synth to constructs or boards');
});

/** Runs `body` with every way to start a process or open a connection replaced by one that fails the test. */
function sealed<T>(t: { same: (a: unknown, b: unknown, m: string) => void }, body: () => T): T {
  const touched: string[] = [];
  const saved = new Map<string, unknown>();
  const cp = childProcess as unknown as Record<string, unknown>;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    saved.set(name, cp[name]);
    cp[name] = () => { touched.push(name); throw new Error(`child_process.${name} called during synth`); };
  }
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket) { touched.push('net.connect'); throw new Error('network used during synth'); } as typeof connect;
  syncBuiltinESMExports();
  try {
    return body();
  } finally {
    for (const [name, fn] of saved) cp[name] = fn;
    net.Socket.prototype.connect = connect;
    syncBuiltinESMExports();
    t.same(touched, [], 'no subprocess, no network');
  }
}

t.test('GIVEN a spec with an inline board and a library folder outside Kiln WHEN synthesized THEN the assembly is complete, with no subprocess and no network', async (t) => {
  const project = tempDir('kiln-user-');
  cpSync(join(ROOT, 'examples/custom/libs'), join(project, 'libs'), { recursive: true });
  const virt = builtinBoardInfo('qemu-virt');
  const board: BoardInfo = { ...virt, id: 'small-virt', displayName: 'QEMU virt with 64 MiB', ram: { base: virt.ram.base, size: 64 * 1024 * 1024 }, qemu: { ...virt.qemu, memoryMiB: 64 } };
  const outdir = join(project, 'kiln.out');
  const cache = join(project, 'no-cache');
  const result = sealed(t, () => synthesize([{
    id: 'counter',
    board,
    applications: [{ kind: 'counter', options: { limit: 20 } }],
    libraryFolders: [join(project, 'libs')],
  }], { outdir, cache }));

  t.equal(result.images.length, 1);
  const dir = join(outdir, 'counter');
  const config = readFileSync(join(dir, '.config'), 'utf8');
  t.match(config, /^CONFIG_APP_COUNTER=y$/m, 'the user library is on');
  t.match(config, /^CONFIG_APP_COUNTER_LIMIT=20$/m, 'its option has the value the spec set');
  t.match(config, /^CONFIG_PLAT_QEMU_VIRT=y$/m, 'the inline board\'s platform symbol is on');
  t.match(readFileSync(join(dir, 'include/kiln/board.h'), 'utf8'), /KILN_BOARD_RAM_SIZE 0x4000000UL/, 'board.h has the 64 MiB of RAM');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  t.equal(manifest.board.id, 'small-virt');
  t.match(manifest.qemu.args.join(' '), /-m 64M/, 'QEMU gets the board\'s memory');
  t.match(readFileSync(join(dir, 'linkplan.yaml'), 'utf8'), new RegExp(`${join(project, 'libs/counter/counter.c').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 'the user source is planned from its own folder');
  const top = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  t.same(top.fetch, { cache, sources: [] }, 'nothing to fetch for this image');
  t.notOk(existsSync(cache), 'synth did not touch the cache');
});

t.test('GIVEN an image with Lua WHEN synthesized with an empty cache THEN synth names what to fetch and fetches nothing', async (t) => {
  const project = tempDir('kiln-user-');
  const outdir = join(project, 'kiln.out');
  const cache = join(project, 'empty-cache');
  sealed(t, () => synthesize([{ id: 'lua', board: 'qemu-virt', applications: [{ kind: 'lua' }] }], { outdir, cache }));
  const top = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  t.match(top.fetch.sources, [{ library: 'liblua', upstream: { package: 'lua5.4' } }], 'the manifest names the upstream source');
  t.notOk(existsSync(cache), 'nothing fetched');
  t.notOk(existsSync(join(ROOT, 'lib/lua/upstream')), 'nothing linked into Kiln\'s own folder');
  t.match(readFileSync(join(outdir, 'build.ninja'), 'utf8'), new RegExp(`^upstream_root = ${join(cache, 'upstream').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), 'build.ninja reads upstream sources from the cache');
});

t.test('GIVEN library folders that clash with Kiln WHEN synthesized THEN the errors name both folders', async (t) => {
  const project = tempDir('kiln-user-');
  cpSync(join(ROOT, 'examples/custom/libs'), join(project, 'libs'), { recursive: true });
  cpSync(join(ROOT, 'lib/app-hello'), join(project, 'libs/hello'), { recursive: true });
  cpSync(join(ROOT, 'examples/custom/libs/counter/counter.c'), join(project, 'libs/stray/stray.c'), { recursive: true });
  const err = t.throws(() => synthesize([{ id: 'x', board: 'qemu-virt', applications: [{ kind: 'counter' }], libraryFolders: [join(project, 'libs')] }], { outdir: join(project, 'out') })) as KilnError;
  t.ok(KilnError.isKilnError(err) && err.fault === 'user');
  const text = err.problems.map((p) => `${p.message} ${p.hint ?? ''}`).join('\n');
  t.match(text, new RegExp(`library "hello" in ${join(project, 'libs/hello')} has the name of the library in ${join(ROOT, 'lib/app-hello')}`));
  t.match(text, new RegExp(`${join(project, 'libs/stray')} has a Kconfig or sources but no library\\.yaml`));
  t.notOk(existsSync(join(project, 'out', 'manifest.json')), 'nothing written');
});

t.test('GIVEN a user Kconfig symbol that Kiln defines WHEN synthesized THEN the error names both files', async (t) => {
  const project = tempDir('kiln-user-');
  cpSync(join(ROOT, 'examples/custom/libs'), join(project, 'libs'), { recursive: true });
  const kconfig = join(project, 'libs/counter/Kconfig');
  cpSync(kconfig, `${kconfig}.orig`);
  const text = readFileSync(kconfig, 'utf8').replace('endif', 'config LIBPICOLIBC\n\tbool\n\nendif');
  (await import('node:fs')).writeFileSync(kconfig, text);
  const err = t.throws(() => synthesize([{ id: 'x', board: 'qemu-virt', applications: [{ kind: 'counter' }], libraryFolders: [join(project, 'libs')] }], { outdir: join(project, 'out') })) as KilnError;
  t.match(err.problems[0].message, new RegExp(`Kconfig symbol LIBPICOLIBC is defined in more than one place: .*lib/picolibc/Kconfig:\\d+ and ${kconfig.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`));
});

t.test('GIVEN a spec naming a board that does not exist WHEN synthesized THEN the error lists the boards', async (t) => {
  const err = t.throws(() => synthesize([{ id: 'x', board: 'rpi5', applications: [{ kind: 'hello' }] }], { outdir: join(tempDir(), 'out') })) as KilnError;
  t.match(err.problems.map((p) => p.message).join('\n'), /board "rpi5" in image "x" is not one Kiln knows; the boards are qemu-virt, raspberry-pi-3b-plus and ultra96-v2/);
});
