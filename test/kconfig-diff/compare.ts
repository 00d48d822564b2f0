// SPDX-License-Identifier: MIT
/**
 * Kiln against kconfiglib on generated trees: each tree is loaded by both,
 * and when both accept it, each request set is resolved by both and every
 * value, the .config and header text, the select warnings and the
 * unhonoured-request rule are compared.
 *
 * Verdicts per tree:
 * - both accept, and every set agrees;
 * - both reject;
 * - kconfiglib accepts and Kiln refuses with a documented reason
 *   (KconfigParseError.unsupported): counted apart, by reason;
 * - anything else is a disagreement, of one or more kinds.
 *
 * The unhonoured-request rule is judged by kconfiglib, not by Kiln's own
 * type check: a request is honoured when its fragment line was written and
 * kconfiglib's value for the symbol is the requested one. Kiln must report a
 * problem for exactly the requests that were not honoured.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type ConfigRequest, KconfigParseError, type KconfigTree, type LoadKconfigOptions, loadKconfig, resolveConfig,
} from '../../synth/kconfig/index.ts';
import { parsePyInt } from '../../synth/kconfig/private/python-numbers.ts';
import type { GeneratedTree } from './generate.ts';
import type { OracleCrash, OracleOutcome, OracleResult } from './oracle.ts';
import { type Fragment, fragmentOf } from './requests.ts';

/** The kinds of disagreement, in the order they are reported. */
export const DISAGREEMENT_KINDS = [
  /** loadKconfig threw something other than a KconfigParseError. */
  'kiln-load-crash',
  /** kconfiglib loads the tree, Kiln refuses it without naming a documented refusal. */
  'kiln-rejects',
  /** kconfiglib rejects the tree (a syntax error, a dependency loop), Kiln loads it. */
  'kiln-accepts',
  /** resolveConfig threw. */
  'resolve-throws',
  /** A symbol's value differs, or one side has a symbol the other lacks. */
  'value',
  /** The .config text differs. */
  'config-text',
  /** The C header text differs. */
  'header-text',
  /** Kiln's select-unmet-dependency problems are not kconfiglib's select warnings. */
  'select-warnings',
  /** A request kconfiglib did not honour, with no problem reported by Kiln. */
  'unreported-unhonoured',
  /** A request kconfiglib honoured, with a problem reported by Kiln. */
  'reported-honoured',
] as const;

export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number];

/** Kiln's side of one tree: the loaded tree and the request sets drawn over it, or what loading threw. */
export type KilnSide =
  | { readonly loaded: true; readonly tree: KconfigTree; readonly sets: readonly (readonly ConfigRequest[])[]; readonly fragments: readonly Fragment[] }
  | { readonly loaded: false; readonly error: unknown };

/** The verdict on one tree. */
export type Verdict =
  | { readonly kind: 'agree'; readonly sets: number }
  | { readonly kind: 'both-reject'; readonly kiln: string; readonly kconfiglib: string }
  | { readonly kind: 'refusal'; readonly id: string; readonly message: string }
  /** kconfiglib crashed on some request sets (and Kiln did not throw on them); the other sets agree. */
  | { readonly kind: 'oracle-crash'; readonly message: string; readonly sets: number }
  | { readonly kind: 'disagree'; readonly kinds: readonly DisagreementKind[]; readonly sets: number; readonly details: readonly string[]; readonly failingSet?: number };

/** The documented refusal a Kconfig load error names, if any. */
export function refusalOf(error: unknown): string | undefined {
  return KconfigParseError.isKconfigParseError(error) ? error.unsupported : undefined;
}

/** Writes the tree's files into a fresh temporary directory and returns it. */
export function writeTreeFiles(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-kdiff-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Loads the tree with Kiln, as a user's tree would be loaded, with the tree's own environment. */
export function loadWithKiln(tree: Pick<GeneratedTree, 'files' | 'root' | 'env'>): { tree: KconfigTree } | { error: unknown } {
  const dir = writeTreeFiles(tree.files);
  try {
    const options: LoadKconfigOptions = { srctree: dir, env: tree.env };
    return { tree: loadKconfig(join(dir, tree.root), options) };
  } catch (error) {
    return { error };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads `tree` with Kiln and, when it loads, draws `sets` request sets over it. */
export function kilnSide(
  tree: GeneratedTree,
  drawSets: (t: KconfigTree) => readonly (readonly ConfigRequest[])[],
): KilnSide {
  const loaded = loadWithKiln(tree);
  if ('error' in loaded) return { loaded: false, error: loaded.error };
  const sets = drawSets(loaded.tree);
  return { loaded: true, tree: loaded.tree, sets, fragments: sets.map((s) => fragmentOf(loaded.tree, s)) };
}

/** The error's message, with its class name when it is not a KconfigParseError. */
export function describeError(error: unknown): string {
  if (KconfigParseError.isKconfigParseError(error)) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
  return String(error);
}

/** Compares both sides of one tree. */
export function compareTree(kiln: KilnSide, oracle: OracleOutcome): Verdict {
  if (!kiln.loaded) {
    const message = describeError(kiln.error);
    if (!KconfigParseError.isKconfigParseError(kiln.error)) {
      return { kind: 'disagree', kinds: ['kiln-load-crash'], sets: 0, details: [`Kiln threw ${message}; kconfiglib: ${oracle.error ?? 'loads the tree'}`] };
    }
    if (oracle.error !== undefined) return { kind: 'both-reject', kiln: message, kconfiglib: oracle.error };
    const id = refusalOf(kiln.error);
    if (id !== undefined) return { kind: 'refusal', id, message };
    return { kind: 'disagree', kinds: ['kiln-rejects'], sets: 0, details: [`Kiln: ${message}`, ...(oracle.warnings ?? []).map((w) => `kconfiglib warning: ${w}`)] };
  }
  if (oracle.error !== undefined) {
    return { kind: 'disagree', kinds: ['kiln-accepts'], sets: 0, details: [`kconfiglib: ${oracle.error}`] };
  }
  const kinds = new Set<DisagreementKind>();
  const details: string[] = [];
  let failingSet: number | undefined;
  let crash: string | undefined;
  kiln.sets.forEach((requests, i) => {
    const ref = oracle.results[i];
    if ('error' in ref) crash ??= `set ${i}: kconfiglib ${ref.error}`;
    const found = compareSet(kiln.tree, requests, kiln.fragments[i], ref);
    if (found.length === 0) return;
    failingSet ??= i;
    for (const [kind, detail] of found) {
      kinds.add(kind);
      if (details.length < 12) details.push(`set ${i}: ${detail}`);
    }
  });
  if (kinds.size === 0) return crash ? { kind: 'oracle-crash', message: crash, sets: kiln.sets.length } : { kind: 'agree', sets: kiln.sets.length };
  return { kind: 'disagree', kinds: DISAGREEMENT_KINDS.filter((k) => kinds.has(k)), sets: kiln.sets.length, details, failingSet };
}

/**
 * Every difference on one request set, as [kind, detail]. Where kconfiglib
 * crashed, only Kiln's own promise is checked: resolveConfig never throws.
 */
export function compareSet(
  tree: KconfigTree, requests: readonly ConfigRequest[], fragment: Fragment, ref: OracleResult | OracleCrash,
): [DisagreementKind, string][] {
  const out: [DisagreementKind, string][] = [];
  let kiln;
  try {
    kiln = resolveConfig(tree, requests);
  } catch (error) {
    return [['resolve-throws', `${describeError(error)}${'error' in ref ? ` (kconfiglib crashed too: ${ref.error})` : ''}`]];
  }
  if ('error' in ref) return out;
  for (const [name, value] of Object.entries(ref.values)) {
    const mine = kiln.value(name);
    if (mine !== value) out.push(['value', `${name}: Kiln ${JSON.stringify(mine)}, kconfiglib ${JSON.stringify(value)}`]);
  }
  for (const name of kiln.values.keys()) {
    if (!(name in ref.values)) out.push(['value', `${name}: Kiln ${JSON.stringify(kiln.value(name))}, kconfiglib has no such symbol`]);
  }
  let text: string | undefined;
  try {
    text = kiln.dotConfig();
  } catch (error) {
    out.push(['resolve-throws', `dotConfig(): ${describeError(error)}`]);
  }
  if (text !== undefined && text !== ref.config) out.push(['config-text', textDiff(text, ref.config)]);
  try {
    text = kiln.configHeader();
    if (text !== ref.header) out.push(['header-text', textDiff(text, ref.header)]);
  } catch (error) {
    out.push(['resolve-throws', `configHeader(): ${describeError(error)}`]);
  }
  const selectProblems = [...new Set(kiln.problems.filter((p) => p.kind === 'select-unmet-dependency').map((p) => p.symbol))].sort();
  if (JSON.stringify(selectProblems) !== JSON.stringify(ref.selectWarnings)) {
    out.push(['select-warnings', `Kiln [${selectProblems.join(', ')}], kconfiglib [${ref.selectWarnings.join(', ')}]`]);
  }
  requests.forEach((r, i) => {
    const reported = kiln.problems.filter((p) => p.request === r && p.kind !== 'select-unmet-dependency');
    const type = tree.trySymbol(r.symbol)?.type;
    const honoured = fragment.written[i] && ref.values[r.symbol] !== undefined && sameValue(type, r.value, ref.values[r.symbol]);
    if (!honoured && reported.length === 0) {
      out.push(['unreported-unhonoured', `request ${describeRequest(r)} not honoured (kconfiglib: ${JSON.stringify(ref.values[r.symbol])}) but no problem reported`]);
    }
    if (honoured && reported.length > 0) {
      out.push(['reported-honoured', `request ${describeRequest(r)} honoured by kconfiglib, but Kiln reported ${reported[0].kind}: ${reported[0].message}`]);
    }
  });
  return out;
}

/** Whether kconfiglib's `actual` value is the requested `value`. */
function sameValue(type: string | undefined, value: ConfigRequest['value'], actual: string): boolean {
  if (typeof value === 'boolean') return actual === (value ? 'y' : 'n');
  if (type === 'int' || type === 'hex') {
    const base = type === 'hex' ? 16 : 10;
    const want = typeof value === 'number' ? BigInt(value) : parsePyInt(value, base);
    const got = parsePyInt(actual, base);
    return want !== undefined && got !== undefined && want === got;
  }
  return actual === String(value);
}

/** A request as `SYMBOL=value`, the value in JSON. */
export function describeRequest(r: ConfigRequest): string {
  return `${r.symbol}=${JSON.stringify(r.value)}`;
}

/** The first differing lines of two texts. */
function textDiff(kiln: string, ref: string): string {
  const a = kiln.split('\n');
  const b = ref.split('\n');
  const lines: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && lines.length < 6; i++) {
    if (a[i] !== b[i]) lines.push(`line ${i + 1}: Kiln ${JSON.stringify(a[i])}, kconfiglib ${JSON.stringify(b[i])}`);
  }
  return lines.join('; ');
}
