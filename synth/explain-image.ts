// SPDX-License-Identifier: MIT
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readImageManifest } from './build.ts';
import { loadCatalog, tryFindBoard, type KilnCatalog } from './catalog/index.ts';
import type { BoardInfo } from './spec/board-info.ts';
import { KilnError } from './errors.ts';
import { formatExplanation, resolveConfig, type Explanation, type Resolution } from './kconfig/index.ts';
import { imageRequests, type ImageOrigins } from './image-config.ts';
import { ORIGINS_FILE, type OriginsDocument } from './synthesize.ts';

/**
 * Why SYMBOL has its value in a synthesized image: the image's requests
 * are resolved again (pure and fast) with the origins synth recorded, so
 * the chain ends at the user's line.
 */
export function explainSymbol(imageDir: string, symbol: string): { explanation: Explanation; text: string } {
  const { id, catalog, resolution } = imageResolution(imageDir);
  const name = symbol.replace(/^CONFIG_/, '');
  if (!catalog.kconfig.trySymbol(name)) {
    const close = [...catalog.kconfig.symbols()].map((s) => s.name).filter((n) => n.includes(name) || name.includes(n)).slice(0, 5);
    throw new KilnError([{ message: `no Kconfig symbol ${name} in Kiln's tree`, ...(close.length ? { hint: `did you mean ${close.join(', ')}?` } : {}) }]);
  }
  const explanation = resolution.explain(name);
  // The warnings synth printed that concern this symbol, the same lines.
  const mentions = new RegExp(`(^|[^A-Za-z0-9_])${name}($|[^A-Za-z0-9_])`);
  const warnings = [...catalog.kconfig.warnings, ...resolution.warnings.map((w) => `image "${id}": ${w}`)].filter((w) => mentions.test(w));
  const text = [formatExplanation(explanation), ...warnings.map((w) => `warning: ${w}`)].join('\n');
  return { explanation, text };
}

/**
 * A synthesized image's configuration resolved again, with the origins
 * synth recorded: what `explain` and the image explorer read.
 */
export function imageResolution(imageDir: string): { id: string; manifest: ReturnType<typeof readImageManifest>; catalog: KilnCatalog; resolution: Resolution } {
  const outdir = dirname(imageDir);
  const id = imageDir.replace(/\/+$/, '').split('/').pop() ?? imageDir;
  const manifest = readImageManifest(outdir, id);
  const catalog = loadCatalog({ folders: manifest.spec.libraryFolders ?? [], programs: manifest.spec.programs ?? [] });
  const origins = readOrigins(outdir, id);
  const resolution = resolveConfig(catalog.kconfig, imageRequests(manifest.spec, boardOf(manifest.spec.board, catalog), catalog, origins));
  return { id, manifest, catalog, resolution };
}

function readOrigins(outdir: string, id: string): ImageOrigins | undefined {
  const file = join(outdir, ORIGINS_FILE);
  if (!existsSync(file)) return undefined;
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OriginsDocument;
  const o = doc.images[id];
  return o ? { image: o.image, components: new Map(Object.entries(o.components)) } : undefined;
}

/** The board of a manifest's spec: inline in the normal form; an id in manifests of older assemblies. */
function boardOf(board: string | BoardInfo, catalog: KilnCatalog): BoardInfo {
  const info = tryFindBoard(catalog, board);
  if (!info) throw new KilnError([{ message: `the assembly names board "${board as string}", which Kiln does not know`, hint: 'synthesize it again with this version of Kiln' }]);
  return info;
}
