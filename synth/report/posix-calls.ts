// SPDX-License-Identifier: MIT
import type { LinkedLibraryRecord } from '../plan/link-plan.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { PICOLIBC_DIR } from '../toolchain.ts';
import { parseElf } from './elf.ts';
import { parseLinkMap } from './link-map.ts';

/** The file an image's POSIX report is written to, in its folder. */
export const POSIX_CALLS_FILE = 'posix-calls.json';

/** The library whose weak fallbacks fail with ENOSYS (lib/posix-enosys). */
const ENOSYS_LIBRARY = 'posix-enosys';

/** How one call the application can reach is answered. */
export type PosixCallStatus = 'satisfied' | 'enosys' | 'missing';

/** One POSIX call the application can reach. */
export interface PosixCall {
  readonly name: string;
  /** satisfied: a Kiln library implements it; enosys: only the fallback does; missing: nothing does (the link would fail). */
  readonly status: PosixCallStatus;
  /** The Kiln micro-library whose code answers it. */
  readonly provider?: string;
  /** Whether the application's own code names it (otherwise it reaches it only through the C library). */
  readonly direct: boolean;
  /** The C library functions the application calls that lead to it, e.g. fopen for open. */
  readonly via: readonly string[];
  /** For enosys: whether the fallback is in the linked image (false: the link found no way to reach it). */
  readonly linked?: boolean;
}

/** An image's posix-calls.json. */
export interface PosixCallsReport {
  readonly kiln: 'posix-calls/1';
  readonly image: string;
  /** How the list was made, in a sentence. */
  readonly method: string;
  /** The libraries counted as the application (applications, and libraries built from an upstream source). */
  readonly application: readonly string[];
  /** Every POSIX call the application can reach, by name. */
  readonly referenced: readonly string[];
  /** Those a Kiln library implements. */
  readonly satisfied: readonly string[];
  /** Those that fail with ENOSYS (fallbacks in the linked image). */
  readonly enosys: readonly string[];
  /** Those nothing defines. */
  readonly missing: readonly string[];
  readonly calls: readonly PosixCall[];
}

const METHOD = 'Functions the application\'s objects call without defining (lto-dump for gcc LTO objects, nm otherwise), followed through the members of picolibc\'s libc.a that define them, '
  + 'down to functions a Kiln micro-library defines; a call only posix-enosys defines (weakly) is an ENOSYS fallback, '
  + 'and the link map says whether the fallback is in the image.';

/** One symbol as nm lists it. */
interface NmSymbol {
  readonly name: string;
  readonly type: string;
}

/** Symbols of object or archive files, by file (or archive member), with the nm that reads the toolchain's objects. */
function nm(program: string, files: readonly string[]): Map<string, NmSymbol[]> {
  const out = new Map<string, NmSymbol[]>();
  if (!files.length) return out;
  const text = execFileSync(program, ['-A', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  for (const line of text.split('\n')) {
    // file.o: 0000 T name, file.o:  U name, libc.a:member.o: 0000 T name; llvm-nm writes dashes for bitcode's addresses
    const m = /^(.*?):\s*(?:[0-9a-fA-F-]+\s+)?([A-Za-z?])\s+(\S+)$/.exec(line);
    if (!m) continue;
    const list = out.get(m[1]) ?? [];
    list.push({ type: m[2], name: m[3] });
    out.set(m[1], list);
  }
  return out;
}

/**
 * Functions a set of gcc LTO objects calls without defining, read with
 * lto-dump over all of them at once. (gcc's LTO symbol table, which nm
 * reads, leaves out calls to functions gcc knows as builtins: printf,
 * malloc, fork, the exec family...)
 */
function ltoUndefinedFunctions(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (!files.length) return out;
  const text = execFileSync('aarch64-linux-gnu-lto-dump', ['-list', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  for (const line of text.split('\n')) {
    // "function  default     0  fork": a function of size 0 is one the objects only call.
    const m = /^function\s+\S+\s+(\d+)\s+(\S+)/.exec(line);
    if (m && m[1] === '0' && !m[2].startsWith('__builtin_')) out.add(m[2]);
  }
  return out;
}

const isDefined = (t: string) => t !== 'U' && t !== 'w' && t !== 'v';
const isText = (t: string) => t === 'T' || t === 'W' || t === 't';
const isWeak = (t: string) => t === 'W' || t === 'V';



/**
 * Works out which POSIX calls an image's application can reach and how
 * Kiln answers each, from the image's linked ELF and link map and the
 * objects its link plan names. Reads files; writes nothing.
 *
 * @param imageDir the image's folder in a built assembly
 */
export function posixCallsReport(imageDir: string): PosixCallsReport {
  const outdir = dirname(imageDir);
  const plan = parse(readFileSync(join(imageDir, 'linkplan.yaml'), 'utf8')) as {
    image: string;
    toolchain: { id: string; lto: boolean };
    libraries: LinkedLibraryRecord[];
    outputs: { elf: string; map: string };
  };
  const nmProgram = plan.toolchain.id === 'clang' ? 'llvm-nm-14' : 'aarch64-linux-gnu-gcc-nm';
  const isApplication = (l: LinkedLibraryRecord) => l.role === 'application' || l.sources.some((s) => /^\{(upstream|generated)\}\//.test(s));
  const application = plan.libraries.filter(isApplication);
  const others = plan.libraries.filter((l) => !isApplication(l));

  // What the application needs from elsewhere.
  const appObjects = application.flatMap((l) => l.objects.map((o) => join(outdir, o)));
  let wanted: Set<string>;
  if (plan.toolchain.id === 'gcc' && plan.toolchain.lto) {
    wanted = ltoUndefinedFunctions(appObjects);
  } else {
    const appSymbols = [...nm(nmProgram, appObjects).values()].flat();
    const appDefined = new Set(appSymbols.filter((s) => isDefined(s.type)).map((s) => s.name));
    wanted = new Set(appSymbols.filter((s) => s.type === 'U' && !appDefined.has(s.name)).map((s) => s.name));
  }

  // Who among Kiln's other libraries defines what: a strong definition wins over posix-enosys's weak one.
  const kiln = new Map<string, { library: string; type: string }>();
  for (const lib of others) {
    for (const [, symbols] of nm(nmProgram, lib.objects.map((o) => join(outdir, o)))) {
      for (const s of symbols) {
        if (!isDefined(s.type)) continue;
        const known = kiln.get(s.name);
        if (!known || (isWeak(known.type) && !isWeak(s.type))) kiln.set(s.name, { library: lib.name, type: s.type });
      }
    }
  }

  // picolibc's members: what each defines and what it needs.
  const libc = join(PICOLIBC_DIR, 'lib', 'libc.a');
  const members = existsSync(libc) ? nm('aarch64-linux-gnu-nm', [libc]) : new Map<string, NmSymbol[]>();
  const libcDefines = new Map<string, string>();
  for (const [member, symbols] of members) {
    for (const s of symbols) if (isDefined(s.type) && (!libcDefines.has(s.name) || !isWeak(s.type))) libcDefines.set(s.name, member);
  }

  // Follow what the application wants through the C library, remembering which of its calls led where.
  const via = new Map<string, Set<string>>();
  const terminal = new Set<string>();
  const queue: [symbol: string, from: string][] = [...wanted].map((w) => [w, w]);
  const seen = new Set<string>();
  while (queue.length) {
    const [symbol, from] = queue.shift()!;
    const key = `${symbol}\0${from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const provider = kiln.get(symbol);
    if (provider || !libcDefines.has(symbol)) {
      terminal.add(symbol);
      const set = via.get(symbol) ?? new Set<string>();
      if (from !== symbol) set.add(from);
      via.set(symbol, set);
      continue;
    }
    for (const s of members.get(libcDefines.get(symbol)!) ?? []) if (s.type === 'U') queue.push([s.name, from]);
  }

  const map = parseLinkMap(readFileSync(join(outdir, plan.outputs.map), 'utf8'));
  const keptFallbacks = new Set(map.filter((p) => p.size > 0).map((p) => /^\.text\.kiln_enosys\.(.+)$/.exec(p.name)?.[1]).filter((n) => n !== undefined));
  const elfFunctions = new Set(parseElf(readFileSync(join(outdir, plan.outputs.elf))).symbols.filter((s) => s.type === 2).map((s) => s.name));

  const calls: PosixCall[] = [];
  for (const name of [...terminal].sort()) {
    const provider = kiln.get(name);
    // Kiln's own APIs and compiler or C library internals are not POSIX calls; nor is data (errno, stdout).
    if (name.startsWith('kiln_') || name.startsWith('__') || (provider && !isText(provider.type))) continue;
    if (!provider && elfFunctions.has(name)) continue; // defined by the link itself (libgcc helpers, linker script)
    const direct = wanted.has(name);
    const common = { name, direct, via: [...(via.get(name) ?? [])].sort() };
    if (!provider) {
      calls.push({ ...common, status: 'missing' });
    } else if (provider.library === ENOSYS_LIBRARY) {
      calls.push({ ...common, status: 'enosys', provider: provider.library, linked: keptFallbacks.has(name) });
    } else {
      calls.push({ ...common, status: 'satisfied', provider: provider.library });
    }
  }
  const named = (status: PosixCallStatus) => calls.filter((c) => c.status === status && (status !== 'enosys' || c.linked)).map((c) => c.name);
  return {
    kiln: 'posix-calls/1',
    image: plan.image,
    method: METHOD,
    application: application.map((l) => l.name),
    referenced: calls.filter((c) => c.status !== 'enosys' || c.linked).map((c) => c.name),
    satisfied: named('satisfied'),
    enosys: named('enosys'),
    missing: named('missing'),
    calls,
  };
}

/**
 * Writes posix-calls.json into a built image's folder and returns what it
 * wrote. Meant to run after the build, beside report.json.
 */
export function writePosixCallsReport(imageDir: string): PosixCallsReport {
  const report = posixCallsReport(imageDir);
  writeFileSync(join(imageDir, POSIX_CALLS_FILE), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
