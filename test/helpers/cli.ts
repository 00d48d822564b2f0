// SPDX-License-Identifier: MIT
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Runs a command to its end (or until timeoutMs, then SIGTERM) with CI=true, and collects its output. */
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
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
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
