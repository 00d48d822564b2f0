// SPDX-License-Identifier: MIT
/**
 * Just enough of ELF64 (little-endian, as every Kiln image is) to size an
 * image: section headers and the symbol table.
 */

const SHT_SYMTAB = 2;
const SHT_NOBITS = 8;
const SHF_WRITE = 0x1;
const SHF_ALLOC = 0x2;
const SHF_EXECINSTR = 0x4;
const SHF_TLS = 0x400;

/** What a section holds, for size tables. */
export type SectionClass = 'text' | 'rodata' | 'data' | 'bss';

/** One section header. */
export interface ElfSection {
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly address: number;
  readonly size: number;
  /** text, rodata, data or bss for sections loaded in memory; undefined for the others (debug info, symbols). */
  readonly class: SectionClass | undefined;
}

/** One symbol of .symtab. */
export interface ElfSymbol {
  readonly name: string;
  readonly address: number;
  readonly size: number;
  /** STT_*: 1 object, 2 function, 6 TLS. */
  readonly type: number;
  /** Index of the section it is in (0 for undefined, 0xfff1 for absolute). */
  readonly section: number;
}

/** A parsed ELF file. */
export interface ElfImage {
  readonly sections: readonly ElfSection[];
  readonly symbols: readonly ElfSymbol[];
}

/** The class of an allocated section from its flags and type: code, read-only data, initialized data, zeroed data. */
export function sectionClass(type: number, flags: number): SectionClass | undefined {
  if (!(flags & SHF_ALLOC)) return undefined;
  // .tbss takes no memory of its own: it describes the zeroed part of each thread's TLS block.
  if (type === SHT_NOBITS && flags & SHF_TLS) return undefined;
  if (type === SHT_NOBITS) return 'bss';
  if (flags & SHF_EXECINSTR) return 'text';
  return flags & SHF_WRITE ? 'data' : 'rodata';
}

/** Reads an ELF64 little-endian file's sections and symbols. Throws on anything else. */
export function parseElf(buf: Buffer): ElfImage {
  if (buf.length < 64 || buf.readUInt32BE(0) !== 0x7f454c46) throw new Error('not an ELF file');
  if (buf[4] !== 2 || buf[5] !== 1) throw new Error('not a 64-bit little-endian ELF file');
  const shoff = Number(buf.readBigUInt64LE(0x28));
  const shentsize = buf.readUInt16LE(0x3a);
  const shnum = buf.readUInt16LE(0x3c);
  const shstrndx = buf.readUInt16LE(0x3e);
  const raw = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize;
    raw.push({
      nameOff: buf.readUInt32LE(o),
      type: buf.readUInt32LE(o + 4),
      flags: Number(buf.readBigUInt64LE(o + 8)),
      address: Number(buf.readBigUInt64LE(o + 16)),
      offset: Number(buf.readBigUInt64LE(o + 24)),
      size: Number(buf.readBigUInt64LE(o + 32)),
      link: buf.readUInt32LE(o + 40),
      entsize: Number(buf.readBigUInt64LE(o + 56)),
    });
  }
  const cstr = (offset: number) => {
    const end = buf.indexOf(0, offset);
    return buf.toString('latin1', offset, end < 0 ? buf.length : end);
  };
  const shstr = raw[shstrndx];
  const sections: ElfSection[] = raw.map((s) => ({
    name: shstr ? cstr(shstr.offset + s.nameOff) : '',
    type: s.type,
    flags: s.flags,
    address: s.address,
    size: s.size,
    class: sectionClass(s.type, s.flags),
  }));
  const symbols: ElfSymbol[] = [];
  const symtab = raw.find((s) => s.type === SHT_SYMTAB);
  if (symtab) {
    const strtab = raw[symtab.link];
    const count = Math.floor(symtab.size / (symtab.entsize || 24));
    for (let i = 1; i < count; i++) {
      const o = symtab.offset + i * 24;
      const info = buf[o + 4];
      symbols.push({
        name: cstr(strtab.offset + buf.readUInt32LE(o)),
        type: info & 0xf,
        section: buf.readUInt16LE(o + 6),
        address: Number(buf.readBigUInt64LE(o + 8)),
        size: Number(buf.readBigUInt64LE(o + 16)),
      });
    }
  }
  return { sections, symbols };
}
