// SPDX-License-Identifier: MIT
/**
 * Why a symbol has its value, as data and as text.
 *
 * An explanation names the one thing that decided the value (a request, a
 * select, an imply, a default, a choice, or nothing because the symbol is
 * not visible) and recurses into whatever that depends on: a selected
 * symbol is explained by why its selector is y, down to a request or a
 * default; an invisible one by the symbols that make its dependency n.
 * Resolution.explain() builds them; this module defines them and writes
 * them out.
 */
import { formatOrigin, type Origin } from '../spec/image-spec.ts';
import { formatLocation, type SourceLocation } from './location.ts';
import type { KconfigType } from './private/ast.ts';
import { escapeString } from './private/names.ts';
import type { ConfigProblem } from './problem.ts';

/** Why a symbol has its value. */
export interface Explanation {
  readonly symbol: string;
  readonly type: KconfigType;
  /** The value as in Resolution.values. */
  readonly value: string;
  readonly definedAt: SourceLocation;
  readonly reason: ExplanationReason;
  /** Requests for this symbol that did not decide its value, as the problems they raised. */
  readonly overruledRequests: readonly ConfigProblem[];
}

/** The one thing that decided a value. */
export type ExplanationReason =
  /** A request, honoured; `requested` is the value as Kconfig reads it (y, 42, "text"). */
  | { readonly kind: 'requested'; readonly origin?: Origin; readonly requested: string }
  /** Forced y by `select` from symbols that are y. */
  | { readonly kind: 'selected'; readonly by: readonly Cause[] }
  /** Raised to y by `imply` from symbols that are y (its dependencies being met). */
  | { readonly kind: 'implied'; readonly by: readonly Cause[] }
  /** The first default whose condition holds. */
  | { readonly kind: 'default'; readonly at: SourceLocation; readonly expression: string; readonly condition?: string }
  /** A default (or the empty value) moved into the active range. */
  | {
    readonly kind: 'clamped';
    readonly range: { readonly low: string; readonly high: string; readonly at: SourceLocation };
    readonly from: string;
    readonly default?: { readonly at: SourceLocation; readonly expression: string; readonly condition?: string };
  }
  /** A choice member: y when it is the choice's selection. */
  | {
    readonly kind: 'choice';
    readonly choice: string;
    readonly choiceAt: SourceLocation;
    /** The member selected, if any. */
    readonly selection?: string;
    /** How the selection was made; 'off' when the (optional) choice has no member y. */
    readonly how: 'requested' | 'default' | 'first-visible' | 'off';
    readonly origin?: Origin;
    readonly defaultAt?: SourceLocation;
  }
  /** Visible, but not requested and no default applies. */
  | { readonly kind: 'unset' }
  /** Not visible and nothing else set it; `dependency` is undefined when it has no prompt at all. */
  | { readonly kind: 'not-visible'; readonly dependency?: DependencyExplanation };

/** One `select` or `imply` that is in effect. */
export interface Cause {
  /** The symbol that selects (or implies). */
  readonly symbol: string;
  /** The select (or imply) line. */
  readonly at: SourceLocation;
  /** Its `if`, as written. */
  readonly condition?: string;
  /** Why that symbol is y. */
  readonly explanation: Explanation;
}

/** Why a condition is n. */
export interface DependencyExplanation {
  /** The parts of the condition that are n, in Kconfig syntax. */
  readonly expression: string;
  /** The symbols and choices that make them n, each explained. */
  readonly because: readonly CulpritExplanation[];
}

/** A symbol or choice that makes a condition n. */
export interface CulpritExplanation {
  /** A symbol name, or a choice label such as `<choice PLATFORM>`. */
  readonly name: string;
  readonly value: string;
  readonly definedAt?: SourceLocation;
  /** For a defined symbol: why it has that value. */
  readonly explanation?: Explanation;
  /** For a choice that is not visible: why. */
  readonly dependency?: DependencyExplanation;
  /** Anything else worth saying, e.g. that nothing defines the symbol. */
  readonly note?: string;
}

/** A value as it reads in text: strings quoted, everything else bare. */
export function displayValue(type: KconfigType, value: string): string {
  return type === 'string' ? `"${escapeString(value)}"` : value === '' ? '(empty)' : value;
}

/**
 * A one-clause reason, for messages: `selected by APP_HELLO`, `its default
 * at lib/x/Kconfig:9`, `it depends on LIBX, which is n because LIBX is n ...`.
 * `depth` limits how far it walks into dependencies.
 */
export function briefReason(e: Explanation, depth = 1): string {
  const r = e.reason;
  switch (r.kind) {
    case 'requested':
      return `requested ${r.requested} by ${formatOrigin(r.origin)}`;
    case 'selected':
      return `selected by ${r.by.map((c) => c.symbol).join(', ')}`;
    case 'implied':
      return `implied by ${r.by.map((c) => c.symbol).join(', ')}`;
    case 'default':
      return `its default ${r.expression}${r.condition ? ` if ${r.condition}` : ''} at ${formatLocation(r.at)}`;
    case 'clamped':
      return `${r.default ? `its default ${r.from || '(empty)'}` : 'no default applies, so it is'} clamped into the range [${r.range.low}, ${r.range.high}] at ${formatLocation(r.range.at)}`;
    case 'choice':
      if (r.selection === e.symbol) return `the selection of ${r.choice} at ${formatLocation(r.choiceAt)} (${howText(r)})`;
      return r.selection ? `${r.choice} at ${formatLocation(r.choiceAt)} selected ${r.selection}` : `${r.choice} at ${formatLocation(r.choiceAt)} is off`;
    case 'unset':
      return 'not requested, and no default applies';
    case 'not-visible':
      return r.dependency ? dependencyText(r.dependency, depth) : 'it has no prompt, and no default, select or imply applies';
  }
}

/** `it depends on X && Y, which is n because X is n (file:line): ...`, walking `depth` levels down. */
export function dependencyText(d: DependencyExplanation, depth = 1): string {
  const only = d.because.length === 1 ? d.because[0] : undefined;
  if (only && only.name === d.expression) {
    // `it depends on LIBX (lib/x/Kconfig:1), which is n: not requested, ...`
    const why = culpritReason(only, depth - 1);
    return `it depends on ${only.name}${culpritAt(only)}, which is ${culpritValue(only)}${why ? `: ${why}` : ''}`;
  }
  const because = d.because.map((c) => culpritText(c, depth - 1));
  return `it depends on ${d.expression}, which is n${because.length > 0 ? ` because ${because.join('; ')}` : ''}`;
}

/** `LIBX is n (lib/x/Kconfig:1): not requested, and no default applies`. */
export function culpritText(c: CulpritExplanation, depth = 0): string {
  const why = culpritReason(c, depth);
  return `${c.name} is ${culpritValue(c)}${culpritAt(c)}${why ? `: ${why}` : ''}`;
}

function culpritValue(c: CulpritExplanation): string {
  return c.explanation ? displayValue(c.explanation.type, c.value) : c.value;
}

function culpritAt(c: CulpritExplanation): string {
  return c.definedAt ? ` (${formatLocation(c.definedAt)})` : '';
}

function culpritReason(c: CulpritExplanation, depth: number): string | undefined {
  if (c.note) return c.note;
  if (c.dependency) return depth > 0 ? dependencyText(c.dependency, depth) : `it depends on ${c.dependency.expression}, which is n`;
  if (!c.explanation) return undefined;
  const r = c.explanation.reason;
  if (r.kind === 'not-visible' && r.dependency && depth <= 0) return `it depends on ${r.dependency.expression}, which is n`;
  return briefReason(c.explanation, depth);
}

function howText(r: Extract<ExplanationReason, { kind: 'choice' }>): string {
  switch (r.how) {
    case 'requested':
      return `requested by ${formatOrigin(r.origin)}`;
    case 'default':
      return `its default at ${formatLocation(r.defaultAt!)}`;
    case 'first-visible':
      return 'its first visible member';
    case 'off':
      return 'off';
  }
}

/**
 * A readable multi-line account of an explanation, e.g.
 *
 *     LIBCONSOLE = y  (lib/console/Kconfig:2)
 *       selected by LIBPL011 (select at lib/pl011/Kconfig:5)
 *         LIBPL011 = y  (lib/pl011/Kconfig:2)
 *           selected by PLAT_QEMU_VIRT (select at boards/qemu-virt/Kconfig:6)
 *             ...
 *
 * A symbol reached twice is written out once.
 */
export function formatExplanation(e: Explanation): string {
  const out: string[] = [];
  writeExplanation(e, 0, new Set(), out);
  return out.join('\n');
}

function writeExplanation(e: Explanation, indent: number, seen: Set<string>, out: string[]): void {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 2);
  out.push(`${pad}${e.symbol} = ${displayValue(e.type, e.value)}  (${formatLocation(e.definedAt)})`);
  if (seen.has(e.symbol)) {
    out.push(`${inner}(as explained above)`);
    return;
  }
  seen.add(e.symbol);
  const r = e.reason;
  switch (r.kind) {
    case 'requested':
      out.push(`${inner}requested ${r.requested} by ${formatOrigin(r.origin)}`);
      break;
    case 'selected':
    case 'implied':
      for (const c of r.by) {
        const verb = r.kind === 'selected' ? 'select' : 'imply';
        out.push(`${inner}${r.kind} by ${c.symbol} (${verb} at ${formatLocation(c.at)}${c.condition ? ` if ${c.condition}` : ''})`);
        writeExplanation(c.explanation, indent + 4, seen, out);
      }
      break;
    case 'default':
      out.push(`${inner}default ${r.expression}${r.condition ? ` if ${r.condition}` : ''} at ${formatLocation(r.at)}`);
      break;
    case 'clamped':
      out.push(`${inner}${r.default ? `default ${r.default.expression} at ${formatLocation(r.default.at)}` : 'no default'}, clamped into the range [${r.range.low}, ${r.range.high}] at ${formatLocation(r.range.at)}`);
      break;
    case 'choice':
      out.push(`${inner}${briefReason(e)}`);
      break;
    case 'unset':
      out.push(`${inner}not requested, and no default applies`);
      break;
    case 'not-visible':
      if (!r.dependency) {
        out.push(`${inner}no prompt, and no default, select or imply applies`);
      } else {
        out.push(`${inner}not visible: depends on ${r.dependency.expression}, which is n because`);
        for (const c of r.dependency.because) writeCulprit(c, indent + 4, seen, out);
      }
      break;
  }
  for (const p of e.overruledRequests) out.push(`${inner}overruled request: ${p.message}`);
}

function writeCulprit(c: CulpritExplanation, indent: number, seen: Set<string>, out: string[]): void {
  if (c.explanation) {
    writeExplanation(c.explanation, indent, seen, out);
    return;
  }
  const pad = ' '.repeat(indent);
  out.push(`${pad}${c.name} = ${c.value}${c.definedAt ? `  (${formatLocation(c.definedAt)})` : ''}${c.note ? `: ${c.note}` : ''}`);
  if (c.dependency) {
    out.push(`${pad}  not visible: depends on ${c.dependency.expression}, which is n because`);
    for (const x of c.dependency.because) writeCulprit(x, indent + 4, seen, out);
  }
}
