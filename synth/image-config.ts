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
  const config: ConfigRequest[] = Object.entries(spec.config ?? {}).map(([symbol, value]) => ({ symbol, value, origin: imageOrigin }));
  // The main stack follows what the image's libraries need; the user's own value comes later and wins, if it is not smaller.
  requests.push(...stackRequests(spec, catalog, [...requests, ...config], origins), ...config);
  return requests;
}

/** The Kconfig symbol that sizes the main stack (the boot thread's, which runs main()). */
export const STACK_SYMBOL = 'LIBBOOT_STACK_SIZE';

/** The main stack an image's libraries need: the most any of them declares (library.yaml `stack`), and which library that is. */
export interface StackNeed {
  readonly bytes: number;
  readonly library: string;
}

/**
 * The largest main stack the enabled libraries declare (and the value
 * `requests` alone give the stack), or undefined when none declares one. The libraries an image links are only known once its
 * configuration is resolved, so `requests` are resolved here first.
 */
export function stackNeed(catalog: KilnCatalog, requests: readonly ConfigRequest[]): (StackNeed & { readonly resolved: number }) | undefined {
  const declaring = [...catalog.manifests.values()].filter((m) => m.stack !== undefined);
  if (!declaring.length || !catalog.kconfig.trySymbol(STACK_SYMBOL)) return undefined;
  const resolution = resolveConfig(catalog.kconfig, requests);
  let need: StackNeed | undefined;
  for (const m of declaring) {
    if (resolution.isEnabled(m.symbol) && (!need || m.stack! > need.bytes)) need = { bytes: m.stack!, library: m.name };
  }
  return need && { ...need, resolved: Number(resolution.value(STACK_SYMBOL)) };
}

/**
 * A request for the stack the image's libraries need, when the Kconfig
 * default gives less: asked for by the component that brings the library
 * (or the image). A value the user set that is smaller than the need is
 * the user's error: the library's own limits (Lua's "stack overflow"
 * error, SQLite's expression depth) would then end in the guard page.
 */
function stackRequests(spec: ImageSpec, catalog: KilnCatalog, requests: readonly ConfigRequest[], origins?: ImageOrigins): ConfigRequest[] {
  const need = stackNeed(catalog, requests);
  if (!need) return [];
  const imageOrigin: Origin = origins?.image ?? { path: spec.id };
  const given = spec.config?.[STACK_SYMBOL];
  if (given !== undefined) {
    const bytes = typeof given === 'string' ? Number(given.trim()) : given;
    if (typeof bytes === 'number' && Number.isFinite(bytes) && bytes < need.bytes) {
      throw new KilnError([{
        message: `image "${spec.id}": ${STACK_SYMBOL} ${hex(bytes)} is smaller than the ${hex(need.bytes)} bytes of main stack ${need.library} needs`,
        origin: imageOrigin,
        hint: `leave ${STACK_SYMBOL} out to get ${hex(need.bytes)}, or give more (it can only be raised)`,
      }]);
    }
    return [];
  }
  if (Number.isFinite(need.resolved) && need.resolved >= need.bytes) return [];
  // The component naming the library, else the application, which brings in the libraries it runs on (Lua, SQLite).
  const components = [...spec.applications, ...(spec.libraries ?? [])];
  const component = components.find((c) => catalog.manifests.get(c.kind)?.stack === need.bytes) ?? spec.applications[0];
  return [{ symbol: STACK_SYMBOL, value: need.bytes, origin: (component && origins?.components.get(component.kind)) ?? imageOrigin }];
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
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
