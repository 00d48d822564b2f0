// SPDX-License-Identifier: MIT
/**
 * A micro-library's manifest (library.yaml), read and checked.
 *
 * Paths in a manifest are relative to the library's folder. Two prefixes
 * name folders that are not in it: `upstream/` is the library's upstream
 * source (a Debian source package, unpacked by the fetch step into the
 * user cache) and `generated/` what its generate.sh made from it. The
 * catalog turns them into rooted paths ({upstream}/..., {generated}/...)
 * that the plan carries as data and only build.ninja fills in.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KilnError, type Fault } from '../errors.ts';
import type { LibraryRole } from '../spec/catalog-info.ts';
import { GENERATED_TOKEN, KILN_ROOT_TOKEN, UPSTREAM_TOKEN } from '../toolchain.ts';

/** How a driver binds a board device to a library API (library.yaml `binds.<api>`). */
export interface DeviceBinding {
  /** Header declaring the driver's struct, init function and ops. */
  readonly header: string;
  /** C struct name (without `struct`). */
  readonly struct: string;
  readonly init?: string;
  readonly ops: string;
  /**
   * Where the device's data is in the board description (BoardInfo): a
   * dotted path such as `console`, `interruptController.blocks`, `timer`
   * or `virtioMmio`. Absent for implementations with no device
   * (allocators, schedulers).
   */
  readonly device?: string;
  /** C field name to the property of the device data that fills it. */
  readonly fields?: Readonly<Record<string, string>>;
  /** C fields that hold addresses (written in hex). */
  readonly addresses?: readonly string[];
}

/**
 * What an API library registers implementations with (library.yaml
 * `registers`): the generated bindings call `function` once for each
 * enabled library that binds to `api`.
 */
export interface ApiRegistration {
  /** The API's name, as drivers write it under `binds`. */
  readonly api: string;
  /** Header declaring the register function (the API's _impl.h). */
  readonly header: string;
  /** The register function: called with the ops and the instance, after the slot when there is one. */
  readonly function: string;
  /** Name of the C instance in bindings.c (one binder), or its prefix (slots). */
  readonly instance: string;
  /** Position among the registrations in kiln_platform_bind(): lower first. */
  readonly order: number;
  /**
   * For slot APIs (allocators: boot and app): the image slot to the C
   * constant passed first. The implementation in a slot is the library
   * whose `slots.<slot>` symbol is on.
   */
  readonly slots?: Readonly<Record<string, string>>;
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

/** A micro-library's manifest, with where it lives. */
export interface LibraryManifest {
  readonly name: string;
  readonly role: LibraryRole;
  readonly summary: string;
  readonly license: string;
  readonly symbol: string;
  /** The library's folder: relative to the Kiln root for Kiln's own, absolute for a user's. */
  readonly dir: string;
  /** Public include folders in search order, as rooted paths (see rootedPath()). */
  readonly includes: readonly string[];
  /** Config symbol to the sources (as written: relative to the library folder) it compiles. */
  readonly sources: Readonly<Record<string, readonly string[]>>;
  /** API name (e.g. 'console') to how this library binds to it. */
  readonly binds: Readonly<Record<string, DeviceBinding>>;
  /** What this library registers implementations with, when it is an API library. */
  readonly registers?: ApiRegistration;
  /**
   * Kconfig symbols that put this library in an image slot: `boot` and
   * `app` for allocators, `scheduler` for schedulers. A library without
   * the slot's symbol cannot fill that slot.
   */
  readonly slots: Readonly<Partial<Record<'boot' | 'app' | 'scheduler', string>>>;
  /** The upstream source the library builds, when it has one. */
  readonly upstream?: UpstreamPin;
  /** Where the fetch step unpacks the upstream source: {upstream}/<package>_<version>. */
  readonly upstreamDir?: string;
  /** The library's generate.sh (absolute), when it has one. */
  readonly generateScript?: string;
  /** Where the fetch step puts what generate.sh made: {generated}/<package>_<version>-<key>. */
  readonly generatedDir?: string;
  /** Compiler flags for this library's sources only (a program's defines and cflags), after the image's. */
  readonly flags?: readonly string[];
  /**
   * Bytes of main stack (the boot thread's, which runs main()) the
   * library's code needs at its deepest (library.yaml `stack`): an image
   * that links it gets at least this much LIBBOOT_STACK_SIZE.
   */
  readonly stack?: number;
}

const ROLES: readonly LibraryRole[] = ['application', 'library', 'driver', 'arch', 'allocator', 'scheduler', 'platform'];

/** The script a library with an upstream source may have, to generate what the upstream's own build generates. */
export const GENERATE_SCRIPT = 'generate.sh';

/**
 * A manifest path as the plan carries it: `{kiln}/lib/x/a.c` for Kiln's
 * own libraries, absolute for a user's, `{upstream}/...` and
 * `{generated}/...` for the fetched and generated trees.
 */
export function libraryFile(m: LibraryManifest, rel: string): string {
  for (const [prefix, tree] of [['upstream', m.upstreamDir], ['generated', m.generatedDir]] as const) {
    if (tree && rel === prefix) return tree;
    if (tree && rel.startsWith(`${prefix}/`)) return `${tree}/${rel.slice(prefix.length + 1)}`;
  }
  return rootedPath(`${m.dir}/${rel}`);
}

/** A path relative to the Kiln root gets the {kiln} token; rooted and absolute paths stay as they are. */
export function rootedPath(path: string): string {
  return path.startsWith('/') || path.startsWith('{') ? path : `${KILN_ROOT_TOKEN}/${path}`;
}

/**
 * Reads and checks `<folder>/library.yaml`.
 *
 * @param dir - the folder as manifests record it (Kiln-relative or absolute)
 * @param fault - whose mistake a bad manifest is: Kiln's for its own, the user's for theirs
 */
export function readManifest(folder: string, dir: string, fault: Fault): LibraryManifest {
  const file = join(folder, 'library.yaml');
  const bad = (what: string) => new KilnError([{ message: `${file}: ${what}` }], { fault });
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new KilnError([{ message: `${file}: not valid YAML` }], { fault, cause });
  }
  const m = raw as Record<string, unknown>;
  for (const key of ['name', 'role', 'summary', 'license', 'symbol'] as const) {
    if (typeof m?.[key] !== 'string') throw bad(`"${key}" must be a string`);
  }
  if (!/^[a-z][a-z0-9-]*$/.test(m.name as string)) throw bad('"name" must be a lowercase letter, then lowercase letters, digits or dashes');
  if (!ROLES.includes(m.role as LibraryRole)) throw bad(`"role" must be one of ${ROLES.join(', ')}`);
  const sources = (m.sources ?? {}) as Record<string, string[]>;
  for (const [sym, files] of Object.entries(sources)) {
    if (!Array.isArray(files) || files.some((f) => typeof f !== 'string' || f.startsWith('/') || f.split('/').includes('..'))) {
      throw bad(`sources.${sym} must be a list of file names inside the library folder`);
    }
  }
  const includeList = m.include === undefined ? [] : Array.isArray(m.include) ? m.include : [m.include];
  if (includeList.some((i) => typeof i !== 'string' || i.startsWith('/') || i.split('/').includes('..'))) {
    throw bad('"include" must be a folder (or a list of folders) inside the library folder');
  }
  if (m.stack !== undefined && !(Number.isSafeInteger(m.stack) && (m.stack as number) > 0 && (m.stack as number) % 16 === 0)) {
    throw bad('"stack" must be the bytes of main stack the library needs: a whole number, a multiple of 16, such as 0x80000');
  }
  const upstream = m.upstream ? readUpstream(m.upstream, bad) : undefined;
  const script = join(folder, GENERATE_SCRIPT);
  const hasScript = upstream !== undefined && existsSync(script);
  const upstreamDir = upstream ? `${UPSTREAM_TOKEN}/${upstream.package}_${upstream.version}` : undefined;
  const generatedDir = hasScript && upstream
    ? `${GENERATED_TOKEN}/${upstream.package}_${upstream.version}-${generateKey(readFileSync(script), upstream)}`
    : undefined;
  const partial = {
    name: m.name as string,
    role: m.role as LibraryRole,
    summary: m.summary as string,
    license: m.license as string,
    symbol: m.symbol as string,
    dir,
    includes: [] as string[],
    sources,
    binds: readBinds(m.binds, bad),
    ...(m.registers !== undefined ? { registers: readRegistration(m.registers, bad) } : {}),
    slots: (m.slots ?? {}) as LibraryManifest['slots'],
    ...(upstream ? { upstream, upstreamDir } : {}),
    ...(hasScript ? { generateScript: script, generatedDir } : {}),
    ...(m.stack !== undefined ? { stack: m.stack as number } : {}),
  } satisfies LibraryManifest;
  return { ...partial, includes: (includeList as string[]).map((i) => libraryFile(partial, i)) };
}

/**
 * The key of a library's generated tree: generate.sh's content and the
 * upstream version, so editing the script or moving the pin regenerates.
 */
function generateKey(script: Buffer, pin: UpstreamPin): string {
  return createHash('sha256').update(script).update(`\0${pin.package}\0${pin.version}`).digest('hex').slice(0, 16);
}

function readBinds(raw: unknown, bad: (what: string) => KilnError): Record<string, DeviceBinding> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object') throw bad('"binds" must map API names to bindings');
  const out: Record<string, DeviceBinding> = {};
  for (const [api, b] of Object.entries(raw as Record<string, unknown>)) {
    const binding = b as Record<string, unknown>;
    for (const key of ['header', 'struct', 'ops'] as const) {
      if (typeof binding?.[key] !== 'string') throw bad(`binds.${api}.${key} must be a string`);
    }
    out[api] = binding as unknown as DeviceBinding;
  }
  return out;
}

function readRegistration(raw: unknown, bad: (what: string) => KilnError): ApiRegistration {
  const r = raw as Record<string, unknown>;
  for (const key of ['api', 'header', 'function', 'instance'] as const) {
    if (typeof r?.[key] !== 'string') throw bad(`registers.${key} must be a string`);
  }
  if (typeof r.order !== 'number') throw bad('registers.order must be a number');
  return r as unknown as ApiRegistration;
}

function readUpstream(raw: unknown, bad: (what: string) => KilnError): UpstreamPin {
  const u = raw as Record<string, unknown>;
  if (typeof u?.package !== 'string' || typeof u.version !== 'string') throw bad('upstream needs "package" and "version"');
  if (!/^[a-z0-9][a-z0-9+.-]*$/.test(u.package) || !/^[A-Za-z0-9.+~:-]+$/.test(u.version)) throw bad('upstream "package" and "version" must be a Debian source package name and version');
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
