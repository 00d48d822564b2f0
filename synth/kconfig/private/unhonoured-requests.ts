// SPDX-License-Identifier: MIT
/**
 * Compares what was requested with what came out, and reports every
 * request that was not honoured: none is dropped silently.
 *
 * A request is honoured when its symbol ends with the requested value (int
 * and hex compared as numbers). Anything else is classified by the first
 * reason that explains it: an unknown symbol, a value of the wrong type, a
 * later request for the same symbol, choice rules, dependencies, a missing
 * prompt, a select, a range. Independently of requests, a symbol forced on
 * by `select` past its own dependencies is reported too, as kconfiglib
 * warns about it: the selected code may not build.
 */
import { formatOrigin } from '../../spec/image-spec.ts';
import type { AppliedRequest, ResolutionContext } from './context.ts';
import { didYouMean } from './did-you-mean.ts';
import { briefReason, dependencyText, displayValue, type DependencyExplanation, type Explanation } from '../explain.ts';
import { Explainer } from './explainer.ts';
import { formatExpr, isAlways } from './expr.ts';
import { formatLocation } from '../location.ts';
import type { SymbolDef } from './model.ts';
import { choiceLabel, modelNames } from './names.ts';
import type { ConfigProblem } from '../problem.ts';
import { parsePyInt, pyHex } from './python-numbers.ts';
import { type CheckedValue, type ConfigRequest, formatRequestedValue } from '../requests.ts';

/** Every problem of one resolution: one per unhonoured request, in request order, then select problems. */
export function findProblems(ctx: ResolutionContext): ConfigProblem[] {
  const checker = new HonestyCheck(ctx);
  const problems: ConfigProblem[] = [];
  for (const r of ctx.requests) {
    const p = checker.requestProblem(r);
    if (p) problems.push(p);
  }
  problems.push(...checker.selectProblems());
  if (ctx.ev.loops.length > 0) {
    const [first] = ctx.ev.loops;
    const id = ctx.model.byName.get(first);
    const def = id === undefined ? undefined : ctx.model.entries[id].def;
    problems.push({
      kind: 'dependency-loop',
      symbol: first,
      message: `the value of ${ctx.ev.loops.join(', ')} depends on itself in this configuration (a dependency loop the Kconfig files hide behind a condition, e.g. a choice default whose symbol depends on a member), so Kconfig gives it no value`,
      ...(def ? { definedAt: def.nodes[0].at } : {}),
      hint: 'break the loop in the Kconfig file: a symbol must not depend, through conditions and choices, on its own value',
    });
  }
  return problems;
}

/**
 * Defaults moved into their symbol's range, as kconfiglib warns about them:
 * the value in .config is not the one the Kconfig file wrote.
 */
export function clampWarnings(ctx: ResolutionContext): string[] {
  const { ev, model } = ctx;
  const out: string[] = [];
  for (const id of model.defined) {
    const def = model.entries[id].def!;
    if ((def.type !== 'int' && def.type !== 'hex') || ev.source(id) !== 'clamped' || ev.sourceIndex(id) < 0) continue;
    const d = def.defaults[ev.sourceIndex(id)];
    const range = ev.activeRange(id)!;
    const written = d.value.k === 'ref' ? ev.value(d.value.id) : '';
    const fmt = (n: bigint): string => (def.type === 'hex' ? pyHex(n) : n.toString());
    out.push(`${formatLocation(d.at)}: the default ${written || '(empty)'} of ${def.name} is outside its range [${fmt(range.low)}, ${fmt(range.high)}] (${formatLocation(range.def.at)}), so ${def.name} is ${ev.value(id)}`);
  }
  return out;
}

class HonestyCheck {
  private readonly explainer: Explainer;

  constructor(private readonly ctx: ResolutionContext) {
    this.explainer = new Explainer(ctx);
  }

  requestProblem(r: AppliedRequest): ConfigProblem | undefined {
    const { ctx } = this;
    const { request } = r;
    const by = formatOrigin(request.origin);
    const asked = formatRequestedValue(request.value);
    if (r.id < 0) {
      const guess = didYouMean(request.symbol, ctx.model.defined.map((id) => ctx.model.entries[id].name));
      return {
        kind: 'unknown-symbol',
        symbol: request.symbol,
        message: `${request.symbol} was requested ${asked} by ${by}, but no Kconfig file in the tree rooted at ${ctx.tree.rootFile} defines it.`,
        origin: request.origin,
        hint: guess ? `did you mean ${guess}?` : undefined,
        request,
      };
    }
    const def = ctx.model.entries[r.id].def!;
    const actual = ctx.ev.value(r.id);
    const base = { symbol: def.name, origin: request.origin, definedAt: def.nodes[0].at, request };
    const head = `${def.name} (${formatLocation(def.nodes[0].at)})`;
    const now = `${def.name} is ${displayValue((def.type ?? 'unknown'), actual)}`;
    if (!r.checked!.ok) {
      return {
        ...base,
        kind: 'type-mismatch',
        message: `${head} is a ${def.type} symbol, but ${by} requested ${asked}, which is not ${r.checked!.expected}; the request was ignored and ${now}.`,
        hint: r.checked!.hint,
      };
    }
    const wanted = r.checked!.text;
    if (sameValue(def, wanted, actual)) return undefined;
    const shown = def.type === 'bool' ? wanted : displayValue((def.type ?? 'unknown'), wanted);
    // A later request for the same symbol with another value overrides this one.
    const later = ctx.requests.find((x) => x.index > r.index && x.id === r.id && x.checked?.ok && x.checked.text !== wanted);
    if (later) {
      return {
        ...base,
        kind: 'duplicate-request',
        message: `${head} was requested ${shown} by ${by} and again ${formatValue(def, later.checked!)} by ${formatOrigin(later.request.origin)}; the later request wins, so ${now}.`,
        hint: 'remove one of the two requests',
      };
    }
    if (def.choice !== undefined) return this.choiceProblem(r, def, wanted, base, head);
    const ex = this.explainer;
    if (ctx.ev.visibility(r.id) === 0) {
      const dep = ex.visibilityDependency(r.id);
      const why = this.valueReason(r.id);
      if (!dep) {
        return {
          ...base,
          kind: 'not-visible',
          message: `${head} was requested ${shown} by ${by}, but it has no prompt, so only its defaults and selects set it; ${now}${why}.`,
          hint: promptlessHint(this.ctx, def),
        };
      }
      return {
        ...base,
        kind: 'unmet-dependency',
        message: `${head} was requested ${shown} by ${by}, but ${dependencyText(dep, 2)}; the request has no effect and ${now}${why}.`,
        hint: this.fixHint(dep),
      };
    }
    const causes = def.type === 'bool' ? def.selectedBy.filter((e) => ctx.ev.edgeValue(e) !== 0) : [];
    if (causes.length > 0) {
      const names = causes.map((e) => ctx.model.entries[e.from].name);
      const first = this.explainer.explain(causes[0].from);
      return {
        ...base,
        kind: 'forced-by-select',
        message: `${head} was requested n by ${by}, but ${causes.map((e, i) => `${names[i]} (select at ${formatLocation(e.at)})`).join(' and ')} ${causes.length === 1 ? 'selects' : 'select'} it, so it is y; ${names[0]} is y: ${briefReason(first)}.`,
        hint: `drop the request for ${def.name}=n, or turn off ${names.join(' and ')}`,
      };
    }
    const range = ctx.ev.activeRange(r.id);
    if (range && (def.type === 'int' || def.type === 'hex')) {
      const fmt = (n: bigint): string => (def.type === 'hex' ? pyHex(n) : n.toString());
      return {
        ...base,
        kind: 'out-of-range',
        message: `${head} was requested ${shown} by ${by}, outside its range [${fmt(range.low)}, ${fmt(range.high)}] (${formatLocation(range.def.at)}); the request was ignored and ${now}${this.valueReason(r.id)}.`,
        hint: `choose a value from ${fmt(range.low)} to ${fmt(range.high)}`,
      };
    }
    throw new Error(`Kiln internal error: the request ${def.name}=${wanted} by ${by} was not honoured (${def.name} is ${actual}) for no reason the resolver knows`);
  }

  private choiceProblem(r: AppliedRequest, def: SymbolDef, wanted: string, base: ProblemBase, head: string): ConfigProblem {
    const { ctx } = this;
    const ev = ctx.ev;
    const c = def.choice!;
    const choice = ctx.model.choices[c];
    const label = `${choiceLabel(choice)} (${formatLocation(choice.nodes[0].at)})`;
    const by = formatOrigin(r.request.origin);
    const sel = ev.selection(c);
    const selName = sel >= 0 ? ctx.model.entries[sel].name : undefined;
    if (wanted === 'y') {
      const dep = this.explainer.visibilityDependency(r.id);
      if (!dep && ev.visibility(r.id) === 0) {
        return {
          ...base,
          kind: 'not-visible',
          message: `${head} was requested y by ${by}, but it has no prompt, so ${label} can never select it; ${def.name} is n${selName ? ` (${label} selected ${selName})` : ''}.`,
          hint: `give ${def.name} a prompt in its Kconfig file, or request another member of ${choiceLabel(choice)}`,
        };
      }
      if (dep) {
        return {
          ...base,
          kind: 'unmet-dependency',
          message: `${head} was requested y by ${by}, but ${dependencyText(dep, 2)}; the request has no effect and ${def.name} is n${selName ? ` (${label} selected ${selName})` : ''}.`,
          hint: this.fixHint(dep),
        };
      }
      const winner = ev.user.choiceSelection[c];
      const winnerRequest = ctx.requests[ctx.choiceRequest[c]];
      if (winner < 0 || winner === r.id) {
        // Visible through a definition outside the choice, while the choice itself is off.
        const names = modelNames(ctx.model);
        const off = ev.choiceMode(c) !== 2;
        const deps = formatExpr(choice.directDep, names);
        return {
          ...base,
          kind: 'unmet-dependency',
          message: off
            ? `${head} was requested y by ${by}, but ${label} is off (${isAlways(choice.directDep) ? 'its prompt is not visible' : `it depends on ${deps}, which is n`}), so none of its members can be y; ${def.name} is n.`
            : `${head} was requested y by ${by}, but ${label} selected ${selName ?? 'nothing'}; ${def.name} is n.`,
          hint: off && !isAlways(choice.directDep) ? `make ${deps} y, or drop the request for ${def.name}` : `drop the request for ${def.name}`,
        };
      }
      const winnerName = ctx.model.entries[winner].name;
      const outcome = sel === winner ? `${def.name} is n` : `${winnerName} is not visible, so the choice fell back to ${selName ?? 'no member'} and ${def.name} is n`;
      return {
        ...base,
        kind: 'choice-conflict',
        message: `${head} was requested y by ${by}, but ${winnerName} (${formatLocation(ctx.model.entries[winner].def!.nodes[0].at)}) was requested y too, by ${formatOrigin(winnerRequest.request.origin)}, and both are members of ${label}, where only one can be y; the later request counts, and ${outcome}.`,
        hint: `choose one of ${def.name}, ${winnerName}`,
      };
    }
    // Requested n, but the choice selected it.
    const how = ev.selectionSource(c);
    const because = how === 'requested'
      ? `it was requested y by ${formatOrigin(ctx.requests[ctx.choiceRequest[c]].request.origin)}, and a member cannot be switched off by requesting n`
      : how === 'default'
        ? `it is the choice's default (${formatLocation(choice.defaults[ev.selectionDefault(c)].at)})`
        : 'it is the first visible member';
    const others = choice.members.filter((m) => m !== r.id && ev.visibility(m) !== 0).map((m) => ctx.model.entries[m].name);
    return {
      ...base,
      kind: 'choice-conflict',
      message: `${head} was requested n by ${by}, but ${label} needs one member y and selected ${def.name}, because ${because}.`,
      hint: others.length > 0 ? `request another member y instead: one of ${others.join(', ')}` : `${choiceLabel(choice)} has no other visible member`,
    };
  }

  /** Symbols forced y by select although their own dependencies are n. */
  selectProblems(): ConfigProblem[] {
    const { ctx } = this;
    const ev = ctx.ev;
    const problems: ConfigProblem[] = [];
    for (const id of ctx.model.defined) {
      const def = ctx.model.entries[id].def!;
      if (def.type !== 'bool' || def.choice !== undefined) continue;
      const direct = ev.eval(def.directDep);
      if (ev.triOf(id) !== 2 || ev.selectValue(id) <= direct) continue;
      const causes = def.selectedBy.filter((e) => ev.edgeValue(e) > direct);
      const selectors = causes.map((e) => this.explainer.explain(e.from));
      const dep = this.explainer.dependency(def.directDep);
      const asked = selectors.map((x) => this.requestBehind(x)).find((x) => x !== undefined);
      const hint = this.fixHint(dep);
      problems.push({
        kind: 'select-unmet-dependency',
        symbol: def.name,
        message: `${def.name} (${formatLocation(def.nodes[0].at)}) is y because ${causes.map((e, i) => `${selectors[i].symbol} selects it (${formatLocation(e.at)})`).join(' and ')}, but ${dependencyText(dep, 2)}, so the selected code may not build; ${selectors[0].symbol} is y: ${briefReason(selectors[0])}${asked ? '' : ' (no request asked for it)'}.`,
        origin: asked?.origin,
        definedAt: def.nodes[0].at,
        hint: hint ?? `turn off ${selectors.map((s) => s.symbol).join(' and ')}, or make the select conditional on ${dep.expression}`,
        request: asked,
      });
    }
    return problems;
  }

  // The request at the bottom of an explanation, following selects and implies.
  private requestBehind(e: Explanation, seen = new Set<string>()): ConfigRequest | undefined {
    if (seen.has(e.symbol)) return undefined;
    seen.add(e.symbol);
    const r = e.reason;
    if (r.kind === 'requested') return this.ctx.requests[this.ctx.lastRequest[this.ctx.model.byName.get(e.symbol)!]].request;
    if (r.kind === 'choice' && r.how === 'requested') {
      const c = this.ctx.model.entries[this.ctx.model.byName.get(e.symbol)!].def!.choice!;
      return this.ctx.requests[this.ctx.choiceRequest[c]].request;
    }
    if (r.kind === 'selected' || r.kind === 'implied') {
      for (const c of r.by) {
        const found = this.requestBehind(c.explanation, seen);
        if (found) return found;
      }
    }
    return undefined;
  }

  // ` (its default 4 at lib/x/Kconfig:3)`, or nothing when nothing set the value.
  private valueReason(id: number): string {
    const e = this.explainer.explain(id);
    return e.reason.kind === 'not-visible' || e.reason.kind === 'unset' ? '' : ` (${briefReason(e, 0)})`;
  }

  // `also request A=y and B=y`: the requests that would make a failing dependency hold.
  private fixHint(dep: DependencyExplanation): string | undefined {
    const fixes: string[] = [];
    this.collectFixes(dep, 0, fixes);
    const unique = [...new Set(fixes)];
    return unique.length > 0 ? `also request ${unique.join(' and ')}` : undefined;
  }

  private collectFixes(dep: DependencyExplanation, depth: number, out: string[]): void {
    const { ctx } = this;
    const ev = ctx.ev;
    for (const c of dep.because) {
      if (c.dependency) {
        if (depth < 4) this.collectFixes(c.dependency, depth + 1, out);
        continue;
      }
      if (c.note && c.name.startsWith('<choice')) {
        const choice = ctx.model.choices.find((x) => choiceLabel(x) === c.name);
        const members = choice?.members.filter((m) => ev.visibility(m) !== 0).map((m) => ctx.model.entries[m].name) ?? [];
        if (members.length > 0) out.push(`one of ${members.map((m) => `${m}=y`).join(', ')}`);
        continue;
      }
      const id = ctx.model.byName.get(c.name);
      const def = id === undefined ? undefined : ctx.model.entries[id].def;
      if (!def || !c.explanation || def.type !== 'bool') continue;
      const want = c.value === 'n' ? 'y' : 'n';
      const hidden = ex(c.explanation);
      if (ev.visibility(id!) !== 0 && !(want === 'n' && ev.selectValue(id!) !== 0)) {
        out.push(`${def.name}=${want}`);
      } else if (hidden && depth < 4) {
        // First what makes it visible, then the symbol itself.
        this.collectFixes(hidden, depth + 1, out);
        out.push(`${def.name}=${want}`);
      } else if (want === 'y' && !def.nodes.some((n) => n.prompt) && def.selectedBy.length > 0) {
        out.push(def.selectedBy.map((e) => `${ctx.model.entries[e.from].name}=y`).join(' or '));
      }
    }
  }
}

// The dependency that hides an explained symbol, if that is why it has its value.
function ex(e: Explanation): DependencyExplanation | undefined {
  return e.reason.kind === 'not-visible' ? e.reason.dependency : undefined;
}

type ProblemBase = Pick<ConfigProblem, 'symbol' | 'origin' | 'definedAt' | 'request'>;

function sameValue(def: SymbolDef, wanted: string, actual: string): boolean {
  if (def.type === 'int' || def.type === 'hex') {
    const base = def.type === 'hex' ? 16 : 10;
    const a = parsePyInt(wanted, base);
    const b = parsePyInt(actual, base);
    if (a !== undefined && b !== undefined) return a === b;
  }
  return wanted === actual;
}

function formatValue(def: SymbolDef, checked: CheckedValue): string {
  const text = checked.ok ? checked.text : '';
  return def.type === 'bool' ? text : displayValue((def.type ?? 'unknown'), text);
}

function promptlessHint(ctx: ResolutionContext, def: SymbolDef): string | undefined {
  const names = modelNames(ctx.model);
  const selectors = [...new Set(def.selectedBy.map((e) => ctx.model.entries[e.from].name))];
  if (selectors.length > 0) return `request a symbol that selects it instead: ${selectors.join(', ')}`;
  const impliers = [...new Set(def.impliedBy.map((e) => ctx.model.entries[e.from].name))];
  if (impliers.length > 0) return `request a symbol that implies it instead: ${impliers.join(', ')}`;
  if (def.defaults.length > 0) {
    return `its defaults decide it: ${def.defaults.map((d) => `${formatExpr(d.value, names)}${d.written ? ` if ${formatExpr(d.written, names)}` : ''}`).join(', then ')}`;
  }
  return undefined;
}
