// SPDX-License-Identifier: MIT
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KilnError } from './errors.ts';
import { KILN_ROOT } from './paths.ts';
import { loadKconfig, type KconfigTree } from './kconfig/index.ts';
import type { Catalog, LibraryInfo, LibraryRole, OptionInfo, OptionType } from './spec/catalog.ts';

/** How a driver binds a board device to a library API (library.yaml `binds`). */
export interface DeviceBinding {
  /** Header declaring the driver's struct, init function and ops. */
  readonly header: string;
  /** C struct name (without `struct`). */
  readonly struct: string;
  readonly init: string;
  readonly ops: string;
  /** C field name to the board device property that fills it. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * An upstream source a library builds from: a Debian source package at a
 * version, and the SHA-256 of every file `apt-get source` downloads for it.
 */
export interface UpstreamPin {
  readonly package: string;
  readonly version: string;
  readonly sha256: Readonly<Record<string, string>>;
  /** The upstream license (SPDX id), for the SBOM. */
  readonly license?: string;
}

/** A micro-library's manifest (lib/<dir>/library.yaml), with its folder. */
export interface LibraryManifest {
  readonly name: string;
  readonly role: LibraryRole;
  readonly summary: string;
  readonly license: string;
  readonly symbol: string;
  /** Folder relative to the Kiln root, e.g. 'lib/pl011'. */
  readonly dir: string;
  /** Public include folder relative to the Kiln root, if any. */
  readonly include?: string;
  /** Config symbol to the sources (relative to the library folder) it compiles. */
  readonly sources: Readonly<Record<string, readonly string[]>>;
  /** API name (e.g. 'console') to how this driver binds to it. */
  readonly binds: Readonly<Record<string, DeviceBinding>>;
  /**
   * Kconfig symbols that put this library in an image slot: `boot` and
   * `app` for allocators, `scheduler` for schedulers. A library without
   * the slot's symbol cannot fill that slot.
   */
  readonly slots: Readonly<Partial<Record<'boot' | 'app' | 'scheduler', string>>>;
  /** The upstream source unpacked at <dir>/upstream, when the library builds one. */
  readonly upstream?: UpstreamPin;
}

/** The catalog plus what the later phases need: manifests and the Kconfig tree. */
export interface KilnCatalog extends Catalog {
  readonly manifests: ReadonlyMap<string, LibraryManifest>;
  readonly kconfig: KconfigTree;
  readonly root: string;
}

const ROLES: readonly LibraryRole[] = ['application', 'library', 'driver', 'arch', 'allocator', 'scheduler', 'platform'];
const cache = new Map<string, KilnCatalog>();

/**
 * Reads every lib/<dir>/library.yaml and the root Kconfig under `root`, once
 * per process, and joins them: each library's options are the Kconfig
 * symbols named <SYMBOL>_<OPTION> that have a prompt.
 */
export function loadCatalog(root: string = KILN_ROOT): KilnCatalog {
  const hit = cache.get(root);
  if (hit) return hit;
  const kconfig = loadKconfig(join(root, 'Kconfig'), { srctree: root });
  const manifests = new Map<string, LibraryManifest>();
  const libraries = new Map<string, LibraryInfo>();
  for (const dir of readdirSync(join(root, 'lib')).sort()) {
    const file = join(root, 'lib', dir, 'library.yaml');
    if (!existsSync(file)) continue;
    const manifest = readManifest(file, `lib/${dir}`);
    if (manifests.has(manifest.name)) {
      throw new KilnError(`${file}: library name "${manifest.name}" is used twice`, { fault: 'kiln' });
    }
    manifests.set(manifest.name, manifest);
    libraries.set(manifest.name, {
      name: manifest.name,
      role: manifest.role,
      symbol: manifest.symbol,
      summary: manifest.summary,
      options: optionsOf(kconfig, manifest.symbol),
    });
  }
  const catalog: KilnCatalog = { libraries, manifests, kconfig, root };
  cache.set(root, catalog);
  return catalog;
}

/** camelCase name of a Kconfig option suffix: EXIT_STATUS -> exitStatus. */
export function optionName(suffix: string): string {
  return suffix.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Kconfig symbol of an option: ('APP_HELLO', 'exitStatus') -> APP_HELLO_EXIT_STATUS. */
export function optionSymbol(librarySymbol: string, option: string): string {
  return `${librarySymbol}_${option.replace(/([A-Z])/g, '_$1').toUpperCase()}`;
}

function optionsOf(tree: KconfigTree, symbol: string): Map<string, OptionInfo> {
  const options = new Map<string, OptionInfo>();
  for (const sym of tree.symbols()) {
    if (!sym.name.startsWith(`${symbol}_`) || !sym.prompt) continue;
    const name = optionName(sym.name.slice(symbol.length + 1));
    const range = sym.ranges[0];
    options.set(name, {
      name,
      symbol: sym.name,
      type: sym.type as OptionType,
      ...(range ? { range: [Number(range.low), Number(range.high)] as const } : {}),
      ...(sym.help ? { help: sym.help } : {}),
    });
  }
  return options;
}

function readManifest(file: string, dir: string): LibraryManifest {
  const bad = (what: string) => new KilnError(`${file}: ${what}`, { fault: 'kiln' });
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new KilnError(`${file}: not valid YAML`, { fault: 'kiln', cause });
  }
  const m = raw as Record<string, unknown>;
  for (const key of ['name', 'role', 'summary', 'license', 'symbol'] as const) {
    if (typeof m?.[key] !== 'string') throw bad(`"${key}" must be a string`);
  }
  if (!ROLES.includes(m.role as LibraryRole)) throw bad(`"role" must be one of ${ROLES.join(', ')}`);
  const sources = (m.sources ?? {}) as Record<string, string[]>;
  for (const [sym, files] of Object.entries(sources)) {
    if (!Array.isArray(files) || files.some((f) => typeof f !== 'string')) throw bad(`sources.${sym} must be a list of file names`);
  }
  return {
    name: m.name as string,
    role: m.role as LibraryRole,
    summary: m.summary as string,
    license: m.license as string,
    symbol: m.symbol as string,
    dir,
    ...(typeof m.include === 'string' ? { include: `${dir}/${m.include}` } : {}),
    sources,
    binds: (m.binds ?? {}) as Record<string, DeviceBinding>,
    slots: (m.slots ?? {}) as LibraryManifest['slots'],
    ...(m.upstream ? { upstream: readUpstream(m.upstream, bad) } : {}),
  };
}

function readUpstream(raw: unknown, bad: (what: string) => KilnError): UpstreamPin {
  const u = raw as Record<string, unknown>;
  if (typeof u?.package !== 'string' || typeof u.version !== 'string') throw bad('upstream needs "package" and "version"');
  const sha = u.sha256 as Record<string, unknown> | undefined;
  if (!sha || typeof sha !== 'object' || Object.values(sha).some((h) => typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))) {
    throw bad('upstream.sha256 must map every downloaded file to its SHA-256');
  }
  return {
    package: u.package,
    version: u.version,
    sha256: sha as Record<string, string>,
    ...(typeof u.license === 'string' ? { license: u.license } : {}),
  };
}
