// SPDX-License-Identifier: MIT
import { spawnSync } from 'node:child_process';
import { KilnError } from './errors.ts';

/** A host program Kiln runs, and the Debian package that provides it. */
export interface HostTool {
  readonly program: string;
  readonly debianPackage: string;
}

const found = new Map<string, boolean>();

/** Whether `program` is on PATH (looked up once per process). */
export function hasProgram(program: string): boolean {
  let hit = found.get(program);
  if (hit === undefined) {
    hit = spawnSync('sh', ['-c', `command -v "${program}"`], { stdio: 'ignore' }).status === 0;
    found.set(program, hit);
  }
  return hit;
}

/** Throws one error naming every missing program and the package to install. */
export function requireTools(tools: readonly HostTool[]): void {
  const missing = tools.filter((t) => !hasProgram(t.program));
  if (missing.length === 0) return;
  throw new KilnError(missing.map((t) => ({
    message: `${t.program} is not installed`,
    hint: `run \`npm run setup\` (or apt-get install ${t.debianPackage})`,
  })));
}
