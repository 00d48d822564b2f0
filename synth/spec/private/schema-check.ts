// SPDX-License-Identifier: MIT
/**
 * Runs the published schema with ajv and rewrites its errors as sentences.
 *
 * ajv's own text ("must NOT have additional properties") says neither which
 * key nor what to do; each error is rewritten from its keyword, its params
 * and the data, named in the user's words (see subjects.ts).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { BUILTIN_BOARD_IDS } from '../board-info.ts';
import { IMAGE_SPEC_SCHEMA_ID, imageSpecSchema } from '../schema.ts';
import { isMapping } from './data.ts';
import type { Anchor, Finding } from './finding.ts';
import { child } from './pointer.ts';
import { closest, describeValue, listOf, quote, typeNoun } from './prose.ts';
import { entryName, phraseOf, type Site } from './subjects.ts';

/** The parts of the schema the checks validate against. */
export type SchemaPart = 'imageSpec' | 'fleetSpec' | 'boardInfo';

let validators: Map<SchemaPart, ValidateFunction> | undefined;

/** Compiles the schema on first use only, so importing this module costs nothing. */
function validatorFor(part: SchemaPart): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({
      strict: true,
      // Every problem in one pass, not just the first.
      allErrors: true,
      // Option and config values are boolean | integer | string.
      allowUnionTypes: true,
      // Errors carry the data and the schema, which the rewritten messages need.
      verbose: true,
    });
    ajv.addSchema(imageSpecSchema);
    validators = new Map();
    for (const name of ['imageSpec', 'fleetSpec', 'boardInfo'] as const) {
      const validate = ajv.getSchema(`${IMAGE_SPEC_SCHEMA_ID}#/definitions/${name}`);
      if (!validate) throw new Error(`Kiln bug: the spec schema has no definition "${name}"`);
      validators.set(name, validate);
    }
  }
  return validators.get(part)!;
}

/**
 * The schema errors of `value` against one part of the schema, minus the
 * echoes: a value of the wrong type also fails its enum or pattern, and
 * only the first says anything useful.
 */
export function schemaErrors(part: SchemaPart, value: unknown): ErrorObject[] {
  const validate = validatorFor(part);
  if (validate(value)) return [];
  const errors = oneBranch(validate.errors ?? []);
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'type' || !mistyped.has(e.instancePath));
}

/**
 * For a value that fails a `oneOf` (a board: an id or a description), only
 * the errors of the alternative its type chose: a string is judged as an
 * id, a mapping as a description. A value of neither type keeps the first
 * alternative's type error alone.
 */
function oneBranch(errors: ErrorObject[]): ErrorObject[] {
  let out = errors;
  for (const choice of errors.filter((e) => e.keyword === 'oneOf')) {
    const refs: string[] = (Array.isArray(choice.schema) ? choice.schema : []).map((b: { $ref?: string }) => b.$ref ?? '');
    const typeOf = (ref: string) => (ref ? definition(ref.split('/').pop() ?? '')['type'] : undefined);
    const data: unknown = choice.data;
    const actual = data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data === 'object' ? 'object' : typeof data;
    const chosen = refs.findIndex((r) => typeOf(r) === actual);
    const under = (e: ErrorObject) => e.instancePath === choice.instancePath || e.instancePath.startsWith(`${choice.instancePath}/`);
    // ajv names errors of a referenced definition by that definition's path, so the first alternative's are told apart by it.
    const branchOf = (e: ErrorObject) => (refs[0] && e.schemaPath.startsWith(`${refs[0]}/`) ? 0 : 1);
    out = out.filter((e) => {
      if (e === choice) return false;
      if (!under(e)) return true;
      return chosen >= 0 ? branchOf(e) === chosen : branchOf(e) === 0 && e.keyword === 'type';
    });
  }
  return out;
}

/** Where an error's instance is: its place for messages and its pointer in the user's document. */
export interface ErrorFrame {
  readonly site: Site;
  readonly pointer: string;
  /** True when the value at `pointer` came into a fleet image from the defaults. */
  readonly inherited?: boolean;
}

/** Rewrites one ajv error as a finding at the place the user should change. */
export function findingOf(error: ErrorObject, frame: ErrorFrame): Finding {
  const { site, pointer } = frame;
  const whole = phraseOf(site);
  const data: unknown = error.data;
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const at = (message: string, anchor: Anchor = 'value', where = pointer): Finding => ({ pointer: where, anchor, message });

  switch (error.keyword) {
    case 'type': {
      const choices = Array.isArray(parentSchema['enum']) ? parentSchema['enum'].map(String) : undefined;
      const expected = ([] as unknown[]).concat(params['type']).map(String);
      if (data === null || data === undefined) {
        const wanted = choices ? `one of ${choices.join(', ')}` : listOf(expected.map(typeNoun));
        const isItem = /^\d+$/.test(site.rel[site.rel.length - 1] ?? '');
        return at(`${whole} has no value; give it ${wanted}${isItem ? ', or remove the empty entry' : ''}`);
      }
      if (choices) return at(enumMessage(whole, choices, data));
      return at(`${whole} must be ${listOf(expected.map(typeNoun))}; got ${describeValue(data)}${typeHint(expected, data)}`);
    }
    case 'enum':
      return at(enumMessage(whole, (params['allowedValues'] as unknown[]) ?? [], data));
    case 'const': {
      const allowed = params['allowedValue'];
      const isVersion = site.scope.kind === 'fleet' && site.rel.join('/') === 'version';
      const hint = typeof data === 'string' && data === String(allowed) ? '; write it without quotes' : '';
      return at(
        `${whole} must be ${JSON.stringify(allowed)}${isVersion ? ', the only fleet format Kiln reads' : ''}; got ${describeValue(data)}${hint}`,
      );
    }
    case 'pattern':
      return at(patternMessage(site, whole, data, String(params['pattern'])));
    case 'minItems': {
      const field = site.rel[site.rel.length - 1];
      if (field === 'applications') {
        return at(`${whole} is empty; list at least one application, e.g. "applications: [{ kind: hello }]"`);
      }
      if (field === 'images') return at(`${whole} is empty; list at least one image under it`);
      return at(`${whole} must have at least ${String(params['limit'])} entries`);
    }
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = isMapping(parentSchema['properties']) ? Object.keys(parentSchema['properties']) : [];
      return at(unknownKeyMessage(site, whole, key, allowed), 'key', child(pointer, key));
    }
    case 'required':
      return at(missingMessage(site, whole, String(params['missingProperty']), frame.inherited === true), 'key');
    default:
      return at(`${whole} ${error.message ?? 'is not valid'}`);
  }
}

function enumMessage(whole: string, allowed: readonly unknown[], data: unknown): string {
  const names = allowed.map(String);
  const guess = typeof data === 'string' ? closest(data, names) : undefined;
  return `${whole} must be one of ${names.join(', ')}; got ${describeValue(data)}${guess ? `; did you mean ${quote(guess)}?` : ''}`;
}

/** A hint for the usual type slips: a quoted number, an unquoted word YAML read as something else. */
function typeHint(expected: readonly string[], data: unknown): string {
  if (expected.includes('integer') && typeof data === 'string' && /^-?\d+$/.test(data)) return '; remove the quotes';
  if (expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    return `; put it in quotes if you meant the text ${quote(String(data))}`;
  }
  return '';
}

function patternMessage(site: Site, whole: string, data: unknown, pattern: string): string {
  const text = String(data);
  const field = site.rel[site.rel.length - 1];
  if (site.rel.length === 1 && field === 'id') {
    const example = slug(text).slice(0, 63).replace(/-+$/, '');
    return `image id ${quote(text)} is not valid; an id is a lowercase letter followed by up to 62 lowercase letters, digits or dashes${example ? `, e.g. ${quote(example)}` : ''}`;
  }
  if (field === 'kind' || field === 'boot' || field === 'app' || field === 'scheduler') {
    const example = slug(text);
    return `${whole} is ${quote(text)}, which is not a library name; library names are a lowercase letter followed by lowercase letters, digits or dashes${example ? `, e.g. ${quote(example)}` : ''}`;
  }
  return `${whole} must match the pattern ${pattern}; got ${describeValue(data)}`;
}

/** The nearest valid name to `text` in lowercase-dashed form, or '' when none can be made. */
function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
}

/** The Kconfig-symbol form of `text`: `maxFiles` and `max-files` both become `MAX_FILES`. */
function symbolName(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^[^A-Z]+/, '')
    .replace(/_+$/, '');
}

/** The camelCase option form of `text`: `max-files` and `MAX_FILES` both become `maxFiles`. */
function optionName(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const first = (w: string): string => (w === w.toUpperCase() ? w.toLowerCase() : w.charAt(0).toLowerCase() + w.slice(1));
  const rest = (w: string): string => w.charAt(0).toUpperCase() + (w === w.toUpperCase() ? w.slice(1).toLowerCase() : w.slice(1));
  return words
    .map((w, i) => (i === 0 ? first(w) : rest(w)))
    .join('')
    .replace(/^[^a-z0-9]+/, '');
}

/** One definition of the schema, e.g. `imageSpec`. */
export function definition(name: string): Record<string, unknown> {
  const found = (imageSpecSchema['definitions'] as Record<string, unknown> | undefined)?.[name];
  if (!isMapping(found)) throw new Error(`Kiln bug: the spec schema has no definition "${name}"`);
  return found;
}

/** A pattern taken from the schema, so checks outside ajv agree with it. */
export function schemaPattern(pattern: unknown): RegExp {
  if (typeof pattern !== 'string') throw new Error('Kiln bug: a pattern is missing from the spec schema');
  return new RegExp(pattern);
}

function keysOf(name: string): string[] {
  const properties = definition(name)['properties'];
  return isMapping(properties) ? Object.keys(properties) : [];
}

function unknownKeyMessage(site: Site, whole: string, key: string, allowed: readonly string[]): string {
  const { scope, rel } = site;
  if (rel.length === 1 && rel[0] === 'config') {
    const example = symbolName(key);
    return `config key ${quote(key)} in ${scope.label} is not a Kconfig symbol name; symbols are capital letters, digits and underscores, starting with a letter${example ? `, e.g. ${quote(example)}` : ''}`;
  }
  if (rel.length === 3 && rel[2] === 'options' && rel[0] !== undefined) {
    const example = optionName(key);
    return `option name ${quote(key)} of ${entryName(scope.value, rel[0], Number(rel[1]))} in ${scope.label} is not valid; option names are camelCase letters and digits${example ? `, e.g. ${quote(example)}` : ''}`;
  }
  if (key === '<<') {
    const share = scope.kind === 'image' && scope.inFleet ? `, or share them between images through the fleet's "defaults"` : '';
    return `YAML merge keys ("<<") are not supported (in ${whole}); write the values out${share}`;
  }
  if (scope.kind === 'defaults' && rel.length === 0 && key === 'id') {
    return 'the fleet defaults cannot set "id"; give each image its own id instead';
  }
  if (scope.kind === 'fleet' && rel.length === 0 && keysOf('imageSpec').includes(key)) {
    return `unknown key ${quote(key)} in the fleet; a fleet has only ${listOf(keysOf('fleetSpec'), 'and')}, so move ${quote(key)} into "defaults" or into one of the images`;
  }
  const guess = closest(key, allowed);
  const advice = guess ? `did you mean ${quote(guess)}?` : `the keys allowed there are ${listOf(allowed, 'and')}`;
  return `unknown key ${quote(key)} in ${whole}; ${advice}`;
}

function missingMessage(site: Site, whole: string, missing: string, inherited: boolean): string {
  const { scope, rel } = site;
  const orDefaults = scope.inFleet ? ' (in the image or in the fleet defaults)' : '';
  if (rel.length === 0 && scope.kind === 'image') {
    switch (missing) {
      case 'id':
        return `${whole} has no "id"; give it a unique id, e.g. "id: web"`;
      case 'board':
        return `${whole} has no "board"; add "board:" with a board id (${BUILTIN_BOARD_IDS.join(', ')}, or one in a library folder) or a board description${orDefaults}`;
      case 'applications':
        return `${whole} has no "applications"; list at least one, e.g. "applications: [{ kind: hello }]"${orDefaults}`;
    }
  }
  if (rel.length === 1 && rel[0] === 'allocators') {
    const role = missing === 'boot' ? 'the allocator used during boot and init' : 'the allocator applications use after init';
    const fix = `add "${missing}: <allocator name>"`;
    return inherited
      ? `${whole}, taken from the fleet defaults, has no "${missing}" (${role}); ${fix} to the defaults' allocators or to the image's own`
      : `${whole} has no "${missing}" (${role}); ${fix}`;
  }
  if (rel.length === 2 && missing === 'kind') return `${whole} has no "kind"; name the library it is, e.g. "kind: hello"`;
  if (scope.kind === 'fleet' && rel.length === 0) {
    if (missing === 'version') return 'the fleet has no "version"; add "version: 1"';
    if (missing === 'images') return 'the fleet has no "images"; list its images under "images"';
  }
  return `${whole} has no ${quote(missing)}; add it`;
}
