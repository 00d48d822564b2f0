// SPDX-License-Identifier: MIT
// SQLite's storage at full size, beside the CI test that does it smaller
// (test/integration/sqlite-storage.test.ts):
//
//   npx tsx --conditions=kiln-source bench/sqlite-storage.ts [OUTDIR]
//
// builds bench/programs/sqlite-storage.ts and prints, as markdown: the
// 64 MiB create + rewrite + VACUUM on virt (512 MiB), its guest time (the
// runner's counter ticks), QEMU's wall time and the host sqlite3's wall
// time on the same SQL in the same run, with their ratio; and the largest
// database that fits on virt with 128 and 256 MiB of RAM.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rewriteSql } from '../test/fixtures/posix/sqlite/storage.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'kiln-bench-sqlite-'));

function kiln(args: readonly string[]): { code: number; stdout: string; ms: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/kiln.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status ?? -1, stdout: `${r.stdout}${r.stderr}`, ms: performance.now() - started };
}

const build = kiln(['build', 'bench/programs/sqlite-storage.ts', '-o', out]);
if (build.code !== 0) {
  process.stderr.write(build.stdout);
  process.exit(1);
}

const big = kiln(['run', join(out, 'sqlite-rewrite-64m'), '--timeout', '0']);
const ticks = /kiln: sqlite: script ran in (\d+) ticks of a (\d+) Hz counter/.exec(big.stdout);
const guestS = ticks ? Number(ticks[1]) / Number(ticks[2]) : NaN;
const peak = /kiln: memory: heap peak (\d+) bytes/.exec(big.stdout)?.[1];
const hostDir = mkdtempSync(join(tmpdir(), 'kiln-bench-sqlite-host-'));
const hostStart = performance.now();
const host = spawnSync('sqlite3', [join(hostDir, 'big.db')], { input: rewriteSql(64), encoding: 'utf8', maxBuffer: 1 << 26 });
const hostS = (performance.now() - hostStart) / 1000;
const same = host.stdout.trimEnd() === big.stdout.split('\n').filter((l) => !l.startsWith('kiln: ')).join('\n').replace(/\r/g, '').trimEnd();

const lines = [
  '| case | guest (counter) | QEMU wall | host sqlite3 | ratio | heap peak | output as host |',
  '|---|---|---|---|---|---|---|',
  `| 64 MiB create, rewrite, VACUUM (virt, 512 MiB) | ${guestS.toFixed(1)} s | ${(big.ms / 1000).toFixed(1)} s | ${hostS.toFixed(2)} s | ${(guestS / hostS).toFixed(1)} | ${peak} B | ${same ? 'yes' : 'NO'} |`,
  '',
  '| board RAM | largest database | heap peak |',
  '|---|---|---|',
];
for (const mib of [128, 256]) {
  const fill = kiln(['run', join(out, `sqlite-fill-${mib}m`), '--timeout', '0']);
  const text = fill.stdout.replace(/\r/g, '').split('\n');
  const size = text.find((l) => /^\d+$/.test(l));
  const fillPeak = /kiln: memory: heap peak (\d+) bytes/.exec(fill.stdout)?.[1];
  lines.push(`| ${mib} MiB | ${size} B (${(Number(size) / 1048576).toFixed(1)} MiB) | ${fillPeak} B |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = big.code === 0 && same ? 0 : 1;
