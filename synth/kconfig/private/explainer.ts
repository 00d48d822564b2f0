// SPDX-License-Identifier: MIT
/**
 * Builds the explanations of one resolution (see explain.ts for their shape).
 */
import {
  type Cause, type CulpritExplanation, type DependencyExplanation, displayValue, type Explanation, type ExplanationReason,
} from '../explain.ts';
import type { ConfigProblem } from '../problem.ts';
import { culprits, failingParts, type Culprit } from './blame.ts';
import type { ResolutionContext } from './context.ts';
import { type Expr, formatExpr } from './expr.ts';
import type { ReverseDef } from './model.ts';
import { choiceLabel, modelNames } from './names.ts';

/** Builds explanations for one resolution, sharing them between symbols. */
export class Explainer {
  private readonly memo = new Map<number, Explanation>();

  constructor(
    private readonly ctx: ResolutionContext,
    private readonly problemsFor: (symbol: string) => readonly ConfigProblem[] = () => [],
  ) {}

  /** Explains a defined symbol's value. */
  explain(id: number): Explanation {
    let e = this.memo.get(id);
    if (!e) {
      const def = this.ctx.model.entries[id].def!;
      e = Object.freeze({
        symbol: def.name,
        type: (def.type ?? 'unknown'),
        value: this.ctx.ev.value(id),
        definedAt: def.nodes[0].at,
        reason: this.reason(id),
        overruledRequests: this.problemsFor(def.name),
      });
      this.memo.set(id, e);
    }
    return e;
  }

  /** Why a symbol is not visible; undefined when it is visible or has no prompt. */
  visibilityDependency(id: number): DependencyExplanation | undefined {
    const ev = this.ctx.ev;
    if (ev.visibility(id) !== 0) return undefined;
    const node = this.ctx.model.entries[id].def!.nodes.find((n) => n.prompt);
    return node && this.dependency(node.prompt!.cond);
  }

  /** Why a choice is not visible; undefined when it is. */
  choiceDependency(c: number): DependencyExplanation | undefined {
    if (this.ctx.ev.choiceVisibility(c) !== 0) return undefined;
    const node = this.ctx.model.choices[c].nodes.find((n) => n.prompt);
    return node && this.dependency(node.prompt!.cond);
  }

  /**
   * Why condition `cond` (which is n) is n.
   *
   * A choice member's conditions include its choice; when that part fails
   * because the choice itself is hidden, the choice's own failing
   * dependencies are shown instead, since the member inherits them.
   */
  dependency(cond: Expr): DependencyExplanation {
    const { model, ev } = this.ctx;
    const names = modelNames(model);
    const parts: Expr[] = [];
    const expand = (e: Expr, depth: number): void => {
      for (const p of failingParts(ev, e)) {
        const hidden = p.k === 'choice' && depth < 8 && ev.choiceVisibility(p.choice) === 0
          ? model.choices[p.choice].nodes.find((n) => n.prompt)
          : undefined;
        if (hidden) expand(hidden.prompt!.cond, depth + 1);
        else parts.push(p);
      }
    };
    expand(cond, 0);
    const blamed: Culprit[] = [];
    for (const p of parts) blamed.push(...culprits(this.ctx.ev, p));
    const seen = new Set<string>();
    const because = blamed
      .filter((c) => {
        const key = c.k === 'symbol' ? `s${c.id}` : `c${c.choice}`;
        return !seen.has(key) && !!seen.add(key);
      })
      .map((c) => this.culprit(c));
    return { expression: parts.map((p) => formatExpr(p, names)).join(' && '), because };
  }

  /** Explains one culprit. */
  culprit(c: Culprit): CulpritExplanation {
    const { model, ev } = this.ctx;
    if (c.k === 'choice') {
      const choice = model.choices[c.choice];
      const dependency = this.choiceDependency(c.choice);
      return {
        name: choiceLabel(choice),
        value: ev.choiceMode(c.choice) === 2 ? 'y' : 'n',
        definedAt: choice.nodes[0].at,
        dependency,
        note: dependency || ev.choiceMode(c.choice) === 2 ? undefined : 'the choice is optional and none of its members was requested y',
      };
    }
    const entry = model.entries[c.id];
    if (entry.kind !== 'defined') return { name: entry.name, value: 'n', note: 'no Kconfig file defines it' };
    return { name: entry.name, value: ev.value(c.id), definedAt: entry.def!.nodes[0].at, explanation: this.explain(c.id) };
  }

  private reason(id: number): ExplanationReason {
    const { model, ev } = this.ctx;
    const def = model.entries[id].def!;
    const names = modelNames(model);
    const fmt = (e: Parameters<typeof formatExpr>[0] | undefined): string | undefined => (e ? formatExpr(e, names) : undefined);
    switch (ev.source(id)) {
      case 'requested': {
        const r = this.ctx.requests[this.ctx.lastRequest[id]];
        const text = r.checked?.ok ? r.checked.text : '';
        return { kind: 'requested', origin: r.request.origin, requested: def.type === 'bool' ? text : displayValue((def.type ?? 'unknown'), text) };
      }
      case 'default': {
        const d = def.defaults[ev.sourceIndex(id)];
        return { kind: 'default', at: d.at, expression: formatExpr(d.value, names), condition: fmt(d.written) };
      }
      case 'selected':
        return { kind: 'selected', by: this.causes(def.selectedBy) };
      case 'implied':
        return { kind: 'implied', by: this.causes(def.impliedBy) };
      case 'clamped': {
        const range = ev.activeRange(id)!;
        const index = ev.sourceIndex(id);
        const d = index >= 0 ? def.defaults[index] : undefined;
        return {
          kind: 'clamped',
          range: { low: names.entry(range.def.low), high: names.entry(range.def.high), at: range.def.at },
          from: d && d.value.k === 'ref' ? ev.value(d.value.id) : '',
          default: d && { at: d.at, expression: formatExpr(d.value, names), condition: fmt(d.written) },
        };
      }
      case 'choice': {
        const c = def.choice!;
        const choice = model.choices[c];
        const sel = ev.selection(c);
        const how = ev.selectionSource(c) ?? 'off';
        const request = this.ctx.choiceRequest[c];
        return {
          kind: 'choice',
          choice: choiceLabel(choice),
          choiceAt: choice.nodes[0].at,
          selection: sel >= 0 ? model.entries[sel].name : undefined,
          how,
          origin: how === 'requested' && request >= 0 ? this.ctx.requests[request].request.origin : undefined,
          defaultAt: how === 'default' ? choice.defaults[ev.selectionDefault(c)].at : undefined,
        };
      }
      case 'unset':
        return { kind: 'unset' };
      case 'invisible':
        return { kind: 'not-visible', dependency: this.visibilityDependency(id) };
    }
  }

  private causes(edges: readonly ReverseDef[]): Cause[] {
    const { model, ev } = this.ctx;
    const names = modelNames(model);
    return edges
      .filter((e) => ev.edgeValue(e) !== 0)
      .map((e) => ({
        symbol: model.entries[e.from].name,
        at: e.at,
        condition: e.written ? formatExpr(e.written, names) : undefined,
        explanation: this.explain(e.from),
      }));
  }
}

