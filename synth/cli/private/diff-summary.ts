// SPDX-License-Identifier: MIT
// What `kiln diff` prints for a fleet: each distinct change once, with the
// images it happened in, and a last line that sums it up; and the document
// `kiln diff --json` prints (schema/diff-result.schema.json).
import { formatChange, type AssemblyDiff, type ImageDiff } from '../../diff.ts';

/** The totals of a diff. */
export interface DiffSummary {
  /** Images in either assembly. */
  readonly images: number;
  /** Images that differ: changed, added or removed. */
  readonly differ: number;
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
  /**
   * The artifacts' bytes summed over every image of each side, when every
   * image of both sides was built; null otherwise (sizes not compared).
   */
  readonly bytes: { readonly before: number; readonly after: number; readonly delta: number } | null;
}

/** The totals of a diff. */
export function summarizeDiff(diff: AssemblyDiff): DiffSummary {
  const count = (status: ImageDiff['status']) => diff.images.filter((i) => i.status === status).length;
  const before = diff.images.filter((i) => i.status !== 'added');
  const after = diff.images.filter((i) => i.status !== 'removed');
  const built = before.every((i) => i.bytes.before !== undefined) && after.every((i) => i.bytes.after !== undefined) && diff.images.length > 0;
  const sum = (values: readonly (number | undefined)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
  const bytesBefore = sum(before.map((i) => i.bytes.before));
  const bytesAfter = sum(after.map((i) => i.bytes.after));
  return {
    images: diff.images.length,
    differ: diff.images.length - count('unchanged'),
    changed: count('changed'),
    added: count('added'),
    removed: count('removed'),
    bytes: built ? { before: bytesBefore, after: bytesAfter, delta: bytesAfter - bytesBefore } : null,
  };
}

/**
 * The diff as lines: an image added or removed is a line; a changed image
 * is its id and its changes indented, except that images with exactly the
 * same changes are shown once ("same change in 5 images: a, b, c, d, e").
 * In the order of image ids (a group where its first image is).
 */
export function formatDiff(diff: AssemblyDiff): string[] {
  const groups = new Map<string, { ids: string[]; lines: string[] }>();
  const order: ({ kind: 'line'; line: string } | { kind: 'group'; key: string })[] = [];
  for (const image of diff.images) {
    if (image.status === 'added' || image.status === 'removed') {
      order.push({ kind: 'line', line: `image ${image.id}: ${image.status} (${image.board})` });
    } else if (image.status === 'changed') {
      const lines = image.changes.flatMap(formatChange).map((l) => `  ${l}`);
      const key = lines.join('\n');
      const group = groups.get(key);
      if (group) {
        group.ids.push(image.id);
      } else {
        groups.set(key, { ids: [image.id], lines });
        order.push({ kind: 'group', key });
      }
    }
  }
  return order.flatMap((entry) => {
    if (entry.kind === 'line') return [entry.line];
    const { ids, lines } = groups.get(entry.key)!;
    return [ids.length === 1 ? `image ${ids[0]}:` : `same change in ${ids.length} images: ${ids.join(', ')}`, ...lines];
  });
}

/** The last line of `kiln diff`: "3 of 12 images differ (1 changed, 1 added, 1 removed); bytes +120 (10240 -> 10360)". */
export function formatDiffSummary(s: DiffSummary): string {
  if (s.differ === 0) return `no differences in ${s.images} ${s.images === 1 ? 'image' : 'images'}`;
  const parts = [
    s.changed ? `${s.changed} changed` : '',
    s.added ? `${s.added} added` : '',
    s.removed ? `${s.removed} removed` : '',
  ].filter(Boolean);
  const bytes = s.bytes
    ? `bytes ${s.bytes.delta > 0 ? '+' : s.bytes.delta < 0 ? '' : '±'}${s.bytes.delta} (${s.bytes.before} -> ${s.bytes.after})`
    : 'sizes not compared (not every image was built on both sides)';
  return `${s.differ} of ${s.images} images differ (${parts.join(', ')}); ${bytes}`;
}

/** `kiln diff --json`: as schema/diff-result.schema.json describes it. */
export interface DiffResultDocument {
  readonly kiln: 'diff-result/1';
  readonly a: string;
  readonly b: string;
  readonly images: readonly ImageDiff[];
  readonly summary: DiffSummary;
}

/** The --json document of a diff between A and B (as the user named them). */
export function diffResultDocument(a: string, b: string, diff: AssemblyDiff): DiffResultDocument {
  return { kiln: 'diff-result/1', a, b, images: diff.images, summary: summarizeDiff(diff) };
}
