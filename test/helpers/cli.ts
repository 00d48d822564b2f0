// SPDX-License-Identifier: MIT
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchdog } from './watchdog.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

/** What a kiln invocation did. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What a command did, and how long it took. */
export interface CommandResult extends CliResult {
  readonly ms: number;
}

/**
 * Runs a command to its end with CI=true and collects its output. It is
 * stopped (SIGTERM) only when it stalls: silent for `timeoutMs` (default
 * 2 minutes) scaled by the machine's load (see watchdog.ts), so a loaded
 * machine slows it down without failing it.
 */
export function command(argv: readonly string[], opts: { cwd: string; timeoutMs?: number; env?: Readonly<Record<string, string>> }): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: 'true', ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    const dog = watchdog(() => child.kill('SIGTERM'), opts.timeoutMs ?? 120_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; dog.poke(); });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; dog.poke(); });
    child.on('error', reject);
    child.on('close', (code) => {
      dog.stop();
      if (dog.fired) stderr += `\n[test watchdog: stopped after ${dog.fired === 'silent' ? `${dog.idleMs} ms without output` : 'its cap'}]\n`;
      resolve({ code: code ?? -1, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}

/** Runs the real kiln command (bin/kiln.js), from the repository root unless told otherwise. */
export function kiln(args: readonly string[], opts: { timeoutMs?: number; cwd?: string; env?: Readonly<Record<string, string>> } = {}): Promise<CliResult> {
  return command([process.execPath, join(ROOT, 'bin/kiln.js'), ...args], { ...opts, cwd: opts.cwd ?? ROOT });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'kiln-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
