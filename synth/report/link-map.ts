// SPDX-License-Identifier: MIT
/**
 * Link maps, GNU ld's and lld's, read into one shape: every input section
 * placed in an output section, with the file it came from.
 */

/** One input section placed by the linker (or a fill the linker inserted). */
export interface PlacedSection {
  /** Output section, e.g. .text. */
  readonly output: string;
  /** Input section name, e.g. .text.kiln_boot_main; '*fill*' for padding. */
  readonly name: string;
  readonly address: number;
  readonly size: number;
  /** The input file as the map names it: an object path, `archive(member)`, an LTO temporary, or '' for fills and linker-made sections. */
  readonly file: string;
}

/** Reads a link map, telling the two formats apart by lld's header line. */
export function parseLinkMap(text: string): PlacedSection[] {
  return /^\s*VMA\s+LMA\s+Size\s+Align\s+Out\s+In\s+Symbol/m.test(text) ? parseLldMap(text) : parseGnuMap(text);
}

const HEX = '0x([0-9a-fA-F]+)';

/**
 * GNU ld's map: after "Linker script and memory map", output sections
 * start in column 0, input sections are indented by one space, and a long
 * section name puts its address, size and file on the next line.
 */
export function parseGnuMap(text: string): PlacedSection[] {
  const start = text.indexOf('\nLinker script and memory map');
  const lines = (start < 0 ? text : text.slice(start)).split('\n');
  const out: PlacedSection[] = [];
  let output = '';
  // An output section placed with AT() adds "load address 0x...".
  const outputLine = new RegExp(`^(\\S+)(?:\\s+${HEX}\\s+${HEX}(?:\\s+load address\\s+0x[0-9a-fA-F]+)?)?\\s*$`);
  const inputLine = new RegExp(`^ (\\S+)(?:\\s+${HEX}\\s+${HEX}(?:\\s+(.*))?)?\\s*$`);
  const continuation = new RegExp(`^\\s+${HEX}\\s+${HEX}(?:\\s+(.*))?\\s*$`);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\S/.test(line)) {
      const m = outputLine.exec(line);
      if (m && m[1].startsWith('.')) output = m[1];
      else if (m && m[1] === '/DISCARD/') output = '/DISCARD/';
      else if (!m) output = '';
      continue;
    }
    if (!output || output === '/DISCARD/') continue;
    const m = inputLine.exec(line);
    // Only input sections and fills: patterns (` *(.text .text.*)`) and symbol lines do not qualify.
    if (!m || !(m[1].startsWith('.') || m[1] === '*fill*' || m[1] === 'COMMON')) continue;
    let address = m[2];
    let size = m[3];
    let file = m[4];
    if (address === undefined) {
      const next = continuation.exec(lines[i + 1] ?? '');
      if (!next) continue;
      [, address, size, file] = next;
      i++;
    }
    const name = m[1];
    out.push({ output, name, address: parseInt(address, 16), size: parseInt(size, 16), file: name === '*fill*' ? '' : (file ?? '').trim() });
  }
  return out;
}

/**
 * lld's map: columns VMA, LMA, Size, Align, then the output section (no
 * indent), the input `file:(section)` (8 spaces) or a symbol (16 spaces).
 * lld does not list padding: gaps between input sections are fills.
 */
export function parseLldMap(text: string): PlacedSection[] {
  const out: PlacedSection[] = [];
  let output = '';
  let end = 0;
  const row = /^\s*([0-9a-fA-F]+)\s+([0-9a-fA-F]+)\s+([0-9a-fA-F]+)\s+(\d+) ( *)(\S.*)$/;
  for (const line of text.split('\n')) {
    const m = row.exec(line);
    if (!m) continue;
    const address = parseInt(m[1], 16);
    const size = parseInt(m[3], 16);
    const indent = m[5].length;
    const what = m[6];
    if (indent === 0) {
      output = what.trim();
      end = address;
      continue;
    }
    if (indent !== 8 || what.includes(' = ')) continue;
    const split = what.lastIndexOf(':(');
    if (split < 0 || !what.endsWith(')')) continue;
    const file = what.slice(0, split);
    const name = what.slice(split + 2, -1);
    if (size > 0 && address > end) out.push({ output, name: '*fill*', address: end, size: address - end, file: '' });
    out.push({ output, name, address, size, file: file === '<internal>' ? '' : file });
    end = Math.max(end, address + size);
  }
  return out;
}
