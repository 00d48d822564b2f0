// SPDX-License-Identifier: MIT
// The build backend's plan, without a compiler: include scanning, object
// keys (what images may share), the ninja graph and compile_commands.json.
import t from 'tap';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IncludeScanner } from '../../synth/plan/include-scan.ts';
import { compileUnit, generatedHeaders, includePath, type UnitContext } from '../../synth/plan/link-plan.ts';
import { buildOptions } from '../../synth/plan/compile-plan.ts';
import { compileCommands } from '../../synth/plan/ninja.ts';
import { KILN_ROOT } from '../../synth/paths.ts';
import { cacheDir, cacheRoots } from '../../synth/fetch/index.ts';
import { synthesize } from '../../synth/synthesize.ts';
import { findToolchain, toolchainFlags } from '../../synth/toolchain.ts';
import type { ImageSpec } from '../../synth/spec/image-spec.ts';
import type { LibraryManifest } from '../../synth/catalog/index.ts';
import { tempDir } from '../helpers/cli.ts';

/** A tiny Kiln-like tree: lib/uses-config includes config.h through its header, lib/plain does not. */
function fixtureTree(): string {
  const root = tempDir('kiln-scan-');
  const files: Record<string, string> = {
    'lib/uses-config/include/uses/uses.h': '#pragma once\n#include <kiln/config.h>\n',
    'lib/uses-config/uses.c': '#include <uses/uses.h>\n#include "private.h"\nint f(void) { return 1; }\n',
    'lib/uses-config/private.h': '#include <stdint.h>\n',
    'lib/plain/include/plain/plain.h': '#pragma once\n#include <stddef.h>\n',
    'lib/plain/plain.c': '#include <plain/plain.h>\n#include <stdio.h>\n/* #include <kiln/board.h> is only mentioned here */\nint g;\n',
    'lib/plain/computed.c': '#define H <kiln/config.h>\n#include H\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

function manifest(name: string, sources: string[]): LibraryManifest {
  return {
    name, role: 'library', summary: name, license: 'MIT', symbol: `LIB${name.toUpperCase()}`, dir: `lib/${name}`,
    includes: [`{kiln}/lib/${name}/include`], sources: { [`LIB${name.toUpperCase()}`]: sources }, binds: {}, slots: {},
  };
}

function context(root: string, config: string, board = '#define KILN_BOARD_ID "x"\n'): UnitContext {
  const files = new Map([['include/kiln/config.h', config], ['include/kiln/board.h', board]]);
  const headers = generatedHeaders(files);
  const tc = findToolchain('gcc');
  return {
    imageDir: 'img',
    toolchain: tc,
    flags: toolchainFlags(tc, { lto: true, optimize: 'size' }),
    path: includePath(headers, files, [manifest('uses-config', ['uses.c']), manifest('plain', ['plain.c'])]),
    scanner: new IncludeScanner(root),
  };
}

t.test('GIVEN a source that reaches config.h through a library header WHEN scanned THEN it gets exactly the folders it reaches', async (t) => {
  const root = fixtureTree();
  const ctx = context(root, '#define A 1\n');
  const uses = compileUnit(ctx, { path: '{kiln}/lib/uses-config/uses.c', library: 'uses-config', file: 'uses.c' });
  t.equal(uses.includes.length, 2, 'config.h folder and its own include folder');
  t.match(uses.includes[0], /^_shared\/include\/[0-9a-f]{16}$/, 'the generated folder is content-addressed');
  t.equal(uses.includes[1], '{kiln}/lib/uses-config/include');
  const plain = compileUnit(ctx, { path: '{kiln}/lib/plain/plain.c', library: 'plain', file: 'plain.c' });
  t.same(plain.includes, ['{kiln}/lib/plain/include'], 'a comment mentioning board.h still only adds a folder that exists');
});

t.test('GIVEN two images whose config.h differ THEN objects including it differ and the others are shared', async (t) => {
  const root = fixtureTree();
  const a = context(root, '#define GREETING "a"\n');
  const b = context(root, '#define GREETING "b"\n');
  const ua = compileUnit(a, { path: '{kiln}/lib/uses-config/uses.c', library: 'uses-config', file: 'uses.c' });
  const ub = compileUnit(b, { path: '{kiln}/lib/uses-config/uses.c', library: 'uses-config', file: 'uses.c' });
  t.not(ua.object, ub.object, 'uses.c is compiled once per config.h content');
  const pa = compileUnit(a, { path: '{kiln}/lib/plain/plain.c', library: 'plain', file: 'plain.c' });
  const pb = compileUnit(b, { path: '{kiln}/lib/plain/plain.c', library: 'plain', file: 'plain.c' });
  t.equal(pa.object, pb.object, 'plain.c is shared');
  t.match(pa.object, /^_shared\/obj\/plain\/[0-9a-f]{16}\/plain\.o$/);
  const same = compileUnit(context(root, '#define GREETING "a"\n'), { path: '{kiln}/lib/uses-config/uses.c', library: 'uses-config', file: 'uses.c' });
  t.equal(same.object, ua.object, 'equal config.h contents give the same object');
});

t.test('GIVEN a computed #include THEN the scan keeps the whole include path (sound, not shared)', async (t) => {
  const root = fixtureTree();
  const scan = new IncludeScanner(root).scan({ path: '{kiln}/lib/plain/computed.c' }, context(root, '').path);
  t.ok(scan.opaque);
  t.equal(scan.dirs.length, 4, 'two generated folders and two library folders');
});

t.test('GIVEN build options THEN flags and keys follow them', async (t) => {
  t.same(buildOptions({ value: () => undefined, isEnabled: () => false }), { lto: true, optimize: 'size' }, 'defaults without lib/toolchain');
  t.same(buildOptions({ value: (s) => (s === 'LIBTOOLCHAIN_LTO' ? 'n' : undefined), isEnabled: (s) => s === 'LIBTOOLCHAIN_OPTIMIZE_SPEED' }), { lto: false, optimize: 'speed' });
  const gcc = findToolchain('gcc');
  t.ok(toolchainFlags(gcc, { lto: true, optimize: 'size' }).cflags.includes('-flto'));
  t.notOk(toolchainFlags(gcc, { lto: false, optimize: 'size' }).cflags.includes('-flto'));
  t.ok(toolchainFlags(gcc, { lto: true, optimize: 'speed' }).cflags.includes('-O2'));
  t.ok(toolchainFlags(gcc, { lto: true, optimize: 'size' }, { gcSections: false }).ldflags.includes('-Wl,--no-gc-sections'));
  const clang = toolchainFlags(findToolchain('clang'), { lto: true, optimize: 'size' });
  t.ok(clang.cflags.includes('--target=aarch64-none-elf'));
  t.ok(clang.libs.some((l) => l.endsWith('/libc.a')), 'lld is given picolibc itself');
  t.ok(clang.libs.some((l) => /libgcc\.a$/.test(l)), 'and libgcc');
  t.notOk(clang.asflags.includes('-g'), 'clang-14 assembly gets no debug info (its assembler ignores prefix maps)');
  for (const f of [...clang.cflags, ...toolchainFlags(gcc, { lto: true, optimize: 'size' }).cflags]) {
    t.notMatch(f, /^\/(work|tmp|home)/, `${f}: no absolute folder of this machine`);
  }
});

const SPECS: ImageSpec[] = [
  { id: 'one', board: 'qemu-virt', applications: [{ kind: 'hello', options: { greeting: 'same' } }] },
  { id: 'two', board: 'qemu-virt', applications: [{ kind: 'hello', options: { greeting: 'same' } }] },
  { id: 'three', board: 'qemu-virt', applications: [{ kind: 'hello', options: { greeting: 'other' } }] },
  { id: 'four', board: 'ultra96-v2', applications: [{ kind: 'hello', options: { greeting: 'same' } }] },
  { id: 'five', board: 'qemu-virt', toolchain: 'clang', applications: [{ kind: 'hello', options: { greeting: 'same' } }] },
];

t.test('GIVEN an App of images sharing libraries WHEN synthesized THEN the graph has one edge per distinct object', async (t) => {
  const outdir = join(tempDir(), 'kiln.out');
  const result = synthesize(SPECS, { outdir });
  const root = readFileSync(join(outdir, 'build.ninja'), 'utf8');
  const plans = new Map(result.images.map((i) => [i.id, i.linkPlan]));
  const objects = (id: string) => plans.get(id)!.libraries.flatMap((l) => l.units.map((u) => u.object));
  t.same(objects('one'), objects('two'), 'identically configured images link the very same objects');
  const shared = objects('one').filter((o) => objects('three').includes(o));
  t.ok(shared.length > 0 && shared.length < objects('one').length, 'a different greeting shares some objects, not those that include config.h');
  t.notOk(objects('five').some((o) => objects('one').includes(o)), 'another toolchain shares nothing');
  const edges = [...root.matchAll(/^build (\S+): cc /gm)].map((m) => m[1]);
  t.equal(new Set(edges).size, edges.length, 'no object has two edges');
  for (const o of new Set([...plans.values()].flatMap((p) => p.libraries.flatMap((l) => l.units.map((u) => u.object))))) {
    t.ok(edges.includes(o), `${o} has its edge in the top-level build.ninja`);
  }
  for (const id of plans.keys()) t.match(root, new RegExp(`^subninja ${id}/build\\.ninja$`, 'm'));
  t.notMatch(root, new RegExp(outdir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'build.ninja does not name the assembly folder');
  for (const rule of ['link', 'objcopy_raw']) {
    const command = new RegExp(`^rule ${rule}\\n  command = (.*)$`, 'm').exec(root)?.[1] ?? '';
    t.match(command, / \$out\.\$\$\$\$\.tmp .*&& mv -f \$out\.\$\$\$\$\.tmp \$out$/, `${rule} writes a temporary named by its shell's pid ($$ once ninja unescapes it), so two commands never share one`);
  }

  const db = JSON.parse(readFileSync(join(outdir, 'compile_commands.json'), 'utf8')) as { file: string; output: string; arguments: string[]; directory: string }[];
  t.equal(new Set(db.map((e) => e.output)).size, db.length, 'one entry per object');
  t.ok(db.every((e) => e.directory === outdir && e.arguments.includes('-c')));
  t.ok(db.some((e) => e.file.endsWith('/one/bindings.c')), 'generated sources are in it');
  t.notOk(db.some((e) => e.output.includes('size-study')), 'size-study variants are not');
  t.same(db, compileCommands(outdir, { kiln: KILN_ROOT, ...cacheRoots(cacheDir()) }, result.images.map((i) => i.linkPlan)), 'what synth wrote is compileCommands()');
});

t.test('GIVEN the same program synthesized into two folders THEN the graphs are identical', async (t) => {
  const a = join(tempDir(), 'kiln.out');
  const b = join(tempDir(), 'elsewhere', 'out');
  synthesize(SPECS, { outdir: a });
  synthesize(SPECS, { outdir: b });
  t.equal(readFileSync(join(a, 'build.ninja'), 'utf8'), readFileSync(join(b, 'build.ninja'), 'utf8'));
  for (const id of ['one', 'five']) {
    t.equal(readFileSync(join(a, id, 'build.ninja'), 'utf8'), readFileSync(join(b, id, 'build.ninja'), 'utf8'));
    t.equal(readFileSync(join(a, id, 'linkplan.yaml'), 'utf8'), readFileSync(join(b, id, 'linkplan.yaml'), 'utf8'));
  }
});

t.test('GIVEN a link plan THEN linkplan.yaml lists libraries in link order with objects, flags, symbols and reasons', async (t) => {
  const outdir = join(tempDir(), 'kiln.out');
  synthesize(SPECS.slice(0, 1), { outdir });
  const text = readFileSync(join(outdir, 'one', 'linkplan.yaml'), 'utf8');
  const { parse } = await import('yaml');
  const doc = parse(text) as { libraries: { name: string; role: string; symbols: string[]; reason: string; objects: string[] }[]; toolchain: { lto: boolean; cflags: string[] } };
  t.equal(doc.libraries[0].role, 'arch', 'entry code first');
  t.equal(doc.libraries.at(-1)!.role, 'application', 'the application last');
  const hello = doc.libraries.find((l) => l.name === 'hello')!;
  t.same(hello.symbols, ['APP_HELLO']);
  t.equal(hello.reason, 'requested by the image');
  t.ok(doc.toolchain.lto);
  t.ok(doc.libraries.filter((l) => l.objects.length).every((l) => l.objects.every((o) => o.startsWith('_shared/obj/'))));
});
