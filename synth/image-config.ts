// SPDX-License-Identifier: MIT
import { optionSymbol, type KilnCatalog } from './catalog/index.ts';
import type { BoardInfo } from './spec/board-info.ts';
import { KilnError, type Problem } from './errors.ts';
import { resolveConfig, type ConfigRequest, type Resolution } from './kconfig/index.ts';
import type { ComponentSpec, ImageSpec, Origin } from './spec/image-spec.ts';

/** Where an image and each of its components were written by the user. */
export interface ImageOrigins {
  readonly image: Origin;
  /** Component kind to the line that added it. */
  readonly components: ReadonlyMap<string, Origin>;
}

/** Exit paths by target: semihosting returns main()'s status to QEMU; hardware halts. */
const EXIT_SYMBOL = { qemu: 'LIBEXIT_SEMIHOST', hardware: 'LIBEXIT_HALT' } as const;

/**
 * Turns an image's choices into Kconfig requests, each with the origin that
 * asked for it: the board's platform symbol, the exit path for the target,
 * each component's symbol and options, then raw config values.
 */
export function imageRequests(spec: ImageSpec, board: BoardInfo, catalog: KilnCatalog, origins?: ImageOrigins): ConfigRequest[] {
  const imageOrigin: Origin = origins?.image ?? { path: spec.id };
  const requests: ConfigRequest[] = [
    { symbol: board.symbol, value: true, origin: imageOrigin },
    { symbol: EXIT_SYMBOL[spec.target ?? 'qemu'], value: true, origin: imageOrigin },
    // An arm64 Image starts with the header booti and QEMU's loader read, whichever board it is for.
    ...(board.artifact.form === 'arm64-image' ? [{ symbol: 'LIBARM64_IMAGE_HEADER', value: true, origin: imageOrigin }] : []),
  ];
  const components: ComponentSpec[] = [...spec.applications, ...(spec.libraries ?? [])];
  for (const component of components) {
    const origin = origins?.components.get(component.kind) ?? imageOrigin;
    const library = catalog.libraries.get(component.kind);
    if (!library) {
      throw new KilnError([{
        message: `unknown application or library "${component.kind}"`,
        origin,
        hint: `known: ${[...catalog.libraries.keys()].join(', ')}`,
      }]);
    }
    requests.push({ symbol: library.symbol, value: true, origin });
    for (const [option, value] of Object.entries(component.options ?? {})) {
      requests.push({ symbol: optionSymbol(library.symbol, option), value, origin });
    }
  }
  requests.push(...slotRequests(spec, catalog, imageOrigin));
  for (const [symbol, value] of Object.entries(spec.config ?? {})) {
    requests.push({ symbol, value, origin: imageOrigin });
  }
  return requests;
}

/**
 * Requests for the allocator and scheduler slots: each named library's
 * slot symbol (library.yaml `slots`), or LIBSCHED_NONE for scheduler
 * 'none'. A library that cannot fill the slot is the user's error.
 */
function slotRequests(spec: ImageSpec, catalog: KilnCatalog, origin: Origin): ConfigRequest[] {
  const wanted: [slot: 'boot' | 'app' | 'scheduler', kind: string][] = [];
  if (spec.allocators) wanted.push(['boot', spec.allocators.boot], ['app', spec.allocators.app]);
  if (spec.scheduler) wanted.push(['scheduler', spec.scheduler]);
  const requests: ConfigRequest[] = [];
  for (const [slot, kind] of wanted) {
    if (slot === 'scheduler' && kind === 'none') {
      if (catalog.kconfig.trySymbol('LIBSCHED_NONE')) requests.push({ symbol: 'LIBSCHED_NONE', value: true, origin });
      continue;
    }
    const manifest = catalog.manifests.get(kind);
    const symbol = manifest?.slots[slot];
    if (!manifest || !symbol) {
      const able = [...catalog.manifests.values()].filter((m) => m.slots[slot]).map((m) => m.name);
      const what = slot === 'scheduler' ? 'the scheduler' : `the ${slot} allocator`;
      throw new KilnError([{
        message: manifest ? `"${kind}" cannot be ${what}` : `unknown library "${kind}" given as ${what}`,
        origin,
        hint: able.length ? `use one of: ${[...able, ...(slot === 'scheduler' ? ['none'] : [])].join(', ')}` : undefined,
      }].map((p) => (p.hint ? p : { message: p.message, origin: p.origin })));
    }
    requests.push({ symbol: manifest.symbol, value: true, origin }, { symbol, value: true, origin });
  }
  return requests;
}

/**
 * Resolves an image's configuration. Every request the Kconfig tree cannot
 * honour becomes a problem naming the user's line; none is dropped.
 */
export function resolveImage(spec: ImageSpec, board: BoardInfo, catalog: KilnCatalog, origins?: ImageOrigins): Resolution {
  const resolution = resolveConfig(catalog.kconfig, imageRequests(spec, board, catalog, origins));
  if (resolution.problems.length) {
    const problems: Problem[] = resolution.problems.map((p) => ({
      message: `image "${spec.id}": ${p.message}`,
      ...(p.origin ? { origin: p.origin } : {}),
      ...(p.hint ? { hint: p.hint } : {}),
    }));
    throw new KilnError(problems);
  }
  return resolution;
}
