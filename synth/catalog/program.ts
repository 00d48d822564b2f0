// SPDX-License-Identifier: MIT
/**
 * The user's programs as micro-libraries: each ProgramSpec becomes a
 * manifest and a Kconfig entry held in memory, so that the rest of synth
 * (resolution, plan, link, report, SBOM) treats it as it treats any
 * library, without anything written next to the user's sources.
 */
import { dirname, relative, sep } from 'node:path';
import { KilnError, type Problem } from '../errors.ts';
import type { ProgramSpec } from '../spec/image-spec.ts';
import type { LibraryManifest } from './library-manifest.ts';

/** A program's name: what the image uses it by, and its Kconfig symbol's stem. */
export const PROGRAM_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** Source files a program may have, by extension. */
export const PROGRAM_SOURCE = /\.(c|cc|cpp|cxx|S)$/;

/** The Kconfig symbol of a program: PROGRAM_ and its name in capitals. */
export function programSymbol(name: string): string {
  return `PROGRAM_${name.toUpperCase().replace(/-/g, '_')}`;
}

/** The deepest folder holding every file. */
function commonFolder(files: readonly string[]): string {
  let folder = dirname(files[0]);
  while (!files.every((f) => f.startsWith(`${folder}${sep}`)) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** The C string a define's value is written as on the command line: -DNAME=VALUE. */
function defineFlag(name: string, value: string): string {
  return value === '' ? `-D${name}` : `-D${name}=${value}`;
}

/**
 * A program's manifest and Kconfig text. The manifest's folder is the
 * deepest one holding every source; sources are relative to it.
 *
 * @throws KilnError (the user's) for a name that is not one, or no sources
 */
export function programLibrary(program: ProgramSpec): { readonly manifest: LibraryManifest; readonly kconfig: string } {
  const problems: Problem[] = [];
  if (!PROGRAM_NAME.test(program.name)) problems.push({ message: `program name "${program.name.slice(0, 80)}" must start with a lowercase letter and hold only lowercase letters, digits and dashes (at most 63)` });
  if (!program.sources.length) problems.push({ message: `program "${program.name}" has no sources`, hint: 'give sources: a file or glob such as "src/*.c"' });
  const unknown = program.sources.filter((s) => !PROGRAM_SOURCE.test(s));
  if (unknown.length) problems.push({ message: `program "${program.name}": ${unknown[0]} is not a source Kiln compiles`, hint: 'sources are .c, .cc, .cpp, .cxx or .S files; headers go in include folders' });
  for (const [name, value] of Object.entries(program.defines ?? {})) {
    if (!/^[A-Za-z_]\w*$/.test(name)) problems.push({ message: `program "${program.name}": define ${JSON.stringify(name.slice(0, 80))} is not a C identifier` });
    if (/[\x00-\x1f\x7f]/.test(value)) problems.push({ message: `program "${program.name}": define ${name} holds a control character (a line break?)`, hint: 'defines are one line of text' });
  }
  for (const flag of program.cflags ?? []) {
    if (!flag.startsWith('-') || /[\x00-\x1f\x7f]/.test(flag)) problems.push({ message: `program "${program.name}": cflag ${JSON.stringify(flag.slice(0, 80))} is not a compiler option`, hint: 'each cflag starts with "-" and is one line, e.g. "-Wall"' });
  }
  if (problems.length) throw new KilnError(problems, { fault: 'user' });
  const symbol = programSymbol(program.name);
  const dir = commonFolder(program.sources);
  const requires = program.requires ?? {};
  const flags = [
    ...Object.entries(program.defines ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => defineFlag(name, value)),
    ...(program.cflags ?? []),
  ];
  const manifest: LibraryManifest = {
    name: program.name,
    role: 'application',
    summary: `your program ${program.name}`,
    license: 'NOASSERTION',
    symbol,
    dir,
    includes: [...(program.include ?? [])],
    sources: { [symbol]: program.sources.map((s) => relative(dir, s)) },
    binds: {},
    slots: {},
    ...(flags.length ? { flags } : {}),
  };
  const selects = [
    'LIBPICOLIBC',
    'LIBPOSIX_TIME',
    'LIBPOSIX_PROCESS',
    ...(requires.files ? ['LIBPOSIX_RAMFS'] : []),
    ...(requires.network ? ['LIBPOSIX_SOCKET'] : []),
    ...(requires.threads ? ['LIBPOSIX_PTHREAD'] : []),
    // C++ sources need the C++ runtime: constructors, new and delete, guards.
    ...(program.sources.some((s) => /\.(cc|cpp|cxx)$/.test(s)) ? ['LIBCXXRT'] : []),
  ];
  const kconfig = [
    `config ${symbol}`,
    `\tbool "${program.name}: your program"`,
    ...selects.map((s) => `\tselect ${s}`),
    '\thelp',
    `\t  Built from ${program.sources.length} source${program.sources.length === 1 ? '' : 's'} in ${dir.replace(/"/g, '')}.`,
    '',
  ].join('\n');
  return { manifest, kconfig };
}
