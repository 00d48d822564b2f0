// SPDX-License-Identifier: MIT
/**
 * Parses a spec file's text into plain data plus the source place of every value.
 *
 * YAML and JSON go through the same parser (YAML 1.2 is a superset of JSON;
 * JSON files use the parser's JSON schema, so an unquoted word is an error
 * there). The document tree is walked by hand rather than with `toJS()` so
 * that each value's line and column is recorded under its JSON pointer, and
 * so that duplicate keys can name both lines.
 */
import { type Alias, type Document, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import { setOwn } from './data.ts';
import { child } from './pointer.ts';
import { MAX_QUOTED_LENGTH, quote } from './prose.ts';

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where a value was written: its key (for members of a mapping) and its value. */
export interface Place {
  readonly key?: Position;
  readonly value: Position;
}

/** A problem with the text itself, already placed. */
export interface SourceProblem extends Position {
  readonly pointer: string;
  readonly message: string;
}

/** The result of parsing: either data with places, or why there is none. */
export type SourceParse =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** The place of every value, by JSON pointer. */
      readonly places: ReadonlyMap<string, Place>;
      /** Problems that leave the data usable for further checks (duplicate keys, unknown tags). */
      readonly problems: readonly SourceProblem[];
    }
  | { readonly ok: false; readonly problems: readonly SourceProblem[] };

/** Which grammar a file is read with. */
export type SourceFormat = 'yaml' | 'json';

/**
 * How many nodes one document may expand to. Aliases can make a small file
 * describe an enormous tree ("billion laughs"); no real spec comes near this.
 */
const NODE_BUDGET = 100_000;

/**
 * How long expanding one document may take, in milliseconds of this
 * process's CPU time: a second bound besides the node budget, for documents
 * whose expansion is slow per node. Real specs take a few milliseconds.
 * CPU time, not the clock, so that a loaded machine refuses the same
 * documents as a quiet one.
 */
const TIME_BUDGET_MS = 1_000;

/** This process's CPU time so far, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** How many syntax errors one file reports. */
const MAX_SYNTAX_PROBLEMS = 10;

/** Parses `text`; never throws for bad input. */
export function parseSource(text: string, format: SourceFormat): SourceParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    // Duplicates are found by the walker, which can name both lines.
    uniqueKeys: false,
    schema: format === 'json' ? 'json' : 'core',
    prettyErrors: false,
  });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const fromYaml = (e: YAMLError): SourceProblem => ({
    ...at(e.pos[0]),
    pointer: '',
    message: syntaxMessage(e, format, text),
  });
  if (doc.errors.length > 0) {
    // After the first few, syntax errors mostly echo the first one: report those, and how many more there are.
    const shown = doc.errors.slice(0, MAX_SYNTAX_PROBLEMS).map(fromYaml);
    const more = doc.errors.length - shown.length;
    if (more > 0) shown[shown.length - 1] = { ...shown[shown.length - 1], message: `${shown[shown.length - 1].message} (and ${more} more syntax error${more === 1 ? '' : 's'} after this one)` };
    return { ok: false, problems: shown };
  }

  const walker = new Walker(doc, at);
  let value: unknown;
  try {
    value = walker.walk(doc.contents, '', undefined, { line: 1, column: 1 });
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    const what = e.kind === 'nodes' ? `expands to more than ${NODE_BUDGET} values through aliases` : `takes more than ${TIME_BUDGET_MS} ms of CPU time to expand through its aliases`;
    return {
      ok: false,
      problems: [
        {
          ...e.position,
          pointer: e.pointer,
          message: `the document ${what}; write it out without aliases, or use fleet defaults for shared values`,
        },
      ],
    };
  }
  return { ok: true, value, places: walker.places, problems: [...doc.warnings.map(fromYaml), ...walker.problems] };
}

class BudgetExceeded extends Error {
  constructor(
    readonly kind: 'nodes' | 'time',
    readonly position: Position,
    readonly pointer: string,
  ) {
    super(`${kind} budget exceeded`);
  }
}

/**
 * What each alias of the document refers to: the last node before it
 * anchored with its name, as YAML says; undefined when there is none. One
 * pass over the document, where resolving each alias on its own would
 * search the whole document every time it is expanded.
 */
function aliasTargets(doc: Document): Map<Alias, unknown> {
  const anchors = new Map<string, unknown>();
  const targets = new Map<Alias, unknown>();
  visit(doc, {
    Alias: (_, node) => { targets.set(node, anchors.get(node.source)); },
    Node: (_, node) => { if (isNode(node) && node.anchor) anchors.set(node.anchor, node); },
  });
  return targets;
}

/** Builds plain data from the document tree, recording places as it goes. */
class Walker {
  readonly places = new Map<string, Place>();
  readonly problems: SourceProblem[] = [];
  private budget = NODE_BUDGET;
  private readonly deadline = cpuMs() + TIME_BUDGET_MS;
  /** Collections being walked, to stop an alias that refers to its own ancestor. */
  private readonly open = new Set<unknown>();
  private readonly targets: Map<Alias, unknown>;
  /** Aliases already reported, so one written once is reported once however often it is expanded. */
  private readonly reported = new Set<Alias>();

  constructor(
    doc: Document,
    private readonly at: (offset: number) => Position,
  ) {
    this.targets = aliasTargets(doc);
  }

  /**
   * Returns the plain value of `node`, written at `pointer`; `key` is where
   * its key was written (for members of a mapping) and `around` where the
   * enclosing collection starts, for values with no text of their own.
   */
  walk(node: unknown, pointer: string, key: Position | undefined, around: Position): unknown {
    const start = rangeStart(node);
    // An empty value ("board:" and nothing after it) has no text of its own: point at its key,
    // or, for an empty list item, at the spot where it was left empty.
    const empty = start === undefined || (isScalar(node) && node.value === null && rangeLength(node) === 0);
    const value: Position = !empty ? this.at(start) : (key ?? (start !== undefined ? this.at(start) : around));
    this.places.set(pointer, key ? { key, value } : { value });
    if (--this.budget < 0) throw new BudgetExceeded('nodes', value, pointer);
    if ((this.budget & 0x3ff) === 0 && cpuMs() > this.deadline) throw new BudgetExceeded('time', value, pointer);

    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (target === undefined || this.open.has(target)) {
        if (this.reported.has(node)) return null;
        this.reported.add(node);
        this.problems.push({
          ...value,
          pointer,
          message: `the alias *${node.source} refers to ${target === undefined ? 'no anchor' : 'a mapping or list that contains it'}; write the value out instead`,
        });
        return null;
      }
      const resolved = this.walk(target, pointer, key, value);
      // The alias is where the user wrote this value, even if its parts were written at the anchor.
      this.places.set(pointer, key ? { key, value } : { value });
      return resolved;
    }
    if (isScalar(node)) return node.value;
    if (isMap(node)) {
      this.open.add(node);
      const out: Record<string, unknown> = {};
      const seen = new Map<string, Position>();
      for (const pair of node.items) {
        const keyStart = rangeStart(pair.key);
        const keyAt = keyStart === undefined ? value : this.at(keyStart);
        if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === 'object') {
          this.problems.push({
            ...keyAt,
            pointer,
            message: 'a key here is not a plain name; write keys as plain words or quoted strings',
          });
          continue;
        }
        const name = String(pair.key.value);
        const memberPointer = child(pointer, name);
        const first = seen.get(name);
        if (first) {
          this.problems.push({
            ...keyAt,
            pointer: memberPointer,
            message: `the key ${quote(name)} is written twice in the same mapping (first at line ${first.line}); keep only one of them`,
          });
        } else {
          seen.set(name, keyAt);
        }
        setOwn(out, name, this.walk(pair.value, memberPointer, keyAt, value));
      }
      this.open.delete(node);
      return out;
    }
    if (isSeq(node)) {
      this.open.add(node);
      const out = node.items.map((item, i) => this.walk(item, child(pointer, i), undefined, value));
      this.open.delete(node);
      return out;
    }
    return null;
  }
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range ? range[0] : undefined;
}

function rangeLength(node: { range?: readonly number[] | null }): number {
  return node.range ? node.range[1]! - node.range[0]! : 0;
}

/** Rewrites a parser error as a sentence that says what to do. */
function syntaxMessage(e: YAMLError, format: SourceFormat, text: string): string {
  const language = format === 'json' ? 'JSON' : 'YAML';
  const raw = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const written = text.slice(e.pos[0], e.pos[1]);
  switch (e.code) {
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document; a spec file is one image or one fleet, so remove the "---" separator (put many images in a fleet\'s "images" list)';
    case 'TAG_RESOLVE_FAILED':
      if (raw.startsWith('Unresolved plain scalar')) {
        return `${quote(written)} is not a JSON value; write strings in double quotes`;
      }
      return `the YAML tag ${written.length > MAX_QUOTED_LENGTH ? `${written.slice(0, MAX_QUOTED_LENGTH)}…` : written} is not one Kiln reads; remove it and write the plain value`;
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    default: {
      // The parser's message may end with a copy of the offending text, of any length: say it with a bounded quote.
      const copy = written ? [written, JSON.stringify(written)].map((c) => raw.indexOf(`: ${c.slice(0, 16)}`)).find((i) => i >= 0) : undefined;
      const cut = copy !== undefined ? raw.slice(0, copy) : raw.length > 2 * MAX_QUOTED_LENGTH ? `${raw.slice(0, MAX_QUOTED_LENGTH)}…` : raw;
      const what = cut.replace(/ in YAML stream/, '');
      const token = copy !== undefined ? ` ${quote(written)}` : '';
      return `${language} syntax error: ${what.charAt(0).toLowerCase()}${what.slice(1)}${token}; correct the text at this point`;
    }
  }
}
