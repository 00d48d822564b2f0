// SPDX-License-Identifier: MIT
// SQLite's speedtest1 in a Kiln image against the same source on the host:
//
//   npx tsx --conditions=kiln-source bench/speedtest1.ts [--size N] [--runs R] [OUTDIR]
//
// builds bench/programs/speedtest1.ts (speedtest1.c from Debian's sqlite3
// source, linked with lib/sqlite) for QEMU virt, compiles the same
// speedtest1.c for the host with cc -O2 against the host's libsqlite3
// (Debian's 3.40.1, libsqlite3-dev), runs both with `--memdb --verify
// --size N` (N = 5 unless given) R times each, alternating (3 unless
// given), and prints as markdown: each test's time in the guest (its own
// clock: QEMU's virtual counter, which follows host time without -icount)
// and on the host from the run with the median total, the ratio of the
// median totals with every run's totals, QEMU's wall time, and whether
// every output line (times taken out) and the verification hash are the
// same in every run. Exits 1 when they differ or a run fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { speedtest1Source } from './speedtest1-source.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

const argv = process.argv.slice(2);
const sizeAt = argv.indexOf('--size');
const size = sizeAt >= 0 ? argv.splice(sizeAt, 2)[1] : '5';
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? argv.splice(runsAt, 2)[1] : '3';
if (!/^\d+$/.test(size ?? '') || !/^[1-9]\d*$/.test(runs ?? '')) {
  process.stderr.write('usage: bench/speedtest1.ts [--size N] [--runs R] [OUTDIR]\n');
  process.exit(2);
}
const out = argv[0] ?? mkdtempSync(join(tmpdir(), 'kiln-bench-speedtest1-'));

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - started };
}

/** One test's line: number, title and seconds ("  100 - 2500 INSERTs ...   0.007s"), or the TOTAL line. */
interface Timed {
  readonly key: string;
  readonly seconds: number;
}

/** speedtest1's output without its timings (compared line for line), and the timings by test. */
function parse(output: string): { lines: string[]; times: Timed[] } {
  const lines: string[] = [];
  const times: Timed[] = [];
  for (const line of output.replace(/\r/g, '').split('\n')) {
    if (line.startsWith('kiln: ') || line === '') continue;
    const m = /^(.*?)\.*\s+(\d+\.\d+)s$/.exec(line);
    if (m) {
      times.push({ key: m[1].trim(), seconds: Number(m[2]) });
      lines.push(m[1].trim());
    } else {
      lines.push(line);
    }
  }
  return { lines, times };
}

const build = run(process.execPath, [join(ROOT, 'bin/kiln.js'), 'build', 'bench/programs/speedtest1.ts', '-o', out], { KILN_SPEEDTEST1_SIZE: size });
if (build.code !== 0) {
  process.stderr.write(`${build.stdout}${build.stderr}`);
  process.exit(1);
}
const host = join(out, 'speedtest1-host');
const cc = run('cc', ['-O2', '-o', host, speedtest1Source(), '-lsqlite3']);
if (cc.code !== 0) {
  process.stderr.write(`cc failed (is libsqlite3-dev installed?):\n${cc.stderr}`);
  process.exit(1);
}

const guestRuns: ReturnType<typeof run>[] = [];
const hostRuns: ReturnType<typeof run>[] = [];
for (let i = 0; i < Number(runs); i++) {
  guestRuns.push(run(process.execPath, [join(ROOT, 'bin/kiln.js'), 'run', join(out, 'speedtest1-virt'), '--timeout', '0']));
  hostRuns.push(run(host, ['--memdb', '--verify', '--size', size]));
}
const total = (t: Timed[]) => t.find((x) => x.key === 'TOTAL')?.seconds ?? NaN;
/** The run whose TOTAL is the median of all. */
function median(all: ReturnType<typeof run>[]): { run: ReturnType<typeof run>; parsed: ReturnType<typeof parse>; totals: number[] } {
  const parsed = all.map((r) => ({ run: r, parsed: parse(r.stdout) }));
  const sorted = [...parsed].sort((a, b) => total(a.parsed.times) - total(b.parsed.times));
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], totals: parsed.map((p) => total(p.parsed.times)) };
}
const g = median(guestRuns);
const h = median(hostRuns);
const guestRun = g.run;
const hostRun = h.run;
const guest = g.parsed;
const hosted = h.parsed;
const sameAll = [...guestRuns, ...hostRuns].every((r) => {
  const lines = parse(r.stdout).lines;
  return lines.length === hosted.lines.length && lines.every((l, i) => l === hosted.lines[i]);
});
const same = sameAll && guest.lines.length === hosted.lines.length && guest.lines.every((l, i) => l === hosted.lines[i]);
const hash = (lines: string[]) => lines.find((l) => l.startsWith('Verification Hash:')) ?? 'none';

const rows = [
  `speedtest1 --memdb --verify --size ${size}, QEMU virt (TCG) against the host, ${runs} runs each in the same session, the median run's tests shown`,
  '',
  '| test | guest | host | ratio |',
  '|---|---|---|---|',
];
for (const g of guest.times) {
  const h = hosted.times.find((x) => x.key === g.key);
  rows.push(`| ${g.key} | ${g.seconds.toFixed(3)} s | ${h ? `${h.seconds.toFixed(3)} s` : 'n/a'} | ${h && h.seconds > 0 ? (g.seconds / h.seconds).toFixed(1) : 'n/a'} |`);
}
rows.push(
  '',
  `median totals: guest ${total(guest.times).toFixed(3)} s, host ${total(hosted.times).toFixed(3)} s: ratio ${(total(guest.times) / total(hosted.times)).toFixed(1)}`,
  `every run's totals: guest ${g.totals.map((x) => x.toFixed(3)).join(', ')} s; host ${h.totals.map((x) => x.toFixed(3)).join(', ')} s`,
  `QEMU wall time ${(guestRun.ms / 1000).toFixed(1)} s (boot and exit included), host process ${(hostRun.ms / 1000).toFixed(2)} s`,
  `output lines (times taken out): guest ${guest.lines.length}, host ${hosted.lines.length}, ${same ? 'identical in every run' : 'DIFFERENT'}; verification hash guest "${hash(guest.lines)}", host "${hash(hosted.lines)}"`,
);
process.stdout.write(`${rows.join('\n')}\n`);
if (!same) {
  const at = guest.lines.findIndex((l, i) => l !== hosted.lines[i]);
  process.stdout.write(`first difference at line ${at + 1}:\n  guest: ${guest.lines[at]}\n  host:  ${hosted.lines[at]}\n`);
}
process.exitCode = [...guestRuns, ...hostRuns].every((r) => r.code === 0) && same ? 0 : 1;
