// SPDX-License-Identifier: MIT
/**
 * Validates spec documents held as plain data, with no file behind them.
 *
 * This is the check the loader runs, without source lines: specs built by
 * constructs go through it so both front ends reject the same mistakes with
 * the same words. Problems come back as messages, never thrown.
 */
import type { Catalog } from './catalog-info.ts';
import type { ImageSpec } from './image-spec.ts';
import { isMapping, setOwn } from './private/data.ts';
import { checkDocument } from './private/document.ts';
import { messageOf, type Where } from './private/finding.ts';

/** One problem in plain data: where (a JSON pointer into the validated value) and what. */
export interface SpecIssue {
  readonly pointer: string;
  /** A sentence saying what is wrong and how to fix it. */
  readonly message: string;
}

/** In plain data another place is named by its pointer. */
const byPointer: Where = (pointer) => `at ${pointer === '' ? 'the top' : pointer}`;

/**
 * Every problem in a spec document: one image, or a fleet (`{ version: 1,
 * defaults?, images }`), checked like a spec file is. When `catalog` is
 * given, library names, options and roles are checked against it.
 */
export function validateSpecDocument(document: unknown, catalog?: Catalog): SpecIssue[] {
  return checkDocument(document, catalog).findings.map((f) => ({ pointer: f.pointer, message: messageOf(f, byPointer) }));
}

/**
 * Every problem in a list of images, checked as the fleet
 * `{ version: 1, images: specs }`: pointers read `/images/<index>/...`.
 *
 * Fields set to `undefined` count as left out, as they do in TypeScript.
 * An empty list is a problem (a fleet needs an image).
 */
export function validateImageSpecs(specs: readonly ImageSpec[], catalog?: Catalog): SpecIssue[] {
  return validateSpecDocument({ version: 1, images: withoutUndefined(specs) }, catalog);
}

/** A copy of plain data with `undefined` members dropped. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (!isMapping(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) setOwn(out, key, withoutUndefined(item));
  }
  return out;
}
