// SPDX-License-Identifier: MIT
/**
 * Plain-data helpers for values parsed from YAML or JSON.
 */

/** True for a mapping parsed from YAML or JSON (not a list, not null, not a tagged scalar). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/** Sets a key as plain data, even one named "__proto__" (assignment would change the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
