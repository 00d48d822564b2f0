// SPDX-License-Identifier: MIT
import { spawnSync } from 'node:child_process';
import type { Toolchain } from '../toolchain.ts';

/** A Debian package as dpkg knows it. */
export interface DebianPackage {
  readonly name: string;
  readonly version: string;
  /** Its source package (the upstream project's name in Debian). */
  readonly source: string;
  readonly architecture: string;
}

/** The versions of the tools that built an image. */
export interface ToolVersions {
  /** Each program's own first line of --version. */
  readonly programs: Readonly<Record<string, string>>;
  /** The Debian packages providing them, with dpkg's versions. */
  readonly packages: readonly DebianPackage[];
}

const memo = new Map<string, unknown>();

function once<T>(key: string, compute: () => T): T {
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

/** The first line a program prints for --version, or undefined when it does not run. */
export function programVersion(program: string): string | undefined {
  return once(`version:${program}`, () => {
    const r = spawnSync(program, ['--version'], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.split('\n')[0].trim() : undefined;
  });
}

/** dpkg's record of an installed package, or undefined. */
export function debianPackage(name: string): DebianPackage | undefined {
  return once(`dpkg:${name}`, () => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Package}\t${Version}\t${source:Package}\t${Architecture}', name], { encoding: 'utf8' });
    if (r.status !== 0 || !r.stdout.trim()) return undefined;
    const [pkg, version, source, architecture] = r.stdout.trim().split('\t');
    return { name: pkg, version, source: source || pkg, architecture };
  });
}

/** The Debian package that installed a file (dpkg -S), or undefined. */
export function packageOwning(file: string): DebianPackage | undefined {
  return once(`owner:${file}`, () => {
    const r = spawnSync('dpkg-query', ['-S', file], { encoding: 'utf8' });
    if (r.status !== 0) return undefined;
    const name = r.stdout.split(':')[0].trim();
    return name ? debianPackage(name) : undefined;
  });
}

/**
 * The versions of everything a toolchain builds with: its programs and
 * their Debian packages, picolibc's package, and (for every toolchain, as
 * both link it) the package that ships the cross libgcc.
 */
export function toolVersions(tc: Toolchain, archives: readonly string[]): ToolVersions {
  const programs: Record<string, string> = {};
  for (const p of [...new Set([tc.cc, tc.ld, tc.objcopy])].sort()) {
    const v = programVersion(p);
    if (v) programs[p] = v;
  }
  const names = new Set([...tc.tools.map((t) => t.debianPackage), 'picolibc-aarch64-linux-gnu']);
  const packages = new Map<string, DebianPackage>();
  for (const n of names) {
    const p = debianPackage(n);
    if (p) packages.set(p.name, p);
  }
  for (const a of archives) {
    const p = packageOwning(a);
    if (p) packages.set(p.name, p);
  }
  return { programs, packages: [...packages.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}
