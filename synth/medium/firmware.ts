// SPDX-License-Identifier: MIT
/**
 * The Raspberry Pi 3's boot firmware (bootcode.bin, start.elf,
 * fixup.dat): Debian's raspi-firmware package, pinned by version and
 * SHA-256, downloaded once into the user cache; or a folder the user
 * names (`kiln build --firmware DIR`).
 *
 * raspi-firmware is in Debian's non-free-firmware component, which a host
 * often does not list. The download goes through a private apt state in
 * the cache whose sources are derived from the host's own Debian entries
 * (same archive, same suite and key, component non-free-firmware); the
 * host's apt configuration is not touched.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KilnError } from '../errors.ts';

/** The firmware files a Raspberry Pi 3 boots from, as named on the boot partition. */
export const RPI3_FIRMWARE_FILES = ['bootcode.bin', 'start.elf', 'fixup.dat'] as const;

/** A Debian binary package Kiln takes files from, pinned. */
export interface FirmwarePin {
  readonly package: string;
  readonly version: string;
  /** The .deb's file name and SHA-256. */
  readonly deb: { readonly file: string; readonly sha256: string };
  /** Where the files are inside the package. */
  readonly dir: string;
  /** SHA-256 of each file Kiln takes from it. */
  readonly files: Readonly<Record<string, string>>;
}

/** Debian bookworm's raspi-firmware (the Raspberry Pi Foundation's firmware of 2022-08-30). */
export const RASPI_FIRMWARE: FirmwarePin = {
  package: 'raspi-firmware',
  version: '1.20220830+ds-1',
  deb: { file: 'raspi-firmware_1.20220830+ds-1_all.deb', sha256: '0094ced47a7fbb6a220ff83e7b43aa637a5d8f6802461e2e4e474597fb796f62' },
  dir: 'usr/lib/raspi-firmware',
  files: {
    'bootcode.bin': '098d5a2a61c485f757733390244319d4c992807e21ffd4e199b88de42d6e52ff',
    'start.elf': '9ab4a7281be2ae3c720b4d80209e3bf73dd5e787438e30d6a6820887d2e1adcc',
    'fixup.dat': 'd07e005f90a24f46d0e8094dadd470593d333f028d9d0e5cf6fac7eb83654280',
  },
};

/** Where the firmware files came from, for the build's output. */
export interface FirmwareFiles {
  /** Absolute path of each file, by its name on the boot partition. */
  readonly paths: Readonly<Record<string, string>>;
  /** "Debian raspi-firmware 1.20220830+ds-1" or "the folder DIR". */
  readonly source: string;
}

/**
 * The firmware files from a folder the user named: every one of `names`
 * must be there.
 *
 * @throws KilnError listing what is missing
 */
export function firmwareFromFolder(dir: string, names: readonly string[]): FirmwareFiles {
  const missing = names.filter((n) => !isFile(join(dir, n)));
  if (missing.length) {
    throw new KilnError([{
      message: `the firmware folder ${dir} lacks ${missing.join(', ')} (the Raspberry Pi 3 boots from ${names.join(', ')})`,
      hint: `copy them from the boot partition of a Raspberry Pi OS card or from the Raspberry Pi firmware repository's boot/ folder, or leave out --firmware to use Debian's ${RASPI_FIRMWARE.package} ${RASPI_FIRMWARE.version}`,
    }], { fault: 'user' });
  }
  return { paths: Object.fromEntries(names.map((n) => [n, join(dir, n)])), source: `the folder ${dir}` };
}

/**
 * The firmware files from Debian's package, pinned: downloaded once with
 * `apt-get download` into `<cache>/firmware`, checked against the pinned
 * SHA-256 (the .deb and each file), unpacked with dpkg-deb. Later builds
 * use the cache offline.
 *
 * @throws KilnError naming the files that are missing and the ways to get them
 */
export function debianFirmware(cache: string, names: readonly string[], onProgress?: (message: string) => void): FirmwareFiles {
  const pin = RASPI_FIRMWARE;
  const tree = join(cache, 'firmware', `${pin.package}_${pin.version}`);
  const source = `Debian ${pin.package} ${pin.version}`;
  const paths = Object.fromEntries(names.map((n) => [n, join(tree, n)]));
  if (names.every((n) => isFile(join(tree, n)) && sha256(join(tree, n)) === pin.files[n])) return { paths, source };
  onProgress?.(`fetching ${pin.package} ${pin.version} with apt-get download (once; later builds use the cache)`);
  try {
    fetchFirmware(pin, cache, tree);
  } catch (cause) {
    throw new KilnError([{
      message: `the Raspberry Pi firmware is missing: ${names.join(', ')} (Debian's ${pin.package} ${pin.version}, non-free-firmware, could not be fetched: ${reason(cause)})`,
      hint: `run "kiln build" once where Debian's archive is reachable, or name a folder holding ${names.join(', ')} with --firmware DIR (the boot partition of a Raspberry Pi OS card has them)`,
    }], { cause, fault: 'user' });
  }
  return { paths, source };
}

function fetchFirmware(pin: FirmwarePin, cache: string, tree: string): void {
  const downloads = join(cache, 'firmware', 'downloads');
  mkdirSync(downloads, { recursive: true });
  const deb = join(downloads, pin.deb.file);
  if (!isFile(deb) || sha256(deb) !== pin.deb.sha256) {
    rmSync(deb, { force: true });
    execFileSync('apt-get', [...privateBinaryApt(cache), 'download', `${pin.package}=${pin.version}`], { cwd: downloads, stdio: 'pipe' });
    if (!isFile(deb)) throw new Error(`apt-get download wrote no ${pin.deb.file}`);
    const have = sha256(deb);
    if (have !== pin.deb.sha256) throw new KilnError(`${pin.deb.file}: SHA-256 ${have}, pinned ${pin.deb.sha256}`, { fault: 'kiln' });
  }
  const unpacking = `${tree}.unpacking-${process.pid}`;
  rmSync(unpacking, { recursive: true, force: true });
  mkdirSync(join(unpacking, 'deb'), { recursive: true });
  execFileSync('dpkg-deb', ['-x', deb, join(unpacking, 'deb')], { stdio: 'pipe' });
  for (const [name, want] of Object.entries(pin.files)) {
    const from = join(unpacking, 'deb', pin.dir, name);
    if (!isFile(from)) throw new KilnError(`${pin.deb.file} has no ${pin.dir}/${name}`, { fault: 'kiln' });
    const have = sha256(from);
    if (have !== want) throw new KilnError(`${pin.package} ${pin.version}: ${name} has SHA-256 ${have}, pinned ${want}`, { fault: 'kiln' });
    renameSync(from, join(unpacking, name));
  }
  rmSync(join(unpacking, 'deb'), { recursive: true, force: true });
  rmSync(tree, { recursive: true, force: true });
  renameSync(unpacking, tree);
}

/**
 * apt-get options for a private apt state (`<cache>/apt-firmware`) whose
 * sources are the host's Debian entries for its release, with the
 * non-free-firmware component: the same archive and key the host trusts.
 */
function privateBinaryApt(cache: string): string[] {
  const dir = join(cache, 'apt-firmware');
  const parts = join(dir, 'sources.list.d');
  const lists = join(dir, 'lists');
  mkdirSync(join(lists, 'partial'), { recursive: true });
  mkdirSync(parts, { recursive: true });
  mkdirSync(join(dir, 'cache', 'archives', 'partial'), { recursive: true });
  const stanzas = nonFreeFirmwareStanzas(hostSources(), hostCodename());
  if (!stanzas) throw new Error('the host lists no Debian archive for its release in /etc/apt');
  writeFileSync(join(parts, 'kiln-firmware.sources'), stanzas);
  const opts = [
    '-q',
    '-o', 'Dir::Etc::SourceList=/dev/null',
    '-o', `Dir::Etc::SourceParts=${parts}`,
    '-o', `Dir::State::Lists=${lists}`,
    '-o', `Dir::Cache=${join(dir, 'cache')}`,
    '-o', 'Dir::State::status=/dev/null',
    '-o', 'APT::Sandbox::User=root',
  ];
  const out = execFileSync('apt-get', [...opts, 'update'], { stdio: 'pipe', encoding: 'utf8' });
  if (!/^(Get|Hit):/m.test(out)) throw new Error(`apt-get update fetched no index: ${out.trim().split('\n').slice(-2).join(' / ')}`);
  return opts;
}

/** One apt source, from deb822 or one-line form. */
export interface AptSource {
  readonly types: readonly string[];
  readonly uris: readonly string[];
  readonly suites: readonly string[];
  readonly signedBy?: string;
}

/**
 * The deb822 stanzas for non-free-firmware: each host source of binary
 * packages that lists the release's own suite, reduced to that suite.
 */
export function nonFreeFirmwareStanzas(sources: readonly AptSource[], codename: string): string {
  return sources
    .filter((s) => s.types.includes('deb') && s.suites.includes(codename))
    .map((s) => `Types: deb\nURIs: ${s.uris.join(' ')}\nSuites: ${codename}\nComponents: non-free-firmware${s.signedBy ? `\nSigned-By: ${s.signedBy}` : ''}\n`)
    .join('\n');
}

/** Parses deb822 (.sources) text. */
export function parseDeb822(text: string): AptSource[] {
  return text.split(/\n\s*\n/).map((stanza) => {
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(stanza)?.[1]?.trim();
    const words = (name: string) => field(name)?.split(/\s+/).filter(Boolean) ?? [];
    const signedBy = field('Signed-By');
    return { types: words('Types'), uris: words('URIs'), suites: words('Suites'), ...(signedBy ? { signedBy } : {}) };
  }).filter((s) => s.types.length > 0 && s.uris.length > 0);
}

/** Parses one-line (.list) sources. */
export function parseOneLine(text: string): AptSource[] {
  return text.split('\n').map((l) => /^(deb|deb-src)\s+(\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s+.+$/.exec(l.trim())).filter((m) => m !== null).map((m) => {
    const signedBy = m![2] ? /signed-by=([^\s\]]+)/.exec(m![2])?.[1] : undefined;
    return { types: [m![1]!], uris: [m![3]!], suites: [m![4]!], ...(signedBy ? { signedBy } : {}) };
  });
}

function hostSources(): AptSource[] {
  const out: AptSource[] = [];
  const d = '/etc/apt/sources.list.d';
  for (const f of existsSync(d) ? readdirSync(d).sort() : []) {
    if (f.endsWith('.sources')) out.push(...parseDeb822(readFileSync(join(d, f), 'utf8')));
    if (f.endsWith('.list')) out.push(...parseOneLine(readFileSync(join(d, f), 'utf8')));
  }
  if (existsSync('/etc/apt/sources.list')) out.push(...parseOneLine(readFileSync('/etc/apt/sources.list', 'utf8')));
  return out;
}

function hostCodename(): string {
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const name = /^VERSION_CODENAME=("?)([^"\n]*)\1$/m.exec(release)?.[2];
  if (!name) throw new Error('/etc/os-release names no VERSION_CODENAME');
  return name;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function reason(cause: unknown): string {
  const stderr = (cause as { stderr?: Buffer | string }).stderr?.toString().trim();
  const line = stderr?.split('\n').filter((l) => /^(E|W):/.test(l)).pop() ?? stderr?.split('\n').pop();
  return line || (cause instanceof Error ? cause.message : String(cause));
}
