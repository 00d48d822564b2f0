// SPDX-License-Identifier: MIT
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { UpstreamPin } from '../catalog/index.ts';
import { KilnError } from '../errors.ts';

/**
 * The user cache: where fetched sources, generated sources and Kiln's
 * bookkeeping are kept between builds, so later builds work offline.
 * $XDG_CACHE_HOME/kiln, else ~/.cache/kiln.
 */
export function cacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kiln');
}

/** The folder of one pinned upstream source in the cache. */
export function upstreamTree(cache: string, pin: UpstreamPin): string {
  return join(cache, 'upstream', `${pin.package}_${pin.version}`);
}

/**
 * Makes a pinned upstream source available in the cache: the Debian
 * source package, fetched once with `apt-get source`, checked against the
 * pinned SHA-256 of every file, unpacked with dpkg-source. A tree already
 * there is used as it is (offline).
 *
 * The host's apt configuration is not changed: the deb-src lines are
 * derived from its sources into a private apt state inside the cache.
 *
 * @param library - the library that needs it, for messages
 * @returns the unpacked tree
 */
export function ensureUpstream(pin: UpstreamPin, library: string, opts: { readonly cache: string; readonly onProgress?: (message: string) => void }): string {
  const tree = upstreamTree(opts.cache, pin);
  if (existsSync(join(tree, VERIFIED))) {
    const changed = cacheChange(pin, tree, opts.cache);
    if (!changed) return tree;
    opts.onProgress?.(`the cached ${pin.package} ${pin.version} source changed since it was unpacked (${changed}); fetching it again`);
    rmSync(tree, { recursive: true, force: true });
  } else {
    opts.onProgress?.(`fetching ${pin.package} ${pin.version} source with apt-get source (once; later builds use the cache)`);
  }
  fetchVerified(pin, library, tree, opts.cache);
  return tree;
}

/** The record an unpacked tree carries: its pin, and every file's size and time as unpacked. */
const VERIFIED = '.kiln-verified';

interface TreeRecord {
  readonly pin: UpstreamPin;
  /** Relative path to [size, mtime in ms]. */
  readonly files: Readonly<Record<string, readonly [number, number]>>;
}

/** Every regular file under `dir` (relative paths), with its size and time. */
function treeFiles(dir: string): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (path === VERIFIED) continue;
      if (entry.isDirectory()) walk(path);
      else {
        const st = lstatSync(join(dir, path));
        out[path] = [st.size, Math.trunc(st.mtimeMs)];
      }
    }
  };
  walk('');
  return out;
}

/**
 * What changed in a cached upstream source since it was fetched, or
 * undefined when nothing did: the downloaded files against their pinned
 * SHA-256 (when they are there: a tree copied from another machine comes
 * without them), and the unpacked tree against the sizes and times
 * recorded when it was unpacked, a cheap check that catches an edited or
 * truncated file.
 */
function cacheChange(pin: UpstreamPin, tree: string, cache: string): string | undefined {
  let record: Partial<TreeRecord>;
  try {
    record = JSON.parse(readFileSync(join(tree, VERIFIED), 'utf8')) as Partial<TreeRecord>;
  } catch {
    return 'its record is unreadable';
  }
  if (!record.files) return 'it was unpacked by an older Kiln';
  if (JSON.stringify(record.pin) !== JSON.stringify(pin)) return 'it was unpacked for another pin';
  const downloads = join(cache, 'upstream', 'downloads', `${pin.package}_${pin.version}`);
  if (existsSync(downloads)) {
    for (const [file, want] of Object.entries(pin.sha256)) {
      const path = join(downloads, file);
      if (!existsSync(path)) return `${file} is missing`;
      if (createHash('sha256').update(readFileSync(path)).digest('hex') !== want) return `${file} does not match its pinned SHA-256`;
    }
  }
  const now = treeFiles(tree);
  for (const [path, [size, mtime]] of Object.entries(record.files)) {
    const have = now[path];
    if (!have) return `${path} is missing`;
    if (have[0] !== size || have[1] !== mtime) return `${path} changed`;
  }
  const extra = Object.keys(now).find((path) => !Object.hasOwn(record.files!, path));
  return extra ? `${extra} was added` : undefined;
}

function fetchVerified(pin: UpstreamPin, library: string, tree: string, cache: string): void {
  const downloads = join(cache, 'upstream', 'downloads', `${pin.package}_${pin.version}`);
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  const unreachable = (cause: unknown) => new KilnError([{
    message: `could not fetch ${pin.package} ${pin.version}, the Debian source package library "${library}" builds from: ${aptReason(cause)}`,
    hint: `Debian's archive must be reachable once: run "kiln fetch <your image.ts or spec>" on a machine where it is, or copy its ${upstreamTree(cache, pin)} here; later builds use the cache offline`,
  }], { cause, fault: 'user' });
  let apt: string[];
  try {
    apt = privateApt(cache);
    execFileSync('apt-get', [...apt, 'source', '--download-only', `${pin.package}=${pin.version}`], { cwd: downloads, stdio: 'pipe' });
  } catch (cause) {
    throw unreachable(cause);
  }
  const got = readdirSync(downloads).sort();
  const problems: string[] = [];
  for (const [file, want] of Object.entries(pin.sha256)) {
    if (!got.includes(file)) {
      problems.push(`${file} was not downloaded`);
      continue;
    }
    const have = createHash('sha256').update(readFileSync(join(downloads, file))).digest('hex');
    if (have !== want) problems.push(`${file}: SHA-256 ${have}, pinned ${want}`);
  }
  for (const file of got) if (!(file in pin.sha256)) problems.push(`${file} was downloaded but is not pinned`);
  if (problems.length) {
    throw new KilnError(problems.map((p) => ({ message: `upstream ${pin.package} ${pin.version}: ${p}` })), { fault: 'kiln' });
  }
  const dsc = got.find((f) => f.endsWith('.dsc'));
  if (!dsc) throw new KilnError(`upstream ${pin.package}: no .dsc among ${got.join(', ')}`, { fault: 'kiln' });
  const unpacking = `${tree}.unpacking-${process.pid}`;
  rmSync(unpacking, { recursive: true, force: true });
  // The hashes were checked above against the pins, so the signature check is not needed to trust the files.
  execFileSync('dpkg-source', ['--no-check', '-x', join(downloads, dsc), unpacking], { stdio: 'pipe' });
  const record: TreeRecord = { pin, files: treeFiles(unpacking) };
  writeFileSync(join(unpacking, VERIFIED), `${JSON.stringify(record)}\n`);
  rmSync(tree, { recursive: true, force: true });
  renameSync(unpacking, tree);
}

/** The last line apt-get printed on stderr, or the error's own message. */
function aptReason(cause: unknown): string {
  const stderr = (cause as { stderr?: Buffer | string }).stderr?.toString().trim();
  const line = stderr?.split('\n').filter((l) => /^(E|W):/.test(l)).pop() ?? stderr?.split('\n').pop();
  return line || (cause instanceof Error ? cause.message : String(cause));
}

/** apt-get options for a private apt state with deb-src lines derived from the host's sources. */
function privateApt(cache: string): string[] {
  const dir = join(cache, 'apt');
  const parts = join(dir, 'sources.list.d');
  const lists = join(dir, 'lists');
  mkdirSync(join(lists, 'partial'), { recursive: true });
  mkdirSync(parts, { recursive: true });
  mkdirSync(join(dir, 'cache', 'archives', 'partial'), { recursive: true });
  writeFileSync(join(parts, 'kiln-deb-src.sources'), debSrcStanzas());
  const opts = [
    '-q',
    '-o', 'Dir::Etc::SourceList=/dev/null',
    '-o', `Dir::Etc::SourceParts=${parts}`,
    '-o', `Dir::State::Lists=${lists}`,
    '-o', `Dir::Cache=${join(dir, 'cache')}`,
    '-o', 'APT::Sandbox::User=root',
  ];
  const stamp = join(dir, 'updated');
  if (!existsSync(stamp)) {
    // apt-get update exits 0 even when no index could be downloaded; its warnings say so.
    const out = execFileSync('apt-get', [...opts, 'update'], { stdio: 'pipe', encoding: 'utf8' });
    if (!/^(Get|Hit):/m.test(out)) throw new Error(`apt-get update fetched no index: ${out.trim().split('\n').slice(-2).join(' / ')}`);
    writeFileSync(stamp, '');
  }
  return opts;
}

/** The host's deb822 and one-line apt sources, turned into deb-src entries. */
function debSrcStanzas(): string {
  const out: string[] = [];
  const d = '/etc/apt/sources.list.d';
  for (const f of existsSync(d) ? readdirSync(d).sort() : []) {
    if (f.endsWith('.sources')) out.push(readFileSync(join(d, f), 'utf8').replace(/^Types:.*$/gm, 'Types: deb-src'));
    if (f.endsWith('.list')) out.push(oneLineToDeb822(readFileSync(join(d, f), 'utf8')));
  }
  if (existsSync('/etc/apt/sources.list')) out.push(oneLineToDeb822(readFileSync('/etc/apt/sources.list', 'utf8')));
  return out.filter(Boolean).join('\n\n');
}

function oneLineToDeb822(text: string): string {
  return text.split('\n').map((l) => /^deb\s+(\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s+(.+)$/.exec(l.trim())).filter((m) => m !== null)
    .map((m) => `Types: deb-src\nURIs: ${m![2]}\nSuites: ${m![3]}\nComponents: ${m![4]}${m![1]?.includes('signed-by=') ? `\nSigned-By: ${/signed-by=([^\s\]]+)/.exec(m![1])![1]}` : ''}`)
    .join('\n\n');
}
