// SPDX-License-Identifier: MIT
// Kiln as a user gets it: packed with npm pack and installed from the
// tarball into a project of its own, outside the repository.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { command, ROOT, tempDir, type CommandResult } from './cli.ts';

export { command, type CommandResult } from './cli.ts';

/** A tarball made by npm pack, with what npm said about it. */
export interface PackedKiln {
  /** The .tgz file (in a temporary folder of its own). */
  readonly tarball: string;
  readonly version: string;
  /** Bytes of the compressed tarball, and of what it unpacks to. */
  readonly size: number;
  readonly unpackedSize: number;
  /** Every path in the tarball, relative to the package folder. */
  readonly files: readonly string[];
  /** How long npm pack took (its prepack script compiles dist/ from scratch), when this call packed. */
  readonly ms: number;
  /** True when the tarball is one an earlier test packed from the same files. */
  readonly reused: boolean;
}

const PACK_CACHE = join(ROOT, 'node_modules', '.cache', 'kiln');
const PACK_LOCK = join(PACK_CACHE, 'pack.lock');
let packed: Promise<PackedKiln> | undefined;

/**
 * Packs this checkout with `npm pack`, as it would be published: the
 * prepack script compiles dist/ afresh. Once per process; and one pack at
 * a time per checkout (a lock folder), since prepack removes dist/ first.
 * The tarball is kept under the key of every file git does not ignore
 * (path and content), so the suite's other test files that pack the same
 * checkout take it instead of compiling dist/ again.
 */
export function packKiln(): Promise<PackedKiln> {
  packed ??= withLock(PACK_LOCK, async () => {
    const kept = join(PACK_CACHE, `pack-${checkoutKey()}`);
    const dest = tempDir('kiln-pack-');
    if (existsSync(join(kept, 'info.json'))) {
      const info = JSON.parse(readFileSync(join(kept, 'info.json'), 'utf8')) as PackedKiln;
      const tarball = join(dest, info.tarball);
      copyFileSync(join(kept, info.tarball), tarball);
      return { ...info, tarball, ms: 0, reused: true };
    }
    const r = await command(['npm', 'pack', '--json', '--pack-destination', dest], { cwd: ROOT, timeoutMs: 300_000 });
    if (r.code !== 0) throw new Error(`npm pack failed (${r.code}):\n${r.stderr}`);
    // npm prints the JSON after whatever the prepack script wrote to stdout.
    const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[\n'))) as [{ filename: string; version: string; size: number; unpackedSize: number; files: { path: string }[] }];
    const result = { tarball: join(dest, info.filename), version: info.version, size: info.size, unpackedSize: info.unpackedSize, files: info.files.map((f) => f.path), ms: r.ms, reused: false };
    // Only one packed checkout is kept.
    for (const old of readdirSync(PACK_CACHE).filter((n) => n.startsWith('pack-'))) rmSync(join(PACK_CACHE, old), { recursive: true, force: true });
    mkdirSync(kept, { recursive: true });
    copyFileSync(result.tarball, join(kept, info.filename));
    writeFileSync(join(kept, 'info.json'), JSON.stringify({ ...result, tarball: info.filename }));
    return result;
  });
  return packed;
}

/** A hash of every file of the checkout git does not ignore: its path and its content (a changed file packs again). */
function checkoutKey(): string {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0').filter(Boolean).sort();
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    const full = join(ROOT, f);
    if (existsSync(full) && statSync(full).isFile()) hash.update(readFileSync(full));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Runs fn holding a lock folder; a lock older than ten minutes is taken to be left by a process that died. */
async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(join(lock, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const st = statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs the tarball into the project folder with `npm install`,
 * preferring the npm cache (which `npm ci` in the checkout filled with
 * Kiln's dependencies). The tarball becomes the project's "kiln" dependency.
 */
export function installProject(dir: string, tarball: string): Promise<CommandResult> {
  return command(['npm', 'install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: dir, timeoutMs: 300_000 });
}

/** Every entry under a folder, with what a write would change. */
export type FolderSnapshot = ReadonlyMap<string, string>;

/** Path, type, size, mode and modification time of every entry under dir. */
export function snapshot(dir: string): FolderSnapshot {
  const entries = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, path));
      entries.set(path, `${st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : 'f'} ${st.size} ${(st.mode & 0o7777).toString(8)} ${st.mtimeMs}`);
      if (st.isDirectory()) walk(path);
    }
  };
  walk('');
  return entries;
}

/** What differs between two snapshots: added, removed and changed paths. */
export function snapshotChanges(before: FolderSnapshot, after: FolderSnapshot): string[] {
  const changes: string[] = [];
  for (const [path, state] of after) {
    if (!before.has(path)) changes.push(`added ${path}`);
    else if (before.get(path) !== state) changes.push(`changed ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push(`removed ${path}`);
  return changes;
}

/** Sets or clears the write bits of dir and everything under it (chmod -R a-w / u+w). */
export function setWritable(dir: string, writable: boolean): void {
  const apply = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if (st.isDirectory()) for (const name of readdirSync(path)) apply(join(path, name));
    chmodSync(path, writable ? st.mode | 0o200 : st.mode & ~0o222);
  };
  apply(dir);
}

/**
 * The command line that runs argv with dir read-only. chmod -R a-w binds
 * every user but root, who writes anyway: as root, argv runs in a mount
 * namespace of its own where dir is bind-mounted read-only.
 */
export function readOnly(dir: string, argv: readonly string[]): string[] {
  if (process.getuid?.() !== 0) return [...argv];
  return ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"', dir, ...argv];
}
