// SPDX-License-Identifier: MIT
/**
 * Checks a whole spec document (one image or a fleet), as plain data.
 *
 * The order of work:
 *   1. the document against the schema as written (a fleet image may leave
 *      out what its defaults give it), so every value is judged once, at
 *      the place it was written;
 *   2. each fleet image with the defaults merged in, for what only the
 *      merged image can show: a required field neither side gave;
 *   3. unique names (image ids, kinds within a list);
 *   4. the catalog, when there is one.
 * Nothing stops early: the user gets every problem at once.
 */
import type { Catalog } from '../catalog-info.ts';
import { catalogFindings } from './catalog-check.ts';
import { isMapping } from './data.ts';
import { programSymbol } from '../../catalog/program.ts';
import { duplicateIdFindings, duplicateKindFindings } from './duplicates.ts';
import type { Finding } from './finding.ts';
import { mergeDefaults } from './merge.ts';
import { child, tokens } from './pointer.ts';
import { describeValue } from './prose.ts';
import { findingOf, schemaErrors } from './schema-check.ts';
import { defaultsScope, imageScope, isFleetDocument, type Scope, siteOf } from './subjects.ts';

/** One image of the document, merged with the fleet defaults. */
export interface CheckedImage {
  /** Pointer of the image in the document ('' for a single-image document). */
  readonly pointer: string;
  /** The image with the defaults merged in; an ImageSpec when there were no findings. */
  readonly value: Record<string, unknown>;
  /** For every pointer inside `value`, the document pointer of the place it was written. */
  readonly sources: ReadonlyMap<string, string>;
}

/** The findings of a document, and its images (complete only when there are no findings). */
export interface DocumentCheck {
  readonly findings: readonly Finding[];
  readonly images: readonly CheckedImage[];
}

/**
 * What names in a document must refer to: one catalog, or a function giving
 * the catalog for an image's `libraryFolders` (as written), which may throw
 * an error whose message says what is wrong with the folders.
 */
export type CatalogSource = Catalog | ((libraryFolders: readonly string[]) => Catalog);

/** Checks a parsed document; `catalog`, when given, is what names must refer to. */
export function checkDocument(doc: unknown, catalog: CatalogSource | undefined): DocumentCheck {
  if (doc === null || doc === undefined) {
    return only('the spec is empty; write one image (id, board, applications) or a fleet (version, images)');
  }
  if (!isMapping(doc)) {
    return only(
      `a spec must be a mapping, either one image (id, board, applications) or a fleet (version, images); got ${describeValue(doc)}`,
    );
  }
  const check = isFleetDocument(doc) ? checkFleet(doc, catalog) : checkImage(doc, catalog);
  const inexact = inexactNumbers(doc, '');
  return inexact.length ? { findings: [...inexact, ...check.findings], images: check.images } : check;
}

/**
 * Numbers past 2^53 that JSON and YAML parsers round: 9007199254740993
 * would silently become ...992. Budgets and Kconfig values must be exact,
 * so such a number is refused where it was written.
 */
function inexactNumbers(value: unknown, pointer: string): Finding[] {
  if (typeof value === 'number') {
    return Number.isFinite(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER
      // The problem carries the pointer and line; the message does not repeat a key of any length.
      ? [{ pointer, anchor: 'value', message: `this number is too large to be exact: past 2^53 (${Number.MAX_SAFE_INTEGER + 1}) a number is rounded when read; use a smaller one, or for a Kconfig hex value write it as a string ("0x...")` }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => inexactNumbers(item, child(pointer, i)));
  if (isMapping(value)) return Object.entries(value).flatMap(([key, item]) => inexactNumbers(item, child(pointer, key)));
  return [];
}

function only(message: string): DocumentCheck {
  return { findings: [{ pointer: '', anchor: 'value', message }], images: [] };
}

function checkImage(doc: Record<string, unknown>, catalog: CatalogSource | undefined): DocumentCheck {
  const findings = schemaErrors('imageSpec', doc).map((e) =>
    findingOf(e, { site: siteOf(doc, e.instancePath), pointer: e.instancePath }),
  );
  const scope = imageScope(doc, '', undefined);
  findings.push(...namedThingFindings(scope, catalogOf(catalog, doc, '', findings)));
  return { findings, images: [{ pointer: '', ...mergeDefaults(undefined, '/defaults', doc, '') }] };
}

function checkFleet(doc: Record<string, unknown>, catalog: CatalogSource | undefined): DocumentCheck {
  const findings = schemaErrors('fleetSpec', doc).map((e) =>
    findingOf(e, { site: siteOf(doc, e.instancePath), pointer: e.instancePath }),
  );
  const defaults = doc['defaults'];
  // Defaults of the wrong shape were reported; merging nothing would only add false "missing" reports.
  const defaultsUsable = defaults === undefined || isMapping(defaults);
  const images = Array.isArray(doc['images']) ? (doc['images'] as unknown[]) : [];
  const checked: CheckedImage[] = [];

  images.forEach((image, index) => {
    if (!isMapping(image)) return;
    const pointer = child('/images', index);
    const merged = mergeDefaults(isMapping(defaults) ? defaults : undefined, '/defaults', image, pointer);
    checked.push({ pointer, ...merged });
    if (!defaultsUsable) return;
    const scope = imageScope(merged.value, pointer, index);
    for (const e of schemaErrors('imageSpec', merged.value)) {
      if (!onlyMergedShows(e.keyword, e.instancePath, e.params)) continue;
      const source = merged.sources.get(e.instancePath) ?? pointer;
      findings.push(
        findingOf(e, {
          site: { scope, rel: tokens(e.instancePath) },
          pointer: source,
          inherited: source === '/defaults' || source.startsWith('/defaults/'),
        }),
      );
    }
  });

  findings.push(...duplicateIdFindings(images));
  if (isMapping(defaults)) findings.push(...namedThingFindings(defaultsScope(defaults), catalogOf(catalog, defaults, '/defaults', findings)));
  images.forEach((image, index) => {
    if (!isMapping(image)) return;
    const merged = checked.find((c) => c.pointer === child('/images', index))?.value ?? image;
    const pointer = child('/images', index);
    const own = isMapping(image) && image['libraryFolders'] !== undefined;
    findings.push(...namedThingFindings(imageScope(image, pointer, index), catalogOf(catalog, merged, own ? pointer : '/defaults', findings)));
  });
  return { findings, images: checked };
}

/**
 * True for the errors step 1 cannot see: the fields an image must have
 * (other than its id) and the two allocator slots. Everything else in the
 * merged image was already judged where it was written.
 */
function onlyMergedShows(keyword: string, instancePath: string, params: unknown): boolean {
  if (keyword !== 'required') return false;
  if (instancePath === '/allocators') return true;
  return instancePath === '' && (params as { missingProperty?: unknown }).missingProperty !== 'id';
}

/**
 * The catalog an image (or the defaults) is checked against: for a
 * function, the one for its library folders. Folders that cannot be read
 * are a finding at `libraryFolders`, and the image's names go unchecked.
 */
function catalogOf(source: CatalogSource | undefined, value: Record<string, unknown>, pointer: string, findings: Finding[]): Catalog | undefined {
  if (typeof source !== 'function') return withPrograms(source, value['programs']);
  const folders = value['libraryFolders'];
  const list = Array.isArray(folders) ? folders.filter((f): f is string => typeof f === 'string') : [];
  try {
    return withPrograms(source(list), value['programs']);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!findings.some((f) => f.message === message)) findings.push({ pointer: child(pointer, 'libraryFolders'), anchor: 'value', message });
    return undefined;
  }
}

/**
 * The catalog with the image's programs in it as applications (options
 * they have none), so `applications: [{ kind: NAME }]` names one. Their
 * sources are expanded later, once the document is sound.
 */
function withPrograms(catalog: Catalog | undefined, programs: unknown): Catalog | undefined {
  if (!catalog || !Array.isArray(programs) || !programs.length) return catalog;
  const libraries = new Map(catalog.libraries);
  for (const program of programs) {
    const name = isMapping(program) ? program['name'] : undefined;
    if (typeof name !== 'string' || libraries.has(name)) continue;
    libraries.set(name, { name, role: 'application', symbol: programSymbol(name), summary: `your program ${name}`, options: new Map() });
  }
  return { ...catalog, libraries };
}

/** Unique kinds, then the catalog, for one image or the defaults. */
function namedThingFindings(scope: Scope, catalog: Catalog | undefined): Finding[] {
  return [...duplicateKindFindings(scope), ...(catalog ? catalogFindings(scope, catalog) : [])];
}
