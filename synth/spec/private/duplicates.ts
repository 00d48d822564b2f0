// SPDX-License-Identifier: MIT
/**
 * Names that must be unique: image ids in a fleet, and kinds within one list.
 *
 * Each finding sits on the second use and names the line of the first, so
 * the user sees both places.
 */
import { isMapping } from './data.ts';
import type { Finding } from './finding.ts';
import { child } from './pointer.ts';
import { ordinal, quote } from './prose.ts';
import { entryNoun, type Scope } from './subjects.ts';

/** An image id used by two images of a fleet. */
export function duplicateIdFindings(images: readonly unknown[]): Finding[] {
  const findings: Finding[] = [];
  const first = new Map<string, number>();
  images.forEach((image, index) => {
    const id = isMapping(image) ? image['id'] : undefined;
    if (typeof id !== 'string') return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return;
    }
    const earlierPointer = child('/images', earlier, 'id');
    findings.push({
      pointer: child('/images', index, 'id'),
      anchor: 'value',
      message: (where) =>
        `image id ${quote(id)} is already used by the ${ordinal(earlier + 1)} image (${where(earlierPointer, 'value')}); give each image its own id`,
    });
  });
  return findings;
}

/**
 * A library listed twice in the same list. A micro-library is linked once
 * and each option is one Kconfig symbol, so two entries could only conflict.
 */
export function duplicateKindFindings(scope: Scope): Finding[] {
  const findings: Finding[] = [];
  if (!isMapping(scope.value)) return findings;
  for (const list of ['applications', 'libraries'] as const) {
    const entries = scope.value[list];
    if (!Array.isArray(entries)) continue;
    const first = new Map<string, number>();
    entries.forEach((entry, index) => {
      const kind = isMapping(entry) ? entry['kind'] : undefined;
      if (typeof kind !== 'string') return;
      const earlier = first.get(kind);
      if (earlier === undefined) {
        first.set(kind, index);
        return;
      }
      const earlierPointer = child(scope.pointer, list, earlier, 'kind');
      findings.push({
        pointer: child(scope.pointer, list, index, 'kind'),
        anchor: 'value',
        message: (where) =>
          `${entryNoun(list)} ${quote(kind)} is listed twice in the ${list} of ${scope.label} (first ${where(earlierPointer, 'value')}); list it once, with all its options in that entry`,
      });
    });
  }
  return findings;
}
