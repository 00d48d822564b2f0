// SPDX-License-Identifier: MIT
import { normalize } from 'node:path';
import type { ElfImage, SectionClass } from './elf.ts';
import type { PlacedSection } from './link-map.ts';
import type { SourceOfAddress } from './dwarf.ts';

/** Who a byte of the image belongs to. */
export type OwnerKind = 'library' | 'generated' | 'upstream' | 'linker' | 'padding' | 'unattributed';

/** Bytes of one owner, by kind of section. */
export interface SizeRow {
  readonly name: string;
  readonly kind: OwnerKind;
  readonly text: number;
  readonly rodata: number;
  readonly data: number;
  readonly bss: number;
  readonly total: number;
}

/** A section of memory the linker script reserves with no input in it (a heap, a stack). */
export interface Reservation {
  readonly section: string;
  readonly bytes: number;
}

/** An image's size, attributed. */
export interface SizeTable {
  readonly rows: readonly SizeRow[];
  readonly totals: Omit<SizeRow, 'name' | 'kind'>;
  readonly reserved: readonly Reservation[];
  /** Bytes loaded from the image file: text + rodata + data. */
  readonly loadBytes: number;
  /** RAM the image occupies once loaded: everything allocated, reservations included. */
  readonly ramBytes: number;
}

/** What the attribution needs besides the ELF and its map. */
export interface Owners {
  /** Object path as the map names it (relative to the assembly) to its owner. */
  readonly objects: ReadonlyMap<string, { readonly name: string; readonly kind: 'library' | 'generated' }>;
  /** Source path (Kiln-root relative, or assembly relative for generated sources) to its owner. */
  readonly sources: ReadonlyMap<string, { readonly name: string; readonly kind: 'library' | 'generated' }>;
  /** Upstream owner of an archive the map names (e.g. Debian's picolibc for its libc.a). */
  readonly archive: (path: string) => string;
  /** Source of each function and variable, from DWARF: asked for only when LTO produced code. */
  readonly dwarf: () => SourceOfAddress;
}

/** Sections the linker makes itself (GNU ld names the first input file as theirs). */
const LINKER_MADE = /^\.(got|got\.plt|igot\.plt|iplt|plt|rela\..*|rel\..*|dynamic|interp|hash|gnu\.hash|dynsym|dynstr)$/;

/** The class of an input section by its name, or its output section's when the name says nothing. */
export function inputClass(name: string, outputClass: SectionClass): SectionClass {
  if (/^\.(text|init|fini)(\.|$)/.test(name)) return 'text';
  if (/^\.rodata(\.|$)/.test(name)) return 'rodata';
  if (/^\.(data|got|got\.plt|tdata|sdata)(\.|$)/.test(name)) return 'data';
  if (/^\.(bss|sbss)(\.|$)|^COMMON$/.test(name)) return 'bss';
  return outputClass;
}

/**
 * Rows of their own for the C++ runtime's archives from the cross gcc
 * (which lib/cxxrt links): their members would otherwise go to the Debian
 * package that ships them, together with libgcc's helpers.
 */
const CXX_ARCHIVES: Readonly<Record<string, string>> = {
  'libstdc++.a': '(libstdc++)',
  'libsupc++.a': '(libsupc++)',
  'libgcc_eh.a': '(libgcc_eh: the unwinder)',
};

/** The row of a C++ runtime archive (by its file name), or undefined for any other archive. */
export function cxxArchiveRow(archive: string): string | undefined {
  return CXX_ARCHIVES[archive.split('/').pop() ?? archive];
}

/** Whether a map file names a link-time optimization temporary (gcc's *.ltrans.o, lld's lto.tmp). */
export function isLtoTemporary(file: string): boolean {
  return /\.ltrans\d*\.ltrans\.o$|(^|\/)lto\.tmp$|ld-temp\.o$/.test(file);
}

/** The source path a DWARF compile unit name stands for, in the form link plans use. */
export function sourceOfUnit(name: string): string {
  return normalize(name.replace(/^\/kiln\//, '').replace(/^\.\//, ''));
}

/**
 * Attributes every byte the image loads or reserves: each input section of
 * the link map to its object, each object to its micro-library (or the
 * upstream archive, or the linker). Code from link-time optimization is
 * split by function and variable, each attributed through its debug
 * information to the source that defined it; what remains (merged strings,
 * constant pools) is reported as unattributed rather than guessed.
 */
export function attributeSizes(elf: ElfImage, placed: readonly PlacedSection[], owners: Owners): SizeTable {
  const classOf = new Map(elf.sections.map((s) => [s.name, s.class] as const));
  const rows = new Map<string, { name: string; kind: OwnerKind } & Record<SectionClass, number>>();
  const add = (name: string, kind: OwnerKind, cls: SectionClass, bytes: number) => {
    if (bytes <= 0) return;
    const key = `${kind}:${name}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { name, kind, text: 0, rodata: 0, data: 0, bss: 0 }));
    row[cls] += bytes;
  };
  // Output sections with real input sections; the others (a heap, stacks) are the linker script's own.
  const withInputs = new Set<string>();
  for (const p of placed) if (p.name !== '*fill*' && p.size > 0) withInputs.add(p.output);
  let dwarf: SourceOfAddress | undefined;
  const symbols = elf.symbols
    .filter((s) => s.size > 0 && (s.type === 1 || s.type === 2))
    .sort((a, b) => a.address - b.address);
  // Functions by name, clone suffixes (.constprop.0, .isra.0, .part.0, .lto_priv.0) removed.
  const functions = new Map<string, number>();
  for (const s of symbols) if (s.type === 2) functions.set(s.name.replace(/\.(constprop|isra|part|lto_priv|cold)\..*$/, ''), s.address);
  let previous: SectionClass | undefined;
  for (const p of placed) {
    const outputClass = classOf.get(p.output);
    if (!outputClass || p.size === 0) continue;
    if (!withInputs.has(p.output)) continue;
    // The input section's own name says what it holds, whatever else its output section gathers
    // (a linker script may put the GOT in .rodata, making the whole section writable); a fill
    // belongs with what precedes it.
    const cls = p.name === '*fill*' ? (previous ?? outputClass) : inputClass(p.name, outputClass);
    previous = cls;
    if (p.name === '*fill*') {
      add('alignment padding', 'padding', cls, p.size);
      continue;
    }
    if (!p.file && /^\.rodata/.test(p.name)) {
      // lld merges mergeable strings and constants of every input into sections of its own.
      add('merged strings and constants', 'unattributed', cls, p.size);
      continue;
    }
    if (!p.file || LINKER_MADE.test(p.name)) {
      add('linker', 'linker', cls, p.size);
      continue;
    }
    const object = owners.objects.get(normalize(p.file));
    if (object) {
      add(object.name, object.kind, cls, p.size);
      continue;
    }
    const member = /^(.*\.a)\((.*)\)$/.exec(p.file);
    if (member) {
      add(cxxArchiveRow(member[1]) ?? owners.archive(member[1]), 'upstream', cls, p.size);
      continue;
    }
    if (!isLtoTemporary(p.file)) {
      add(p.file, 'unattributed', cls, p.size);
      continue;
    }
    dwarf ??= owners.dwarf();
    let covered = 0;
    let lastEnd = p.address;
    for (const s of symbols) {
      if (s.address < p.address) continue;
      if (s.address >= p.address + p.size) break;
      const start = Math.max(s.address, lastEnd);
      const end = Math.min(s.address + s.size, p.address + p.size);
      if (end <= start) continue;
      const unit = dwarf.get(s.address);
      const owner = unit ? owners.sources.get(sourceOfUnit(unit)) : undefined;
      if (!owner) continue;
      add(owner.name, owner.kind, cls, end - start);
      covered += end - start;
      lastEnd = end;
    }
    if (covered === 0) {
      // gcc names a function's string constants after it (.rodata.<function>.str1.1): they go with the function.
      const fn = /^\.rodata\.(.+)\.(str\d+\.\d+|cst\d+)$/.exec(p.name)?.[1];
      const at = fn === undefined ? undefined : functions.get(fn);
      const unit = at === undefined ? undefined : dwarf.get(at);
      const owner = unit ? owners.sources.get(sourceOfUnit(unit)) : undefined;
      if (owner) {
        add(owner.name, owner.kind, cls, p.size);
        continue;
      }
    }
    add('link-time optimized, no single source', 'unattributed', cls, p.size - covered);
  }
  const reserved: Reservation[] = [];
  for (const s of elf.sections) {
    if (s.class && s.size > 0 && !withInputs.has(s.name)) {
      if (s.class === 'bss') reserved.push({ section: s.name, bytes: s.size });
      else add(`${s.name} (linker script)`, 'linker', s.class, s.size);
    }
  }
  const order: OwnerKind[] = ['library', 'generated', 'upstream', 'linker', 'padding', 'unattributed'];
  const libraryOrder = [...new Set([...owners.objects.values()].map((o) => o.name))];
  const list = [...rows.values()]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)
      || (a.kind === 'library' ? libraryOrder.indexOf(a.name) - libraryOrder.indexOf(b.name) : a.name.localeCompare(b.name)))
    .map((r) => ({ ...r, total: r.text + r.rodata + r.data + r.bss }));
  const sum = (cls: SectionClass) => list.reduce((n, r) => n + r[cls], 0);
  const totals = { text: sum('text'), rodata: sum('rodata'), data: sum('data'), bss: sum('bss'), total: 0 };
  totals.total = totals.text + totals.rodata + totals.data + totals.bss;
  const loadBytes = elf.sections.filter((s) => s.class && s.class !== 'bss').reduce((n, s) => n + s.size, 0);
  const ramBytes = elf.sections.filter((s) => s.class).reduce((n, s) => n + s.size, 0);
  return { rows: list, totals, reserved, loadBytes, ramBytes };
}

/**
 * Bytes of code and data the image file carries, padding excluded: input
 * sections placed in text, rodata and data output sections. Linker scripts
 * that page-align sections (for MMU permissions) round the sections
 * themselves, which would hide a saving smaller than a page.
 */
export function contentBytes(elf: ElfImage, placed: readonly PlacedSection[]): number {
  const classOf = new Map(elf.sections.map((s) => [s.name, s.class] as const));
  return placed
    .filter((p) => p.name !== '*fill*' && p.size > 0)
    .filter((p) => {
      const cls = classOf.get(p.output);
      return cls !== undefined && cls !== 'bss';
    })
    .reduce((n, p) => n + p.size, 0);
}
