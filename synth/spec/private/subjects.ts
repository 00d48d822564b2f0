// SPDX-License-Identifier: MIT
/**
 * Names places of a spec document in the user's words.
 *
 * `/images/3/applications/0/options/greeting` reads as
 * `option "greeting" of application "hello" in image "web"`: the image by its
 * id, the entry by its kind, when those are known.
 */
import { isMapping } from './data.ts';
import { tokens } from './pointer.ts';
import { ordinal, quote } from './prose.ts';

/** The object a place belongs to: one image, the fleet defaults, or the fleet itself. */
export interface Scope {
  readonly kind: 'image' | 'defaults' | 'fleet';
  /** Pointer of the scope's object in the document. */
  readonly pointer: string;
  /** How messages name it: `image "web"`, `the 2nd image`, `the fleet defaults`, `the fleet`. */
  readonly label: string;
  /** The scope's value, to look up entry kinds for names. */
  readonly value: unknown;
  /** True for an image of a fleet, whose missing fields can also come from the defaults. */
  readonly inFleet: boolean;
}

/** A place: its scope and its path inside it. */
export interface Site {
  readonly scope: Scope;
  readonly rel: readonly string[];
}

/** True when a document mapping is a fleet rather than one image. */
export function isFleetDocument(doc: Record<string, unknown>): boolean {
  return 'version' in doc || 'images' in doc || 'defaults' in doc;
}

/** The scope of an image: by its id when it has one, else by its place. */
export function imageScope(value: unknown, pointer: string, index: number | undefined): Scope {
  const id = isMapping(value) ? value['id'] : undefined;
  const label =
    typeof id === 'string' ? `image ${quote(id)}` : index === undefined ? 'the image' : `the ${ordinal(index + 1)} image`;
  return { kind: 'image', pointer, label, value, inFleet: index !== undefined };
}

/** The scope of the fleet defaults. */
export function defaultsScope(value: unknown): Scope {
  return { kind: 'defaults', pointer: '/defaults', label: 'the fleet defaults', value, inFleet: true };
}

/** The scope of the fleet document itself. */
export function fleetScope(value: unknown): Scope {
  return { kind: 'fleet', pointer: '', label: 'the fleet', value, inFleet: false };
}

/** Finds the scope a document pointer falls in. */
export function siteOf(doc: unknown, pointer: string): Site {
  const path = tokens(pointer);
  if (!isMapping(doc) || !isFleetDocument(doc)) return { scope: imageScope(doc, '', undefined), rel: path };
  if (path[0] === 'images' && path.length >= 2) {
    const index = Number(path[1]);
    const images = doc['images'];
    const image = Array.isArray(images) ? images[index] : undefined;
    return { scope: imageScope(image, `/images/${path[1]}`, index), rel: path.slice(2) };
  }
  if (path[0] === 'defaults') return { scope: defaultsScope(doc['defaults']), rel: path.slice(1) };
  return { scope: fleetScope(doc), rel: path };
}

/** The noun of a list's entries. */
export function entryNoun(list: string): string {
  return list === 'libraries' ? 'library' : list === 'applications' ? 'application' : 'entry';
}

/** Names one entry of `applications` or `libraries`: by its kind if it has one. */
export function entryName(scopeValue: unknown, list: string, index: number): string {
  const entries = isMapping(scopeValue) ? scopeValue[list] : undefined;
  const entry = Array.isArray(entries) ? entries[index] : undefined;
  const kind = isMapping(entry) ? entry['kind'] : undefined;
  return typeof kind === 'string' ? `${entryNoun(list)} ${quote(kind)}` : `the ${ordinal(index + 1)} ${entryNoun(list)}`;
}

/** Names a path inside a scope, without the scope: `"board"`, `option "x" of application "hello"`. */
export function subjectOf(scopeValue: unknown, rel: readonly string[]): string {
  const [field, second, third, fourth] = rel;
  if (field === undefined) return 'it';
  if ((field === 'applications' || field === 'libraries') && second !== undefined) {
    const index = Number(second);
    if (rel.length === 2) return entryName(scopeValue, field, index);
    if (rel.length === 3 && third === 'kind') return `the kind of the ${ordinal(index + 1)} ${entryNoun(field)}`;
    if (rel.length === 3 && third === 'options') return `the options of ${entryName(scopeValue, field, index)}`;
    if (rel.length === 4 && third === 'options' && fourth !== undefined) {
      return `option ${quote(fourth)} of ${entryName(scopeValue, field, index)}`;
    }
  }
  if (field === 'allocators' && rel.length === 2 && (second === 'boot' || second === 'app')) return `the ${second} allocator`;
  if (field === 'config' && rel.length === 2 && second !== undefined) return `config symbol ${quote(second)}`;
  if (rel.length === 1) return quote(field);
  return quote(rel.join('/'));
}

/** Names a place in full: `"board" in image "web"`, or the scope alone for its root. */
export function phraseOf(site: Site): string {
  if (site.rel.length === 0) return site.scope.label;
  const subject = subjectOf(site.scope.value, site.rel);
  return site.scope.kind === 'fleet' ? subject : `${subject} in ${site.scope.label}`;
}
