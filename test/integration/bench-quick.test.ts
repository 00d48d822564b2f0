// SPDX-License-Identifier: MIT
// Integration tier: runs the bench in quick mode (builds hello, boots it,
// the floor and Debian's Linux in QEMU) and checks that every figure was
// produced. The values themselves depend on the host and are not asserted.
import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectFigures, type Figure } from '../../bench/figures.ts';
import type { BenchResults } from '../../bench/results.ts';
import { ROOT, tempDir } from '../helpers/cli.ts';
import { watchdog } from '../helpers/watchdog.ts';

interface BenchRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs tsx bench/run.ts with these arguments from the repository root. */
function bench(args: readonly string[]): Promise<BenchRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=kiln-source', join(ROOT, 'bench/run.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // Quick mode takes well under a minute with the Linux files cached; the
    // first run also downloads about 60 MB of Debian packages. It reports each
    // step, so five minutes without a line (scaled by the load) means it hung.
    const dog = watchdog(() => child.kill('SIGTERM'), 300_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; dog.poke(); });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; dog.poke(); });
    child.on('error', reject);
    child.on('close', (code) => {
      dog.stop();
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

const positive = (f: Figure) => 'value' in f && Number.isFinite(f.value) && f.value > 0;
/** Idle CPU may round to zero where the host only counts 10 ms clock ticks. */
const measuredIdle = (f: Figure) => 'value' in f && Number.isFinite(f.value) && f.value >= 0;

t.test('GIVEN the bench in quick mode WHEN it runs THEN every figure is produced and reported', async (t) => {
  const out = tempDir('kiln-bench-');
  const run = await bench(['--quick', '--results', out]);
  t.equal(run.code, 0, `the bench exits 0 (stderr: ${run.stderr.slice(-2000)})`);

  t.test('the summary table with the ratios is printed', async (t) => {
    t.match(run.stdout, /\| board \| app \| first line \| floor \| Kiln boot cost/);
    t.match(run.stdout, /speed-up vs Linux \| size: Linux Image \/ Kiln \|/);
    t.match(run.stdout, /^\| qemu-virt \| hello \| [\d.]+ ms \| [\d.]+ ms \| -?[\d.]+ ms \|/m);
    t.match(run.stdout, /Machine: .*nproc \d+.*QEMU \d/);
  });

  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as BenchResults;

  t.test('no figure failed, and every gap says why', async (t) => {
    for (const { path, figure } of collectFigures(results)) {
      t.notOk('missing' in figure && figure.missing === 'error', `${path} did not fail${'reason' in figure ? `: ${figure.reason}` : ''}`);
      if ('missing' in figure) t.ok(figure.reason.length > 10, `${path} is n/a with a reason`);
    }
  });

  t.test('quick mode measures qemu-virt: the floor, hello and the ratios against Linux', async (t) => {
    t.equal(results.mode, 'quick');
    t.same(results.boards.map((b) => b.board), ['qemu-virt']);
    const [virt] = results.boards;
    for (const name of ['firstLineMs', 'binBytes', 'elfBytes', 'busyCpu'] as const) t.ok(positive(virt.floor[name]), `floor ${name} is a positive number`);
    t.ok(measuredIdle(virt.floor.idleCpu), 'floor idleCpu is measured');
    const hello = virt.images.find((i) => i.app === 'hello');
    t.ok(hello, 'hello was measured');
    if (!hello) return;
    for (const name of ['firstLineMs', 'artifactBytes', 'elfBytes', 'speedupVsLinux', 'sizeRatioVsLinux'] as const) {
      t.ok(positive(hello[name]), `hello ${name} is a positive number`);
    }
    // A difference of two medians: near zero, of either sign, but a number.
    t.ok('value' in hello.bootCostMs && Number.isFinite(hello.bootCostMs.value), 'Kiln boot cost is a number');
    // Until the OS prints them, boot ticks are n/a, never made up.
    t.ok(positive(hello.bootTicks) || ('missing' in hello.bootTicks && hello.bootTicks.missing === 'n/a'), 'boot ticks measured or n/a');
    t.ok('missing' in hello.idleCpu && /exits right after/.test(hello.idleCpu.reason), 'hello has no idle figure, and says so');
  });

  t.test('the build times and the Linux baseline are measured', async (t) => {
    const build = results.builds.find((b) => b.app === 'hello');
    t.ok(build && positive(build.cleanMs) && positive(build.noopMs), 'clean and no-op build times');
    const l = results.linux;
    for (const name of ['firstLineMs', 'uptimeAtInitMs', 'imageBytes', 'vmlinuzBytes', 'packageInstalledBytes', 'initramfsBytes', 'memUsedKiB', 'memTotalKiB'] as const) {
      t.ok(positive(l[name]), `Linux ${name} is a positive number`);
    }
    t.ok(measuredIdle(l.idleCpu), 'Linux idleCpu is measured');
    t.ok('missing' in l.minRamMiB && l.minRamMiB.missing === 'n/a', 'no RAM bisection in quick mode');
  });

  t.test('results.md and the three SVG charts are written', async (t) => {
    t.match(readFileSync(join(out, 'results.md'), 'utf8'), /## Kiln against the emulator floor and Linux/);
    for (const chart of ['size.svg', 'boot-time.svg', 'idle-cpu.svg']) {
      t.ok(existsSync(join(out, chart)), `${chart} exists`);
      t.match(readFileSync(join(out, chart), 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^]*<rect [^]*<\/svg>\n$/, `${chart} is an SVG with bars`);
    }
  });
});
