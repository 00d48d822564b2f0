// SPDX-License-Identifier: MIT
import type { BuildReport } from './image-report.ts';

function pad(s: string, width: number, right = false): string {
  return right ? s.padStart(width) : s.padEnd(width);
}

/**
 * The readable form of an image's report, as `kiln build` prints it: one
 * line about the image, then bytes per micro-library and kind of section.
 */
export function formatReport(r: BuildReport, dir: string): string[] {
  const tc = r.toolchain;
  const lines = [
    `${dir}/${r.artifact.file}: ${r.artifact.bytes} bytes (${r.board}, ${tc.id}, LTO ${tc.lto ? 'on' : 'off'}, ${tc.optimize === 'speed' ? '-O2' : '-Os'}); ` +
      `static RAM ${r.ram.static} bytes${r.sizes.reserved.length ? ` + ${r.sizes.reserved.map((x) => `${x.section.replace(/^\./, '')} ${x.bytes}`).join(' + ')}` : ''}`,
  ];
  const header = ['', 'text', 'rodata', 'data', 'bss', 'total'];
  const rows = r.sizes.libraries.map((l) => [l.kind === 'library' ? l.name : `(${l.name})`, l.text, l.rodata, l.data, l.bss, l.total].map(String));
  const t = r.sizes.totals;
  rows.push(['total', t.text, t.rodata, t.data, t.bss, t.total].map(String));
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const fmt = (row: readonly string[]) => `  ${row.map((c, i) => pad(c, width[i], i > 0)).join('  ')}`.trimEnd();
  lines.push(fmt(header), ...rows.map(fmt));
  if (r.sizeStudy) {
    for (const s of r.sizeStudy.savings) lines.push(`  ${s.option} saves ${s.bytes} bytes of image (${s.from} -> ${s.to})`);
  }
  return lines;
}
