// SPDX-License-Identifier: MIT
import { createHash } from 'node:crypto';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { KilnError } from '../errors.ts';
import { fileKind, HostFileError, isSystemPath, isWithin, readChunks, realFolder } from '../host-files.ts';
import type { FileSpec, ImageSpec } from '../spec/image-spec.ts';

/** The bytes of an embedded file: a host file's, or text given inline. */
export interface EmbeddedBlob {
  /** SHA-256 of the bytes (hex): the blob's name in the image folder. */
  readonly sha256: string;
  readonly bytes: number;
  /** The host file (its real path) the bytes are copied from. */
  readonly host?: string;
  /** The text, for a file given inline. */
  readonly content?: string;
}

/** One entry of the embedded tree: a directory, or a file and where its bytes come from. */
export interface EmbeddedEntry {
  /** Absolute, normalized path in the image. */
  readonly path: string;
  /** The file's bytes; undefined for a directory. */
  readonly blob?: EmbeddedBlob;
  /** Permission bits. */
  readonly mode: number;
}

/** Where embedded host files may come from, and how much of them. */
export interface EmbedPolicy {
  /**
   * Absolute folders host files may come from, after following symbolic
   * links: the program's or spec's project folder, and any the user allows
   * (`--embed-from`, App's `embedFrom`).
   */
  readonly folders: readonly string[];
  /** Most bytes of file data one image embeds. @default DEFAULT_EMBED_BYTES */
  readonly limitBytes?: number;
}

/** How many bytes of files an image embeds unless its budget says otherwise (budget.embedBytes). */
export const DEFAULT_EMBED_BYTES = 32 * 1024 * 1024;

/** The folder of an image's blobs: one file per distinct content, named by its SHA-256. */
export const EMBEDDED_DIR = 'embedded';

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

/**
 * The image's embedded file tree, from its `files` entries: host folders
 * walked (entries sorted by name, so the tree is the same on every
 * machine), files hashed chunk by chunk (never held whole), inline
 * contents taken as UTF-8. A later entry at the same path replaces an
 * earlier one. Parents come before children. Reads the host files named
 * by the spec; writes nothing.
 *
 * @throws KilnError (the user's) for a host path outside the policy's
 *   folders, in /proc, /sys or /dev, that is not a regular file or folder,
 *   or past the byte limit
 */
export function embeddedTree(files: readonly FileSpec[], image: string, policy: EmbedPolicy): EmbeddedEntry[] {
  const tree = new Map<string, EmbeddedEntry>();
  const put = (entry: EmbeddedEntry) => {
    const existing = tree.get(entry.path);
    if (existing && existing.blob === undefined && entry.blob !== undefined) {
      // A file replacing a directory: what was under it goes too.
      for (const p of [...tree.keys()]) if (p.startsWith(`${entry.path}/`)) tree.delete(p);
    }
    tree.set(entry.path, entry);
  };
  const walker = new Walker(image, policy, put);
  for (const file of files) {
    const at = posix.normalize(file.at);
    if (!at.startsWith('/')) throw userError(image, `file path "${file.at}" is not absolute`);
    if (file.content !== undefined) {
      const bytes = Buffer.from(file.content, 'utf8');
      put({ path: at, blob: { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, content: file.content }, mode: 0o644 });
      continue;
    }
    if (file.from === undefined) throw userError(image, `file entry at "${file.at}" has neither from nor content`);
    walker.walk(file.from, at);
  }
  return [...tree.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Walks host paths for one image, keeping to its policy and counting its bytes. */
class Walker {
  private bytes = 0;
  private readonly folders: readonly string[];
  private readonly limit: number;

  constructor(private readonly image: string, policy: EmbedPolicy, private readonly put: (e: EmbeddedEntry) => void) {
    this.folders = policy.folders.map(realFolder);
    this.limit = policy.limitBytes ?? DEFAULT_EMBED_BYTES;
  }

  walk(host: string, at: string, chain: readonly string[] = []): void {
    const shown = `"${host}" (to embed at ${at})`;
    let real: string;
    let stat;
    try {
      real = realpathSync(host);
      stat = statSync(real);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw userError(this.image, `${shown} is a loop of symbolic links`);
      if (code === 'EACCES') throw userError(this.image, `${shown} cannot be read: permission denied`);
      throw userError(this.image, `${shown} does not exist`);
    }
    if (isSystemPath(real)) {
      throw userError(this.image, `${shown} is in ${real.split('/').slice(0, 2).join('/')}, whose files are the kernel's, not data; embeds are read from regular files only`);
    }
    if (!this.folders.some((folder) => isWithin(real, folder))) {
      const where = real === resolve(host) ? '' : ` (it leads to ${real})`;
      throw userError(this.image, `${shown} is outside the project folder ${this.folders[0] ?? '(none)'}${where}`,
        `embed files from inside the project (the nearest folder above the program or spec holding package.json or .git), or allow the folder explicitly: kiln synth --embed-from ${dirname(real)}, or new App({ embedFrom: [...] })`);
    }
    if (stat.isDirectory()) {
      if (chain.some((outer) => isWithin(outer, real))) throw userError(this.image, `${shown} leads to ${real}, which holds the folder it is in: a symbolic link loop`);
      if (at !== '/') this.put({ path: at, mode: 0o755 });
      for (const name of readdirSync(real).sort()) this.walk(join(host, name), posix.join(at, name), [...chain, real]);
      return;
    }
    if (!stat.isFile()) {
      throw userError(this.image, `${shown} is ${fileKind(stat)}; only regular files and folders can be embedded`);
    }
    this.bytes += stat.size;
    if (this.bytes > this.limit) {
      throw userError(this.image, `${shown} takes the image's embedded files to ${this.bytes} bytes, over the limit of ${this.limit}`,
        `embed less, or raise the limit with budget: { embedBytes: ${nextLimit(this.bytes)} } (spec files and Image props alike)`);
    }
    let read;
    try {
      read = readChunks(real);
    } catch (err) {
      if (err instanceof HostFileError) throw userError(this.image, `${shown}: ${err.message}`);
      throw userError(this.image, `${shown} cannot be read (${(err as Error).message})`);
    }
    this.put({ path: at, blob: { sha256: read.sha256, bytes: read.bytes, host: real }, mode: stat.mode & 0o111 ? 0o755 : 0o644 });
  }
}

/** A round limit above `bytes`, to suggest. */
function nextLimit(bytes: number): number {
  const mib = 1024 * 1024;
  return Math.ceil((bytes * 1.25) / mib) * mib;
}

function userError(image: string, message: string, hint?: string): KilnError {
  return new KilnError([{ message: `image "${image}": ${message}`, ...(hint ? { hint } : {}) }], { fault: 'user' });
}

/** Bytes as C string literal lines: printable ASCII kept, the rest as three-digit octal escapes. */
function cBytes(data: Uint8Array): string[] {
  const lines: string[] = [];
  let line = '';
  for (const b of data) {
    if (b === 0x22 || b === 0x5c) line += `\\${String.fromCharCode(b)}`;
    // '?' is escaped so no "??x" trigraph can form, whatever the compiler's mode.
    else if (b >= 0x20 && b < 0x7f && b !== 0x3f) line += String.fromCharCode(b);
    else line += `\\${b.toString(8).padStart(3, '0')}`;
    if (b === 0x0a || line.length >= 96) {
      lines.push(`"${line}"`);
      line = '';
    }
  }
  if (line || !lines.length) lines.push(`"${line}"`);
  return lines;
}

/** A C string literal for text (paths, argv and environment entries). */
function cString(text: string): string {
  return cBytes(new TextEncoder().encode(text)).join(' ');
}

/** The assembler symbol of a blob's bytes. */
function blobSymbol(blob: EmbeddedBlob): string {
  return `kiln_embedded_${blob.sha256.slice(0, 24)}`;
}

/** The generated sources of an embedded tree, and the blobs they read. */
export interface EmbeddedSources {
  /** files.c: the table lib/posix-ramfs reads at boot (<kiln/ramfs_seed.h>). */
  readonly table: string;
  /** embedded.S: each distinct blob's bytes, included with .incbin from the image folder. */
  readonly bytes: string;
  /** The blobs by path in the image folder (embedded/<sha256>). */
  readonly blobs: ReadonlyMap<string, EmbeddedBlob>;
}

/**
 * The sources that put an embedded tree in the image. The files' bytes are
 * never written into C: the assembler includes each blob (copied into the
 * image folder under its hash) with .incbin, so a large file costs a
 * copy, not a giant string. Files with the same content share one blob.
 * Everything stays in read-only data.
 */
export function embeddedSources(id: string, tree: readonly EmbeddedEntry[]): EmbeddedSources {
  const blobs = new Map<string, EmbeddedBlob>();
  for (const e of tree) if (e.blob && e.blob.bytes > 0) blobs.set(`${EMBEDDED_DIR}/${e.blob.sha256}`, e.blob);
  const symbols = [...blobs.values()].map(blobSymbol);
  const table = [
    '/* SPDX-License-Identifier: MIT */',
    `/* Generated by kiln synth: the file tree embedded in image ${id}. Do not edit. */`,
    '#include <kiln/ramfs_seed.h>',
    '',
    ...(symbols.length ? ['/* The files\' bytes, in embedded.S. */', ...symbols.map((s) => `extern const unsigned char ${s}[];`), ''] : []),
    'const struct kiln_ramfs_seed kiln_ramfs_seeds[] = {',
    ...tree.map((e) => {
      const mode = `0${((e.blob ? S_IFREG : S_IFDIR) | e.mode).toString(8)}`;
      if (!e.blob) return `\t{ ${cString(e.path)}, 0, 0, ${mode} },`;
      const data = e.blob.bytes > 0 ? blobSymbol(e.blob) : '(const unsigned char *)""';
      return `\t{ ${cString(e.path)}, ${data}, ${e.blob.bytes}, ${mode} },`;
    }),
    // An empty array is not C: an unused terminator keeps the table well-formed.
    '\t{ 0, 0, 0, 0 },',
    '};',
    '',
    `const size_t kiln_ramfs_seed_count = ${tree.length};`,
    '',
  ].join('\n');
  const bytes = [
    '/* SPDX-License-Identifier: MIT */',
    `/* Generated by kiln synth: the bytes of the files embedded in image ${id}, from ${id}/${EMBEDDED_DIR}/. Do not edit. */`,
    '\t.section .rodata.kiln_embedded, "a"',
    ...[...blobs].flatMap(([path, blob]) => {
      const s = blobSymbol(blob);
      return ['', '\t.balign 16', `\t.globl ${s}`, `\t.hidden ${s}`, `\t.type ${s}, %object`, `${s}:`, `\t.incbin "${id}/${path}"`, `\t.size ${s}, . - ${s}`];
    }),
    '',
  ].join('\n');
  return { table, bytes, blobs };
}

/**
 * args.c: main()'s arguments and the environment, as lib/posix-process
 * hands them out (<kiln/process.h>). Strings are writable arrays, as C
 * says argv strings are.
 */
export function processArgsSource(spec: Pick<ImageSpec, 'id' | 'args' | 'env' | 'applications'>): string {
  const args = spec.args?.length ? spec.args : [spec.applications[0]?.kind ?? spec.id];
  const env = Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${v}`);
  const out = [
    '/* SPDX-License-Identifier: MIT */',
    `/* Generated by kiln synth: the arguments and environment of image ${spec.id}. Do not edit. */`,
    '#include <kiln/process.h>',
    '',
    ...args.map((a, i) => `static char arg_${i}[] = ${cString(a)};`),
    ...env.map((e, i) => `static char env_${i}[] = ${cString(e)};`),
    '',
    `char *kiln_process_argv[] = { ${[...args.map((_, i) => `arg_${i}`), '0'].join(', ')} };`,
    `char *kiln_process_envp[] = { ${[...env.map((_, i) => `env_${i}`), '0'].join(', ')} };`,
    '',
  ];
  return out.join('\n');
}

/** What processSources() plans: generated sources, and host files to copy into the image folder. */
export interface ProcessSources {
  /** Generated files by path in the image folder: files.c, embedded.S, args.c, and blobs given inline. */
  readonly sources: ReadonlyMap<string, string>;
  /** Host files copied into the image folder, by path there (embedded/<sha256>). */
  readonly copies: ReadonlyMap<string, EmbeddedBlob>;
}

/**
 * The generated sources of the image's process: files.c and embedded.S
 * with the RAM file system, args.c with the process library. An image
 * that asks for files, args or env without the library that serves them
 * is the user's error.
 */
export function processSources(spec: ImageSpec, isEnabled: (symbol: string) => boolean, embeds: EmbedPolicy): ProcessSources {
  const sources = new Map<string, string>();
  const copies = new Map<string, EmbeddedBlob>();
  const missing = (what: string, library: string) => new KilnError([{
    message: `image "${spec.id}" gives ${what}, but has no ${library} library to serve them`,
    hint: `use an application that brings it (Lua, Sqlite, a program that requires it), or add the ${library} library (in a spec file: libraries: [{ kind: ${library} }])`,
  }], { fault: 'user' });
  if (isEnabled('LIBPOSIX_RAMFS')) {
    const tree = embeddedTree(spec.files ?? [], spec.id, { ...embeds, limitBytes: spec.budget?.embedBytes ?? embeds.limitBytes });
    const embedded = embeddedSources(spec.id, tree);
    sources.set('files.c', embedded.table);
    if (embedded.blobs.size) sources.set('embedded.S', embedded.bytes);
    for (const [path, blob] of embedded.blobs) {
      if (blob.content !== undefined) sources.set(path, blob.content);
      else copies.set(path, blob);
    }
  } else if (spec.files?.length) throw missing('files', 'posix-ramfs');
  if (isEnabled('LIBPOSIX_PROCESS')) sources.set('args.c', processArgsSource(spec));
  else if (spec.args?.length || Object.keys(spec.env ?? {}).length) throw missing('args or env', 'posix-process');
  return { sources, copies };
}

/** Which of processSources()' files are compiled. */
export function isCompiled(file: string): boolean {
  return /\.[cS]$/.test(file);
}
