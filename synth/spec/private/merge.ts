// SPDX-License-Identifier: MIT
/**
 * Merges fleet defaults into an image, remembering where each value was written.
 *
 * The rule: the image's own fields win; a mapping on both sides (config,
 * allocators) merges key by key, by the same rule; anything else, lists
 * included, is taken whole from one side. Lists are never concatenated, so
 * an image that lists its applications gets exactly those. (Option mappings
 * live inside list entries, so they go with their list.)
 */
import { child } from './pointer.ts';
import { isMapping, setOwn } from './data.ts';

/** A merged image and, for every value in it, the pointer of the place it was written. */
export interface Merged {
  readonly value: Record<string, unknown>;
  /** Pointer inside the merged image (e.g. '/board') to pointer in the document (e.g. '/defaults/board'). */
  readonly sources: ReadonlyMap<string, string>;
}

/**
 * Merges `defaults` (written at `defaultsPointer`) into `image` (written at
 * `imagePointer`). `id` is never taken from the defaults.
 */
export function mergeDefaults(
  defaults: Record<string, unknown> | undefined,
  defaultsPointer: string,
  image: Record<string, unknown>,
  imagePointer: string,
): Merged {
  const sources = new Map<string, string>();
  const inherited: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaults ?? {})) {
    if (key !== 'id') setOwn(inherited, key, value);
  }
  const value = mergeValue(inherited, defaultsPointer, image, imagePointer, '', sources) as Record<string, unknown>;
  return { value, sources };
}

function mergeValue(
  base: unknown,
  basePointer: string,
  own: unknown,
  ownPointer: string,
  at: string,
  sources: Map<string, string>,
): unknown {
  if (own === undefined) {
    record(base, basePointer, at, sources);
    return base;
  }
  if (!isMapping(base) || !isMapping(own)) {
    record(own, ownPointer, at, sources);
    return own;
  }
  // Both are mappings: the merged mapping itself counts as the image's (it overrides).
  sources.set(at, ownPointer);
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(own)])) {
    // Own members only: a key such as toString must not pick up what every object inherits.
    const from = (m: Record<string, unknown>) => (Object.hasOwn(m, key) ? m[key] : undefined);
    setOwn(out, key, mergeValue(from(base), child(basePointer, key), from(own), child(ownPointer, key), child(at, key), sources));
  }
  return out;
}

/** Records `value` and everything inside it as written at `pointer`. */
function record(value: unknown, pointer: string, at: string, sources: Map<string, string>): void {
  sources.set(at, pointer);
  if (Array.isArray(value)) {
    value.forEach((item, i) => record(item, child(pointer, i), child(at, i), sources));
  } else if (isMapping(value)) {
    for (const [key, item] of Object.entries(value)) record(item, child(pointer, key), child(at, key), sources);
  }
}
