// SPDX-License-Identifier: MIT
/**
 * Which source file each function and variable of an image came from, read
 * from its DWARF (as `readelf --debug-dump=info` prints it). Needed only
 * for code that link-time optimization generated: its input sections come
 * from a temporary object, but the debug information still says where each
 * function and variable was written.
 */

interface Die {
  readonly cu: number;
  tag: string;
  origin?: number;
  address?: number;
}

/** Address of a function or variable to the source file (compile unit name) that defined it. */
export type SourceOfAddress = ReadonlyMap<number, string>;

const DIE_LINE = /^\s*<(\d+)><([0-9a-f]+)>: Abbrev Number: \d+ \((DW_TAG_\w+)\)/;
const ATTR_LINE = /^\s*<[0-9a-f]+>\s+(DW_AT_\w+)\s*:\s*(.*)$/;

/**
 * Parses readelf's dump of .debug_info. Each function (DW_TAG_subprogram
 * with DW_AT_low_pc) and variable (DW_OP_addr location) is attributed to
 * the compile unit of the declaration it ultimately stands for, following
 * DW_AT_abstract_origin and DW_AT_specification: gcc's LTO puts concrete
 * functions in an "<artificial>" unit that points back at the early debug
 * information of their source file.
 */
export function sourcesByAddress(dump: string): SourceOfAddress {
  const cuNames: string[] = [];
  const dies = new Map<number, Die>();
  let cu = -1;
  let current: Die | undefined;
  let depth = -1;
  for (const line of dump.split('\n')) {
    if (/^\s*Compilation Unit @ offset/.test(line)) {
      cu = cuNames.length;
      cuNames.push('');
      current = undefined;
      continue;
    }
    const die = DIE_LINE.exec(line);
    if (die) {
      depth = Number(die[1]);
      current = { cu, tag: die[3] };
      dies.set(parseInt(die[2], 16), current);
      continue;
    }
    const attr = ATTR_LINE.exec(line);
    if (!attr || !current) continue;
    const [, name, value] = attr;
    if (name === 'DW_AT_name' && current.tag === 'DW_TAG_compile_unit' && depth === 0) {
      const i = value.lastIndexOf('): ');
      cuNames[cu] = (i >= 0 ? value.slice(i + 3) : value).trim();
    } else if (name === 'DW_AT_abstract_origin' || name === 'DW_AT_specification') {
      const ref = /<0x([0-9a-f]+)>/.exec(value);
      if (ref) current.origin = parseInt(ref[1], 16);
    } else if (name === 'DW_AT_low_pc' && current.tag === 'DW_TAG_subprogram') {
      // DWARF 5 prints "(index: 0x6): 0x40082c88": the address is the last number.
      const v = /0x([0-9a-f]+)\s*$/.exec(value);
      if (v) current.address = parseInt(v[1], 16);
    } else if (name === 'DW_AT_location' && current.tag === 'DW_TAG_variable') {
      const v = /DW_OP_addr: ([0-9a-f]+)\)?\s*$/.exec(value);
      if (v) current.address = parseInt(v[1], 16);
    }
  }
  const result = new Map<number, string>();
  for (const die of dies.values()) {
    if (die.address === undefined || die.address === 0) continue;
    let at: Die = die;
    for (let hops = 0; at.origin !== undefined && hops < 8; hops++) {
      const next = dies.get(at.origin);
      if (!next) break;
      at = next;
    }
    const name = cuNames[at.cu];
    // Several DIEs can share an address (an alias, a clone): a real file name beats "<artificial>".
    const known = result.get(die.address);
    if (name && (known === undefined || (known.startsWith('<') && !name.startsWith('<')))) result.set(die.address, name);
  }
  return result;
}
