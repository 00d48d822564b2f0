// SPDX-License-Identifier: MIT
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, release } from 'node:os';
import type { MachineInfo } from '../results.ts';

/** The host the bench runs on: core count, CPU model, QEMU's version. */
export function machineInfo(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (line) cpuModel = line[1].trim();
  } catch {
    // No /proc/cpuinfo: keep Node's idea of the model.
  }
  let qemuVersion = 'not installed';
  try {
    qemuVersion = execFileSync('qemu-system-aarch64', ['--version'], { encoding: 'utf8' }).split('\n')[0].replace(/^QEMU emulator version\s*/, '');
  } catch {
    // Reported as such; every QEMU figure then carries its own error.
  }
  return { nproc: availableParallelism(), cpuModel, qemuVersion, node: process.version, kernel: release() };
}
