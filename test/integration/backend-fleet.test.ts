// SPDX-License-Identifier: MIT
// One build graph for a whole App: ten images sharing micro-libraries.
// Each shared object is compiled once (ninja's own log says so), a no-op
// rebuild is fast, and touching an input rebuilds only what depends on it.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { kiln, tempDir } from '../helpers/cli.ts';

const IDS = [
  'fleet-virt-a', 'fleet-virt-b', 'fleet-virt-c', 'fleet-virt-d',
  'fleet-rpi3-a', 'fleet-rpi3-b', 'fleet-rpi3-c',
  'fleet-ultra96-a', 'fleet-ultra96-b', 'fleet-ultra96-c',
];

/** Outputs ninja's log records, in order (one line per output of every command it ran). */
function ninjaLog(out: string): string[] {
  return readFileSync(join(out, '.ninja_log'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[3]);
}

function linkedObjects(out: string, id: string): string[] {
  const plan = parse(readFileSync(join(out, id, 'linkplan.yaml'), 'utf8')) as { libraries: { objects: string[] }[]; generated: { object: string }[] };
  return [...plan.libraries.flatMap((l) => l.objects), ...plan.generated.map((g) => g.object)];
}

/** Runs ninja in the assembly; returns its output and how long it took. */
function ninja(out: string, args: readonly string[] = IDS): { stdout: string; ms: number } {
  const started = performance.now();
  const r = spawnSync('ninja', ['-C', out, ...args], { encoding: 'utf8' });
  return { stdout: r.stdout + r.stderr, ms: performance.now() - started };
}

t.test('an App of ten images built as one graph', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/programs/backend-fleet.ts', '-o', out]);
  t.equal(build.code, 0, `kiln build (stderr: ${build.stderr})`);

  t.test('GIVEN the first build THEN every shared object was compiled exactly once', async (t) => {
    const log = ninjaLog(out);
    const shared = log.filter((o) => o.startsWith('_shared/obj/'));
    t.equal(new Set(shared).size, shared.length, 'no shared object compiled twice');
    const perImage = IDS.map((id) => linkedObjects(out, id).filter((o) => o.startsWith('_shared/obj/')));
    const distinct = new Set(perImage.flat());
    t.equal(shared.length, distinct.size, 'one compile per distinct object the images link');
    t.ok(perImage.flat().length >= 3 * distinct.size, `${perImage.flat().length} object uses served by ${distinct.size} compiles`);
    const everywhere = [...distinct].filter((o) => perImage.every((objects) => objects.includes(o)));
    t.ok(everywhere.some((o) => o.includes('/console/')), 'console.o is one object for all ten images');
    t.same(linkedObjects(out, 'fleet-virt-a').filter((o) => o.startsWith('_shared')), linkedObjects(out, 'fleet-virt-b').filter((o) => o.startsWith('_shared')),
      'images configured alike share even their config.h-dependent objects');
    t.not(linkedObjects(out, 'fleet-virt-a').find((o) => o.includes('/hello/')), linkedObjects(out, 'fleet-virt-c').find((o) => o.includes('/hello/')),
      'a different greeting (config.h) gets its own hello.o');
  });

  t.test('GIVEN nothing changed THEN ninja has no work and takes well under 0.3 s', async (t) => {
    const runs = [ninja(out), ninja(out), ninja(out)];
    for (const r of runs) t.match(r.stdout, /no work to do/);
    const best = Math.min(...runs.map((r) => r.ms));
    t.ok(best < 300, `no-op ninja over ten images: ${best.toFixed(1)} ms`);
    const started = performance.now();
    const again = await kiln(['build', 'test/fixtures/programs/backend-fleet.ts', '-o', out, '--progress']);
    t.equal(again.code, 0);
    t.notMatch(again.stderr, /\] (CC|LINK|OBJCOPY) /, 'kiln build compiles and links nothing');
    t.comment(`kiln build end to end, nothing to do: ${(performance.now() - started).toFixed(0)} ms`);
  });

  t.test('GIVEN one shared config.h touched THEN only the objects including it and the two images using it rebuild', async (t) => {
    const db = JSON.parse(readFileSync(join(out, 'compile_commands.json'), 'utf8')) as { output: string; arguments: string[] }[];
    const hello = linkedObjects(out, 'fleet-virt-a').find((o) => o.includes('/hello/'))!;
    const configDir = db.find((e) => e.output === hello)!.arguments.find((a) => a.startsWith('-I_shared/include/'))!.slice(2);
    const header = join(out, configDir, 'kiln', 'config.h');
    const expected = db.filter((e) => e.arguments.includes(`-I${configDir}`)).map((e) => e.output);
    t.ok(expected.includes(hello) && expected.length < linkedObjects(out, 'fleet-virt-a').length, `objects including it: ${expected.join(', ')}`);
    const before = ninjaLog(out).length;
    // Now, not later: a time in the future would leave the file newer than what ninja then builds.
    const now = new Date();
    utimesSync(header, now, now);
    const r = ninja(out);
    t.notMatch(r.stdout, /FAILED/);
    const rebuilt = new Set(ninjaLog(out).slice(before));
    t.same([...rebuilt].filter((o) => o.endsWith('.o')).sort(), [...expected].sort(), 'exactly those objects recompiled');
    t.same([...rebuilt].filter((o) => o.endsWith('.elf')).sort(), ['fleet-virt-a/image.elf', 'fleet-virt-b/image.elf'], 'exactly the two images using them relinked');
  });

  t.test('GIVEN one image\'s generated source touched THEN only that image rebuilds', async (t) => {
    const source = join(out, 'fleet-rpi3-b', 'bindings.c');
    const before = ninjaLog(out).length;
    const now = new Date();
    utimesSync(source, now, now);
    const explain = spawnSync('ninja', ['-C', out, '-n', '-d', 'explain', ...IDS], { encoding: 'utf8' });
    t.match(explain.stderr, /fleet-rpi3-b\/bindings\.c/, 'ninja -d explain names the touched source');
    ninja(out);
    t.same([...new Set(ninjaLog(out).slice(before))].sort(), ['fleet-rpi3-b/image.elf', 'fleet-rpi3-b/image.map', 'fleet-rpi3-b/kernel8.img', 'fleet-rpi3-b/obj/bindings.o']);
  });
});
