// SPDX-License-Identifier: MIT
/**
 * Build backend figures: clean build of the hello example, no-op rebuild
 * of a ten-image App (ninja alone, and `kiln build` end to end), and hello
 * image sizes with and without LTO on each backend.
 *
 *   npx tsx bench/build-backend.ts [--json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAssembly } from '../synth/build.ts';
import { synthesize } from '../synth/synthesize.ts';
import type { ImageSpec, ToolchainId } from '../synth/spec/image-spec.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url)).replace(/\/$/, '');

// The test fixtures it builds (backend-clang: every board) in their long form.
function kilnBuild(program: string, outdir: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/kiln.js'), 'build', program, '-o', outdir], { cwd: ROOT, env: { ...process.env, CI: 'true', KILN_CACHE: '', KILN_TEST_DEPTH: 'long' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kiln build ${program} failed:\n${r.stderr}`);
  return performance.now() - started;
}

function best(n: number, f: () => number): number {
  return Math.min(...Array.from({ length: n }, f));
}

function ninjaNoop(outdir: string): number {
  const started = performance.now();
  const r = spawnSync('ninja', ['-C', outdir], { encoding: 'utf8', env: { ...process.env, KILN_COMPILER_LAUNCHER: '' } });
  if (!/no work to do/.test(r.stdout)) throw new Error(`ninja had work to do:\n${r.stdout}`);
  return performance.now() - started;
}

async function sizes(): Promise<{ toolchain: ToolchainId; lto: boolean; artifact: number; content: number; text: number; rodata: number; data: number; bss: number }[]> {
  const specs: ImageSpec[] = [];
  for (const toolchain of ['gcc', 'clang'] as const) {
    for (const lto of [true, false]) {
      specs.push({
        id: `hello-${toolchain}-${lto ? 'lto' : 'nolto'}`,
        board: 'qemu-virt',
        toolchain,
        applications: [{ kind: 'hello', options: { greeting: 'Hello from Kiln on QEMU virt!' } }],
        ...(lto ? {} : { config: { LIBTOOLCHAIN_LTO: false } }),
      });
    }
  }
  const outdir = join(mkdtempSync(join(tmpdir(), 'kiln-bench-size-')), 'kiln.out');
  synthesize(specs, { outdir });
  const { reports } = await buildAssembly({ outdir });
  rmSync(outdir, { recursive: true, force: true });
  return reports.map((r) => ({
    toolchain: r.toolchain.id as ToolchainId,
    lto: r.toolchain.lto,
    artifact: r.artifact.bytes,
    content: r.sizes.contentBytes,
    text: r.sizes.totals.text,
    rodata: r.sizes.totals.rodata,
    data: r.sizes.totals.data,
    bss: r.sizes.totals.bss,
  }));
}

const scratch = mkdtempSync(join(tmpdir(), 'kiln-bench-build-'));
try {
  const clean = best(3, () => {
    const out = join(mkdtempSync(join(scratch, 'clean-')), 'kiln.out');
    return kilnBuild('examples/hello/image.ts', out);
  });
  const cleanNinja = best(3, () => {
    const out = join(mkdtempSync(join(scratch, 'ninja-')), 'kiln.out');
    const synth = spawnSync(process.execPath, [join(ROOT, 'bin/kiln.js'), 'synth', 'examples/hello/image.ts', '-o', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KILN_CACHE: '' } });
    if (synth.status !== 0) throw new Error(synth.stderr);
    const started = performance.now();
    spawnSync('ninja', ['-C', out], { encoding: 'utf8', env: { ...process.env, KILN_COMPILER_LAUNCHER: '' } });
    return performance.now() - started;
  });
  const cleanClang = best(3, () => {
    const out = join(mkdtempSync(join(scratch, 'clang-')), 'kiln.out');
    return kilnBuild('test/fixtures/programs/backend-clang.ts', out);
  });
  const fleet = join(scratch, 'fleet', 'kiln.out');
  const fleetClean = kilnBuild('test/fixtures/programs/backend-fleet.ts', fleet);
  kilnBuild('test/fixtures/programs/backend-fleet.ts', fleet);
  const noopNinja = best(5, () => ninjaNoop(fleet));
  const noopKiln = best(3, () => kilnBuild('test/fixtures/programs/backend-fleet.ts', fleet));
  const started = performance.now();
  await buildAssembly({ outdir: fleet });
  const noopBuildPhase = performance.now() - started;
  const figures = {
    cleanBuildHelloMs: Math.round(clean),
    cleanNinjaHelloMs: Math.round(cleanNinja),
    cleanBuildClangFixtureMs: Math.round(cleanClang),
    cleanBuildFleetMs: Math.round(fleetClean),
    noopFleetNinjaMs: Number(noopNinja.toFixed(1)),
    noopFleetBuildPhaseMs: Math.round(noopBuildPhase),
    noopFleetKilnBuildMs: Math.round(noopKiln),
    helloSizes: await sizes(),
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    console.log(`clean kiln build, hello (3 images, gcc):          ${figures.cleanBuildHelloMs} ms`);
    console.log(`clean build, hello: ninja alone:                  ${figures.cleanNinjaHelloMs} ms`);
    console.log(`clean kiln build, clang fixture (6 images):       ${figures.cleanBuildClangFixtureMs} ms`);
    console.log(`clean kiln build, 10-image App:                   ${figures.cleanBuildFleetMs} ms`);
    console.log(`no-op, 10-image App: ninja alone                  ${figures.noopFleetNinjaMs} ms`);
    console.log(`no-op, 10-image App: build phase (ninja+reports)  ${figures.noopFleetBuildPhaseMs} ms`);
    console.log(`no-op, 10-image App: kiln build end to end        ${figures.noopFleetKilnBuildMs} ms`);
    console.log('hello on QEMU virt:     artifact  code+data   text  rodata  data   bss');
    for (const s of figures.helloSizes) {
      console.log(`  ${s.toolchain.padEnd(5)} LTO ${s.lto ? 'on ' : 'off'}   ${String(s.artifact).padStart(8)}  ${String(s.content).padStart(9)}  ${String(s.text).padStart(5)}  ${String(s.rodata).padStart(6)}  ${String(s.data).padStart(4)}  ${String(s.bss).padStart(4)}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
