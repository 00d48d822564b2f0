// SPDX-License-Identifier: MIT
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readJsonFile, tryReadAssemblyManifest } from './assembly.ts';
import { loadCatalog, tryFindBoard, type KilnCatalog } from './catalog/index.ts';
import type { BoardInfo } from './spec/board-info.ts';
import { KilnError } from './errors.ts';
import { resolveConfig, type Resolution } from './kconfig/index.ts';
import { reasonFor } from './plan/index.ts';
import type { ImageManifest } from './plan/image-manifest.ts';
import { imageRequests } from './image-config.ts';

/** One image's side of a diff: what synth and build wrote, read back. */
interface Side {
  readonly manifest: ImageManifest;
  readonly config: ReadonlyMap<string, string>;
  readonly plan: LinkPlanDoc;
  /** Library name to total bytes, when the image was built. */
  readonly sizes?: ReadonlyMap<string, number>;
  readonly artifactBytes?: number;
  /** Re-resolved lazily for reasons. */
  readonly resolution: () => Resolution;
}

interface LinkPlanDoc {
  readonly libraries?: readonly { readonly name: string; readonly symbols?: readonly string[]; readonly sources?: readonly string[] }[];
  readonly toolchain?: { readonly cflags?: readonly string[]; readonly ldflags?: readonly string[] };
}

/** One thing that differs in an image, as data; formatChange() gives the line a person reads. */
export type ImageChange =
  | { readonly kind: 'board' | 'target' | 'toolchain'; readonly before: string; readonly after: string }
  | { readonly kind: 'symbol'; readonly symbol: string; readonly before: string; readonly after: string; readonly reasonBefore: string; readonly reasonAfter: string }
  | { readonly kind: 'library'; readonly change: 'added' | 'removed'; readonly library: string }
  | { readonly kind: 'link-plan'; readonly library: string; readonly field: 'symbols' | 'sources'; readonly change: 'added' | 'removed'; readonly items: readonly string[] }
  | { readonly kind: 'link-flags'; readonly field: 'cflags' | 'ldflags'; readonly before: string; readonly after: string }
  | { readonly kind: 'size'; readonly of: 'artifact' | 'library'; readonly name: string; readonly before: number; readonly after: number; readonly delta: number };

/** How one image compares across the two assemblies. */
export interface ImageDiff {
  readonly id: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** The board on B's side (A's for a removed image). */
  readonly board: string;
  /** What differs, in order; empty unless changed. */
  readonly changes: readonly ImageChange[];
  /** The artifact's bytes on each side where that side was built. */
  readonly bytes: { readonly before?: number; readonly after?: number };
}

/** Two assemblies compared, image by image (ids in order). */
export interface AssemblyDiff {
  readonly images: readonly ImageDiff[];
}

/**
 * Compares two assembly folders image by image: changed Kconfig symbols
 * (with the resolver's reason on each side), libraries added or removed,
 * link-plan changes, and size deltas per library when both were built.
 * Only meaning is compared: no paths, times or hashes.
 */
export function compareAssemblies(a: string, b: string): AssemblyDiff {
  const ma = assembly(a);
  const mb = assembly(b);
  const ids = [...new Set([...ma.images.map((i) => i.id), ...mb.images.map((i) => i.id)])].sort();
  return {
    images: ids.map((id): ImageDiff => {
      const inA = ma.images.find((i) => i.id === id);
      const inB = mb.images.find((i) => i.id === id);
      if (!inA) return { id, status: 'added', board: inB!.board, changes: [], bytes: bytesOf(undefined, readSideBytes(b, id)) };
      if (!inB) return { id, status: 'removed', board: inA.board, changes: [], bytes: bytesOf(readSideBytes(a, id), undefined) };
      const sa = readSide(a, id);
      const sb = readSide(b, id);
      const changes = diffImage(sa, sb);
      return { id, status: changes.length ? 'changed' : 'unchanged', board: inB.board, changes, bytes: bytesOf(sa.artifactBytes, sb.artifactBytes) };
    }),
  };
}

/**
 * The same comparison as lines to print, each image in full; empty when
 * the assemblies are equivalent.
 */
export function diffAssemblies(a: string, b: string): string[] {
  return compareAssemblies(a, b).images.flatMap((image) => {
    if (image.status === 'added' || image.status === 'removed') return [`image ${image.id}: ${image.status} (${image.board})`];
    return image.changes.length ? [`image ${image.id}:`, ...image.changes.flatMap(formatChange).map((l) => `  ${l}`)] : [];
  });
}

/** The lines a person reads for one change (a symbol's second line gives both reasons). */
export function formatChange(c: ImageChange): string[] {
  switch (c.kind) {
    case 'board':
    case 'target':
    case 'toolchain':
      return [`${c.kind}: ${c.before} -> ${c.after}`];
    case 'symbol':
      return [`symbol ${c.symbol}: ${c.before} -> ${c.after}`, `  was: ${c.reasonBefore}; now: ${c.reasonAfter}`];
    case 'library':
      return [`library ${c.change}: ${c.library}`];
    case 'link-plan':
      return [`link plan ${c.library}: ${c.field} ${c.change === 'added' ? '+' : '-'} ${c.items.join(' ')}`];
    case 'link-flags':
      return [`link plan ${c.field}: ${c.before} -> ${c.after}`];
    case 'size':
      return [`size ${c.name}: ${c.before} -> ${c.after} (${signed(c.delta)} bytes)`];
  }
}

function bytesOf(before: number | undefined, after: number | undefined): ImageDiff['bytes'] {
  return { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

/** An image's artifact bytes from its report.json, when it was built. */
function readSideBytes(outdir: string, id: string): number | undefined {
  const reportFile = join(outdir, id, 'report.json');
  return existsSync(reportFile) ? sizesOf(readJsonFile(reportFile, 'build report')).artifactBytes : undefined;
}

function assembly(dir: string) {
  const m = tryReadAssemblyManifest(dir);
  if (!m) throw new KilnError([{ message: `${dir} is not a Kiln assembly folder (no manifest.json)`, hint: 'give two assembly folders, or two git revisions and the program' }]);
  return m;
}

function readSide(outdir: string, id: string): Side {
  const dir = join(outdir, id);
  const manifest = readJsonFile(join(dir, 'manifest.json'), 'image manifest') as unknown as ImageManifest;
  const reportFile = join(dir, 'report.json');
  const report = existsSync(reportFile) ? readJsonFile(reportFile, 'build report') : undefined;
  let resolution: Resolution | undefined;
  return {
    manifest,
    config: parseDotConfig(readFileSync(join(dir, manifest.files.config), 'utf8')),
    plan: parse(readFileSync(join(dir, manifest.files.linkPlan), 'utf8')) as LinkPlanDoc,
    ...sizesOf(report),
    resolution: () => {
      const catalog = loadCatalog({ folders: manifest.spec.libraryFolders ?? [], programs: manifest.spec.programs ?? [] });
      resolution ??= resolveConfig(catalog.kconfig, imageRequests(manifest.spec, boardOf(manifest.spec.board, catalog), catalog));
      return resolution;
    },
  };
}

/** Library totals from report.json (sizes.libraries), when the build wrote them. */
function sizesOf(report: Record<string, unknown> | undefined): { sizes?: ReadonlyMap<string, number>; artifactBytes?: number } {
  if (!report) return {};
  const artifact = report.artifact as { bytes?: number } | undefined;
  const rows = (report.sizes as { libraries?: { name: string; total: number }[] } | undefined)?.libraries;
  return {
    ...(typeof artifact?.bytes === 'number' ? { artifactBytes: artifact.bytes } : {}),
    ...(rows ? { sizes: new Map(rows.map((r) => [r.name, r.total])) } : {}),
  };
}

/** Symbol to value from a .config: `CONFIG_X=v`, and `# CONFIG_X is not set` as n. */
export function parseDotConfig(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const set = /^CONFIG_([A-Za-z0-9_]+)=(.*)$/.exec(line);
    if (set) values.set(set[1], set[2]);
    const unset = /^# CONFIG_([A-Za-z0-9_]+) is not set$/.exec(line);
    if (unset) values.set(unset[1], 'n');
  }
  return values;
}

function diffImage(a: Side, b: Side): ImageChange[] {
  const out: ImageChange[] = [];
  if (a.manifest.board.id !== b.manifest.board.id) out.push({ kind: 'board', before: a.manifest.board.id, after: b.manifest.board.id });
  for (const field of ['target', 'toolchain'] as const) {
    if (a.manifest[field] !== b.manifest[field]) out.push({ kind: field, before: a.manifest[field], after: b.manifest[field] });
  }
  const symbols = [...new Set([...a.config.keys(), ...b.config.keys()])].sort();
  for (const s of symbols) {
    const va = a.config.get(s) ?? '(undefined)';
    const vb = b.config.get(s) ?? '(undefined)';
    if (va === vb) continue;
    out.push({ kind: 'symbol', symbol: s, before: va, after: vb, reasonBefore: reason(a, s), reasonAfter: reason(b, s) });
  }
  const la = new Set(a.manifest.libraries);
  const lb = new Set(b.manifest.libraries);
  for (const l of [...lb].filter((x) => !la.has(x)).sort()) out.push({ kind: 'library', change: 'added', library: l });
  for (const l of [...la].filter((x) => !lb.has(x)).sort()) out.push({ kind: 'library', change: 'removed', library: l });
  out.push(...diffPlans(a.plan, b.plan));
  if (a.artifactBytes !== undefined && b.artifactBytes !== undefined && a.artifactBytes !== b.artifactBytes) {
    out.push({ kind: 'size', of: 'artifact', name: a.manifest.artifact.file, before: a.artifactBytes, after: b.artifactBytes, delta: b.artifactBytes - a.artifactBytes });
  }
  if (a.sizes && b.sizes) {
    for (const name of [...new Set([...a.sizes.keys(), ...b.sizes.keys()])].sort()) {
      const sa = a.sizes.get(name) ?? 0;
      const sb = b.sizes.get(name) ?? 0;
      if (sa !== sb) out.push({ kind: 'size', of: 'library', name, before: sa, after: sb, delta: sb - sa });
    }
  }
  return out;
}

function reason(side: Side, symbol: string): string {
  if (!side.config.has(symbol)) return 'not in the tree';
  try {
    return reasonFor(symbol, side.resolution());
  } catch {
    return 'not in the current tree';
  }
}

/** Link-plan changes of the libraries in both images: symbols and sources in and out, flags. */
function diffPlans(a: LinkPlanDoc, b: LinkPlanDoc): ImageChange[] {
  const out: ImageChange[] = [];
  const byName = (p: LinkPlanDoc) => new Map((p.libraries ?? []).map((l) => [l.name, l]));
  const pa = byName(a);
  const pb = byName(b);
  for (const [name, lb] of [...pb].sort(([x], [y]) => x.localeCompare(y))) {
    const laLib = pa.get(name);
    if (!laLib) continue;
    for (const key of ['symbols', 'sources'] as const) {
      const before = new Set(laLib[key] ?? []);
      const after = new Set(lb[key] ?? []);
      const added = [...after].filter((x) => !before.has(x));
      const removed = [...before].filter((x) => !after.has(x));
      if (added.length) out.push({ kind: 'link-plan', library: name, field: key, change: 'added', items: added });
      if (removed.length) out.push({ kind: 'link-plan', library: name, field: key, change: 'removed', items: removed });
    }
  }
  for (const key of ['cflags', 'ldflags'] as const) {
    const before = (a.toolchain?.[key] ?? []).join(' ');
    const after = (b.toolchain?.[key] ?? []).join(' ');
    if (before !== after) out.push({ kind: 'link-flags', field: key, before, after });
  }
  return out;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** The board of a manifest's spec: inline in the normal form; an id in manifests of older assemblies. */
function boardOf(board: string | BoardInfo, catalog: KilnCatalog): BoardInfo {
  const info = tryFindBoard(catalog, board);
  if (!info) throw new KilnError([{ message: `the assembly names board "${board as string}", which Kiln does not know`, hint: 'synthesize it again with this version of Kiln' }]);
  return info;
}
