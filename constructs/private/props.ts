// SPDX-License-Identifier: MIT
/**
 * Checks of props at the construct boundary, for JavaScript programs and
 * `--no-typecheck`: what the types would have refused becomes a readable
 * problem at the user's line ("Program's sources must be a path or a list
 * of paths, got boolean true") instead of a TypeError from deep inside
 * Kiln. Kconfig options are not checked here: synth checks them against
 * the catalog (type and range) and names the same line.
 */
import { KilnError, type Problem } from '../../synth/errors.ts';
import type { Origin } from '../../synth/spec/image-spec.ts';

/** What a prop must be. */
export type PropKind = 'string' | 'strings' | 'path-or-paths' | 'string-map' | 'scalar-map' | 'boolean' | 'object' | 'requirements';

const EXPECTED: Readonly<Record<PropKind, string>> = {
  string: 'a string',
  strings: 'a list of strings',
  'path-or-paths': 'a path or a list of paths',
  'string-map': 'an object of strings ({ NAME: \'value\' })',
  'scalar-map': 'an object of strings, numbers or booleans',
  boolean: 'true or false',
  object: 'an object',
  requirements: 'an object such as { network: true, threads: true, files: true }',
};

/** How a value reads in a message. */
export function describeValue(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (typeof x === 'string') return `"${x.length > 60 ? `${x.slice(0, 57)}...` : x}"`;
  if (typeof x === 'function') return `the function ${x.name || '(anonymous)'}`;
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'object') return `an object of class ${(x as object).constructor?.name ?? 'Object'}`;
  return `${typeof x} ${String(x)}`;
}

function fits(kind: PropKind, x: unknown): boolean {
  const isObject = typeof x === 'object' && x !== null && !Array.isArray(x);
  switch (kind) {
    case 'string': return typeof x === 'string';
    case 'strings': return Array.isArray(x) && x.every((s) => typeof s === 'string');
    case 'path-or-paths': return typeof x === 'string' || (Array.isArray(x) && x.every((s) => typeof s === 'string'));
    case 'string-map': return isObject && Object.values(x).every((v) => typeof v === 'string');
    case 'scalar-map': return isObject && Object.values(x).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
    case 'boolean': return typeof x === 'boolean';
    case 'object': return isObject;
    case 'requirements': return isObject && Object.values(x).every((v) => typeof v === 'boolean' || typeof v === 'number');
  }
}

/**
 * The problems with `props` of construct `owner`: each listed prop that is
 * given must be of its kind; `required` ones must be given.
 */
export function propProblems(owner: string, props: unknown, kinds: Readonly<Record<string, PropKind>>, origin: Origin, required: readonly string[] = []): Problem[] {
  if (props === undefined) {
    return required.length ? [{ message: `${owner} needs props with ${required.join(' and ')}, got nothing`, origin }] : [];
  }
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    return [{ message: `${owner}'s props must be an object, got ${describeValue(props)}`, origin }];
  }
  const given = props as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const name of required) {
    if (given[name] === undefined) problems.push({ message: `${owner}'s ${name} must be ${EXPECTED[kinds[name]]}, got nothing`, origin });
  }
  for (const [name, kind] of Object.entries(kinds)) {
    const value = given[name];
    if (value !== undefined && !fits(kind, value)) problems.push({ message: `${owner}'s ${name} must be ${EXPECTED[kind]}, got ${describeValue(value)}`, origin });
  }
  return problems;
}

/** Throws the problems at once: for constructs that cannot be built from such props. */
export function assertProps(owner: string, props: unknown, kinds: Readonly<Record<string, PropKind>>, origin: Origin, required: readonly string[] = []): void {
  const problems = propProblems(owner, props, kinds, origin, required);
  if (problems.length) throw new KilnError(problems);
}
