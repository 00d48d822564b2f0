// SPDX-License-Identifier: MIT
/**
 * The image explorer: one self-contained report.html per built image
 * (`kiln report IMAGE`), readable offline, with no network, font or
 * script from anywhere else. Its data are what the build already wrote
 * (report.json, linkplan.yaml, sbom.spdx.json, posix-calls.json), the
 * image's configuration resolved again as `kiln explain` does, and the
 * ELF's symbols attributed to libraries as the size table attributes
 * sections (by object through the map, by source file through DWARF for
 * what link-time optimization generated).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { imageResolution } from '../explain-image.ts';
import { KilnError } from '../errors.ts';
import { formatExplanation } from '../kconfig/index.ts';
import type { LinkPlanDocument } from '../plan/link-plan.ts';
import { sourcesByAddress } from './dwarf.ts';
import { parseElf } from './elf.ts';
import { dwarfNames, READELF, type BuildReport } from './image-report.ts';
import { parseLinkMap } from './link-map.ts';
import { POSIX_CALLS_FILE, type PosixCallsReport } from './posix-calls.ts';
import { sourceOfUnit } from './sizes.ts';

/** The explorer's file in an image folder. */
export const EXPLORER_FILE = 'report.html';

/** One library of the image, as the explorer shows it. */
export interface ExplorerLibrary {
  readonly name: string;
  readonly kind: string;
  readonly bytes: { readonly text: number; readonly rodata: number; readonly data: number; readonly bss: number; readonly total: number };
  /** Why it is in the image: the link plan's reason, and the explain chain of its symbol down to the user's line. */
  readonly reason?: string;
  readonly chain?: string;
  readonly license?: string;
  /** Its functions and variables, largest first. */
  readonly symbols: readonly { readonly name: string; readonly bytes: number; readonly kind: 'function' | 'object' }[];
}

/** Everything report.html shows, embedded in it as JSON. */
export interface ExplorerData {
  readonly image: string;
  readonly board: string;
  readonly toolchain: string;
  readonly artifact: { readonly file: string; readonly bytes: number };
  readonly totals: { readonly loadBytes: number; readonly total: number };
  readonly libraries: readonly ExplorerLibrary[];
  readonly options: readonly { readonly symbol: string; readonly value: string; readonly type: string; readonly range?: string; readonly prompt?: string; readonly help?: string; readonly at: string }[];
  readonly sbom: readonly { readonly name: string; readonly version?: string; readonly license?: string; readonly supplier?: string }[];
  readonly posix?: { readonly satisfied: readonly string[]; readonly enosys: readonly string[]; readonly missing: readonly string[] };
  readonly boot: readonly { readonly fact: string; readonly value: string }[];
}

/** Reads what the build wrote into an image folder and resolves its configuration again. */
export function explorerData(imageDir: string): ExplorerData {
  const reportFile = join(imageDir, 'report.json');
  if (!existsSync(reportFile)) {
    throw new KilnError([{ message: `${imageDir} has no report.json: it was synthesized but not built`, hint: `build it first: kiln build (then kiln report ${imageDir})` }]);
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport;
  const plan = parse(readFileSync(join(imageDir, 'linkplan.yaml'), 'utf8')) as LinkPlanDocument;
  const { id, manifest, catalog, resolution } = imageResolution(imageDir);

  const symbolsOf = librarySymbols(imageDir, plan);
  const libraries: ExplorerLibrary[] = report.sizes.libraries
    .filter((row) => row.total > 0)
    .map((row) => {
      const linked = plan.libraries.find((l) => l.name === row.name);
      const symbol = linked?.symbols[0];
      const chain = symbol && catalog.kconfig.trySymbol(symbol) ? formatExplanation(resolution.explain(symbol)) : undefined;
      return {
        name: row.name,
        kind: row.kind,
        bytes: { text: row.text, rodata: row.rodata, data: row.data, bss: row.bss, total: row.total },
        ...(linked?.reason ? { reason: linked.reason } : {}),
        ...(chain ? { chain } : {}),
        ...(linked?.license ? { license: linked.license } : {}),
        symbols: (symbolsOf.get(row.name) ?? []).sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name)),
      };
    })
    .sort((a, b) => b.bytes.total - a.bytes.total || a.name.localeCompare(b.name));

  const options = [...resolution.values.entries()]
    .filter(([, value]) => value !== '' && value !== 'n')
    .map(([symbol, value]) => {
      const s = catalog.kconfig.trySymbol(symbol);
      const range = s?.ranges[0] ? `${s.ranges[0].low}..${s.ranges[0].high}` : undefined;
      return {
        symbol, value, type: s?.type ?? 'unknown',
        ...(range ? { range } : {}),
        ...(s?.prompt ? { prompt: s.prompt } : {}),
        ...(s?.help ? { help: s.help } : {}),
        at: s ? `${s.definedAt.file}:${s.definedAt.line}` : '',
      };
    });

  const sbomDoc = readJson<{ packages?: { name: string; versionInfo?: string; licenseConcluded?: string; supplier?: string }[] }>(join(imageDir, 'sbom.spdx.json'));
  const sbom = (sbomDoc?.packages ?? []).map((p) => ({
    name: p.name,
    ...(p.versionInfo ? { version: p.versionInfo } : {}),
    ...(p.licenseConcluded ? { license: p.licenseConcluded } : {}),
    ...(p.supplier ? { supplier: p.supplier } : {}),
  }));
  const calls = readJson<PosixCallsReport>(join(imageDir, POSIX_CALLS_FILE));
  const posix = calls ? { satisfied: calls.satisfied, enosys: calls.enosys, missing: calls.missing } : undefined;

  const board = manifest.spec.board;
  const info = typeof board === 'string' ? undefined : board;
  const hex = (n: number) => `0x${n.toString(16)}`;
  const boot = [
    ...(info ? [
      { fact: 'entry exception level', value: `EL${info.entryLevel}` },
      { fact: 'RAM', value: `${hex(info.ram.base)} + ${info.ram.size / (1024 * 1024)} MiB` },
      { fact: 'load address', value: hex(info.loadAddress) },
      { fact: 'console', value: `${info.console.driver} at ${hex(info.console.base)}` },
    ] : []),
    { fact: 'target', value: manifest.target },
    { fact: 'exit', value: manifest.exit },
    ...report.sizes.reserved.map((r) => ({ fact: `reserved: ${r.section}`, value: `${r.bytes} bytes` })),
  ];

  return {
    image: id,
    board: manifest.board.name,
    toolchain: `${report.toolchain.id}${report.toolchain.lto ? ' with LTO' : ''}`,
    artifact: { file: report.artifact.file, bytes: report.artifact.bytes },
    totals: { loadBytes: report.sizes.loadBytes, total: report.sizes.totals.total },
    libraries,
    options,
    sbom,
    ...(posix ? { posix } : {}),
    boot,
  };
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as T : undefined;
}

/**
 * The ELF's sized functions and variables by library: each by the object
 * the map places it from, or, for what LTO generated (a temporary
 * object), by the source file its DWARF names.
 */
function librarySymbols(imageDir: string, plan: LinkPlanDocument): Map<string, { name: string; bytes: number; kind: 'function' | 'object' }[]> {
  const outdir = join(imageDir, '..');
  const elfPath = join(outdir, plan.outputs.elf);
  const mapPath = join(outdir, plan.outputs.map);
  const result = new Map<string, { name: string; bytes: number; kind: 'function' | 'object' }[]>();
  if (!existsSync(elfPath) || !existsSync(mapPath)) return result;
  const elf = parseElf(readFileSync(elfPath));
  const placed = parseLinkMap(readFileSync(mapPath, 'utf8')).filter((p) => p.size > 0).sort((a, b) => a.address - b.address);
  const byObject = new Map<string, string>();
  const bySource = new Map<string, string>();
  for (const lib of plan.libraries) {
    for (const o of lib.objects) byObject.set(o, lib.name);
    for (const s of lib.sources) for (const name of dwarfNames(s, lib.dir)) bySource.set(name, lib.name);
  }
  let dwarf: ReadonlyMap<number, string> | undefined;
  const sourceAt = (address: number) => {
    dwarf ??= sourcesByAddress(spawnSync(READELF, ['--debug-dump=info', elfPath], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout ?? '');
    const source = dwarf.get(address);
    return source === undefined ? undefined : bySource.get(sourceOfUnit(source));
  };
  for (const s of elf.symbols) {
    if ((s.type !== 1 && s.type !== 2) || s.size === 0 || s.name.startsWith('$')) continue;
    const section = placedAt(placed, s.address);
    const owner = (section && byObject.get(section.file)) ?? sourceAt(s.address);
    if (!owner) continue;
    const list = result.get(owner) ?? [];
    list.push({ name: s.name, bytes: s.size, kind: s.type === 2 ? 'function' : 'object' });
    result.set(owner, list);
  }
  return result;
}

/** The placed input section holding `address` (sections sorted by address). */
function placedAt<T extends { address: number; size: number }>(sections: readonly T[], address: number): T | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid];
    if (address < s.address) hi = mid - 1;
    else if (address >= s.address + s.size) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** What the fleet's index page shows: each image's explorer data, less the per-function detail. */
export interface FleetIndexData {
  readonly assembly: string;
  readonly images: readonly { readonly id: string; readonly dir: string; readonly board: string; readonly toolchain: string; readonly artifact: { readonly file: string; readonly bytes: number }; readonly total: number; readonly libraries: Readonly<Record<string, number>> }[];
  /** Options whose values are not the same in every image (a missing option shows as ''). */
  readonly differingOptions: readonly { readonly symbol: string; readonly values: Readonly<Record<string, string>> }[];
}

/** The index data for a fleet, from each built image's explorer data. */
export function fleetIndexData(assembly: string, images: readonly { readonly dir: string; readonly data: ExplorerData }[]): FleetIndexData {
  const symbols = new Set(images.flatMap((i) => i.data.options.map((o) => o.symbol)));
  const differingOptions = [...symbols].sort().flatMap((symbol) => {
    const values = Object.fromEntries(images.map((i) => [i.data.image, i.data.options.find((o) => o.symbol === symbol)?.value ?? '']));
    return new Set(Object.values(values)).size > 1 ? [{ symbol, values }] : [];
  });
  return {
    assembly,
    images: images.map(({ dir, data }) => ({
      id: data.image, dir, board: data.board, toolchain: data.toolchain, artifact: data.artifact, total: data.totals.total,
      libraries: Object.fromEntries(data.libraries.map((l) => [l.name, l.bytes.total])),
    })),
    differingOptions,
  };
}

/** index.html for a fleet: the images side by side, each linking to its own report.html. */
export function fleetIndexHtml(data: FleetIndexData): string {
  const json = JSON.stringify(data).replace(/<\//g, '<\\/');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(data.assembly)}: Kiln fleet explorer</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(data.assembly)}</h1><p id="summary"></p></header>
<main id="view"></main>
<script type="application/json" id="kiln-data">${json}</script>
<script>${FLEET_SCRIPT}</script>
</body>
</html>
`;
}

/** report.html for the data: one file, its style and script inline. */
export function explorerHtml(data: ExplorerData): string {
  // "</" would end the script element: JSON allows "<\/".
  const json = JSON.stringify(data).replace(/<\//g, '<\\/');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(data.image)}: Kiln image explorer</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(data.image)}</h1><p id="summary"></p></header>
<nav role="tablist" aria-label="Views"></nav>
<main id="view" tabindex="-1"></main>
<script type="application/json" id="kiln-data">${json}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#111;background:#fff}
header{padding:12px 20px;border-bottom:1px solid #999}h1{font-size:20px;margin:0}
nav{display:flex;gap:4px;padding:8px 20px;border-bottom:1px solid #999}
nav button{font:inherit;padding:4px 12px;border:1px solid #555;background:#fff;cursor:pointer}
nav button[aria-selected=true]{background:#111;color:#fff;font-weight:bold;text-decoration:underline}
main{padding:12px 20px}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold;margin:12px 0 4px}table{margin-bottom:16px}td.n{text-align:right;font-variant-numeric:tabular-nums}pre{white-space:pre-wrap;margin:4px 0;background:#f4f4f4;padding:6px}
svg text{font-size:11px;pointer-events:none}svg rect{stroke:#fff;stroke-width:1;cursor:pointer}
svg rect:focus{stroke:#000;stroke-width:3;outline:none}.crumb{margin:6px 0}
button.lib{font:inherit;border:0;background:none;text-decoration:underline;cursor:pointer;padding:0}
input{font:inherit;padding:2px 6px;margin:6px 0}
`;

// The fleet index's script: three tables from the embedded data.
const FLEET_SCRIPT = `
'use strict';
const D = JSON.parse(document.getElementById('kiln-data').textContent);
const fmt = (n) => n.toLocaleString('en-US');
const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const k of kids) e.append(k instanceof Node ? k : String(k));
  return e;
};
const table = (caption, head, rows) => {
  const t = el('table', {}, el('caption', {}, caption));
  t.append(el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h))));
  for (const r of rows) t.append(el('tr', {}, ...r.map((c) => c instanceof Node ? el('td', {}, c) : typeof c === 'number' ? el('td', { class: 'n' }, fmt(c)) : el('td', {}, c))));
  return t;
};
const view = document.getElementById('view');
document.getElementById('summary').textContent = D.images.length + ' images; ' + D.differingOptions.length + ' options differ between them';
const ids = D.images.map((i) => i.id);
view.append(table('Images (each name opens its own explorer)', ['image', 'board', 'toolchain', 'artifact', 'bytes', 'code and data', 'libraries'],
  D.images.map((i) => [el('a', { href: i.dir + '/report.html' }, i.id), i.board, i.toolchain, i.artifact.file, i.artifact.bytes, i.total, Object.keys(i.libraries).length])));
const libs = [...new Set(D.images.flatMap((i) => Object.keys(i.libraries)))].sort();
view.append(table('Bytes of each library in each image (empty: not linked)', ['library', ...ids],
  libs.map((l) => [l, ...D.images.map((i) => i.libraries[l] === undefined ? '' : i.libraries[l])])));
view.append(table('Options that differ', ['option', ...ids], D.differingOptions.map((o) => [o.symbol, ...ids.map((id) => o.values[id])])));
`;

// The page's script: views built from the embedded data, with a squarified treemap of its own.
const SCRIPT = `
'use strict';
const D = JSON.parse(document.getElementById('kiln-data').textContent);
const view = document.getElementById('view');
const fmt = (n) => n.toLocaleString('en-US');
const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined) e.setAttribute(k, v);
  for (const k of kids) e.append(k instanceof Node ? k : String(k));
  return e;
};
const SVG = 'http://www.w3.org/2000/svg';
const sv = (tag, attrs) => { const e = document.createElementNS(SVG, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; };
document.getElementById('summary').textContent =
  D.board + ', ' + D.toolchain + ': ' + D.artifact.file + ' ' + fmt(D.artifact.bytes) + ' bytes; ' + fmt(D.totals.total) + ' bytes of code and data in ' + D.libraries.length + ' libraries';

// Squarified treemap (Bruls, Huizing, van Wijk): rows laid along the shorter side.
function squarify(items, x, y, w, h) {
  const out = [];
  const total = items.reduce((s, i) => s + i.value, 0);
  if (!total) return out;
  let rest = items.slice().sort((a, b) => b.value - a.value);
  const scale = (w * h) / total;
  while (rest.length) {
    const side = Math.min(w, h);
    let row = [], best = Infinity;
    for (const item of rest) {
      const trial = row.concat(item);
      const area = trial.reduce((s, i) => s + i.value * scale, 0);
      const worst = Math.max(...trial.map((i) => { const a = i.value * scale; return Math.max(side * side * a / (area * area), (area * area) / (side * side * a)); }));
      if (worst > best) break;
      row = trial; best = worst;
    }
    const area = row.reduce((s, i) => s + i.value * scale, 0);
    const thick = area / side;
    let off = 0;
    for (const i of row) {
      const len = (i.value * scale) / thick;
      out.push(w >= h ? { item: i, x, y: y + off, w: thick, h: len } : { item: i, x: x + off, y, w: len, h: thick });
      off += len;
    }
    if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
    rest = rest.slice(row.length);
  }
  return out;
}

function treemap(items, onPick) {
  const W = 960, H = 480;
  const svg = sv('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', role: 'group', 'aria-label': 'size treemap' });
  const shades = ['#1f4e79', '#2e75b6', '#9dc3e6', '#c55a11', '#f4b183', '#548235', '#a9d18e', '#7f6000', '#ffd966', '#7030a0'];
  squarify(items, 0, 0, W, H).forEach((c, n) => {
    const g = sv('g', {});
    const r = sv('rect', { x: c.x, y: c.y, width: Math.max(0, c.w), height: Math.max(0, c.h), fill: shades[n % shades.length], tabindex: '0', role: 'button',
      'aria-label': c.item.label + ': ' + fmt(c.item.value) + ' bytes', 'data-name': c.item.label, 'data-bytes': String(c.item.value) });
    const title = sv('title', {}); title.textContent = c.item.label + ': ' + fmt(c.item.value) + ' bytes'; r.append(title);
    if (onPick) {
      r.addEventListener('click', () => onPick(c.item));
      r.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(c.item); } });
    }
    g.append(r);
    if (c.w > 60 && c.h > 16) {
      const t = sv('text', { x: c.x + 4, y: c.y + 14, fill: n % shades.length === 2 || n % shades.length === 4 || n % shades.length === 6 || n % shades.length === 8 ? '#000' : '#fff' });
      t.textContent = c.item.label + ' ' + fmt(c.item.value);
      g.append(t);
    }
    svg.append(g);
  });
  return svg;
}

function table(head, rows) {
  const t = el('table', {});
  t.append(el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h))));
  for (const r of rows) t.append(el('tr', {}, ...r.map((c) => c instanceof Node ? el('td', {}, c) : typeof c === 'number' ? el('td', { class: 'n' }, fmt(c)) : el('td', {}, c ?? ''))));
  return t;
}

function sizes(lib) {
  view.replaceChildren();
  if (!lib) {
    view.append(el('p', {}, 'Bytes by library (code, read-only data, data and zeroed data). Choose a library for its functions and variables.'));
    view.append(treemap(D.libraries.map((l) => ({ label: l.name, value: l.bytes.total, lib: l })), (i) => sizes(i.lib)));
    view.append(table(['library', 'total', 'text', 'rodata', 'data', 'bss'], D.libraries.map((l) => [
      el('button', { class: 'lib', type: 'button' }, l.name), l.bytes.total, l.bytes.text, l.bytes.rodata, l.bytes.data, l.bytes.bss])));
    view.querySelectorAll('button.lib').forEach((b, n) => b.addEventListener('click', () => sizes(D.libraries[n])));
    return;
  }
  const back = el('button', { type: 'button' }, 'all libraries');
  back.addEventListener('click', () => sizes());
  view.append(el('p', { class: 'crumb' }, back, ' / ' + lib.name + ': ' + fmt(lib.bytes.total) + ' bytes'));
  if (lib.reason) view.append(el('p', {}, 'In the image because: ' + lib.reason));
  if (lib.chain) view.append(el('pre', { id: 'chain' }, lib.chain));
  const shown = lib.symbols.slice(0, 400);
  view.append(treemap(shown.map((s) => ({ label: s.name, value: s.bytes })), null));
  view.append(table(['symbol', 'kind', 'bytes'], shown.map((s) => [s.name, s.kind, s.bytes])));
  view.focus();
}

function libraries() {
  view.replaceChildren(el('p', {}, 'Every library the image links and why: the link plan\\'s reason, then kiln explain\\'s chain to the line that asked for it.'));
  for (const l of D.libraries) {
    const d = el('details', {});
    d.append(el('summary', {}, l.name + ' (' + fmt(l.bytes.total) + ' bytes' + (l.license ? ', ' + l.license : '') + ')'));
    if (l.reason) d.append(el('p', {}, l.reason));
    if (l.chain) d.append(el('pre', {}, l.chain));
    view.append(d);
  }
}

function options() {
  const filter = el('input', { type: 'search', 'aria-label': 'filter options', placeholder: 'filter: symbol, prompt or help' });
  const holder = el('div', {});
  const draw = () => {
    const q = filter.value.toLowerCase();
    const rows = D.options.filter((o) => !q || (o.symbol + ' ' + (o.prompt || '') + ' ' + (o.help || '')).toLowerCase().includes(q));
    holder.replaceChildren(table(['symbol', 'value', 'type', 'range', 'prompt and help', 'defined at'],
      rows.map((o) => [o.symbol, o.value, o.type, o.range, [o.prompt, o.help].filter(Boolean).join(': '), o.at])));
  };
  filter.addEventListener('input', draw);
  view.replaceChildren(el('p', {}, 'Every Kconfig option the image sets (values other than n and empty).'), filter, holder);
  draw();
}

function sbom() {
  view.replaceChildren(el('p', {}, 'The software bill of materials (sbom.spdx.json).'),
    table(['package', 'version', 'license', 'supplier'], D.sbom.map((p) => [p.name, p.version, p.license, p.supplier])));
}

function posix() {
  if (!D.posix) { view.replaceChildren(el('p', {}, 'This image has no POSIX layer.')); return; }
  view.replaceChildren(el('p', {}, 'POSIX calls the application reaches (posix-calls.json).'),
    table(['status', 'count', 'calls'], [['satisfied', D.posix.satisfied.length, D.posix.satisfied.join(' ')],
      ['ENOSYS', D.posix.enosys.length, D.posix.enosys.join(' ')], ['missing', D.posix.missing.length, D.posix.missing.join(' ')]]));
}

function boot() {
  view.replaceChildren(table(['fact', 'value'], D.boot.map((b) => [b.fact, b.value])));
}

const VIEWS = [['Sizes', () => sizes()], ['Libraries', libraries], ['Options', options], ['SBOM', sbom], ['POSIX calls', posix], ['Boot', boot]];
const nav = document.querySelector('nav');
const tabs = VIEWS.map(([name, draw], n) => {
  const b = el('button', { role: 'tab', type: 'button', id: 'tab-' + n, 'aria-selected': 'false' }, name);
  b.addEventListener('click', () => show(n));
  b.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { const m = (n + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length; show(m); tabs[m].focus(); }
  });
  nav.append(b);
  return b;
});
function show(n) {
  tabs.forEach((t, m) => t.setAttribute('aria-selected', String(m === n)));
  VIEWS[n][1]();
}
show(0);
`;
