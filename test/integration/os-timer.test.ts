// SPDX-License-Identifier: MIT
// Time: a 200 ms sleep lasts 200 ms of guest time by the counter; while
// the guest sleeps 2 s, QEMU uses under 10% of one host core.
import t from 'tap';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRunnableImage, qemuCommand } from '../../synth/run.ts';
import { BOARDS, BOOT_TIMEOUT_MS, boot, buildProgram, figure } from './os-support.ts';
import { watchdog } from '../helpers/watchdog.ts';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime. */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** QEMU's user + system CPU time so far, in seconds (fields 14 and 15 of /proc/<pid>/stat). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Boots an image and measures QEMU's CPU time between the guest's "sleeping" and "woke" lines. */
function idleCost(imageDir: string): Promise<{ cpu: number; wall: number; status: number; output: string }> {
  const manifest = loadRunnableImage(imageDir);
  const command = qemuCommand(imageDir, manifest);
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...manifest.qemu.env } });
    const dog = watchdog(() => child.kill('SIGKILL'), BOOT_TIMEOUT_MS);
    let output = '';
    let start: { cpu: number; at: number } | undefined;
    let cost: { cpu: number; wall: number } | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      dog.poke();
      output += d;
      if (!start && /timer-test: sleeping/.test(output)) start = { cpu: cpuSeconds(child.pid!), at: Date.now() };
      if (start && !cost && /timer-test: woke/.test(output)) cost = { cpu: cpuSeconds(child.pid!) - start.cpu, wall: (Date.now() - start.at) / 1000 };
    });
    child.on('error', reject);
    child.on('close', (code) => {
      dog.stop();
      if (!cost) reject(new Error(`no sleep seen (status ${code}):\n${output}`));
      else resolve({ ...cost, status: code ?? -1, output });
    });
  });
}

t.test('GIVEN the timer test built on every board', async (t) => {
  const out = await buildProgram('test/fixtures/programs/os-timer.ts');
  for (const b of BOARDS) {
    t.test(`WHEN timer-${b} sleeps 200 ms THEN the counter moved 200 ms and a little more`, async (t) => {
      const r = await boot(out, `timer-${b}`);
      t.equal(r.status, 0, `exit status 0\n${r.output}`);
      const hz = figure(r.output, /timer-test: counter at (\d+) Hz/);
      const ticks = figure(r.output, /timer-test: woke after (\d+) ticks/);
      t.ok(hz > 0, `CNTFRQ read: ${hz} Hz`);
      t.ok(ticks >= hz / 5, `${ticks} ticks >= 200 ms`);
      t.ok(ticks < hz / 5 + hz / 20, `${ticks} ticks < 250 ms`);
      t.match(r.output, /timer-test: woke after \d+ ticks = \d+ us \(wanted \d+ ticks\), [1-9]\d* interrupts/, 'woken by the timer interrupt');
      t.match(r.output, /^timer-test: ok\r?$/m);
    });
    t.test(`WHEN idle-${b} sleeps 2 s THEN QEMU uses under 10% of a host core meanwhile`, async (t) => {
      const r = await idleCost(join(out, `idle-${b}`));
      t.equal(r.status, 0, `exit status 0\n${r.output}`);
      t.ok(r.wall >= 1.9, `slept ${r.wall} s of host time`);
      const share = r.cpu / r.wall;
      t.ok(share < 0.1, `QEMU used ${(share * 100).toFixed(1)}% of a core (${r.cpu} s CPU over ${r.wall} s)`);
      t.comment(`${b}: ${(share * 100).toFixed(1)}% of a host core while the guest slept 2 s`);
    });
  }
});
