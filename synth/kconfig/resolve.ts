// SPDX-License-Identifier: MIT
/**
 * Resolves one image's configuration: requests in, every symbol's value,
 * the unhonoured requests, and explanations out.
 */
import { applyRequests, type ResolutionContext } from './private/context.ts';
import { Evaluation } from './private/evaluate.ts';
import type { Explanation } from './explain.ts';
import { Explainer } from './private/explainer.ts';
import { clampWarnings, findProblems } from './private/unhonoured-requests.ts';
import type { ConfigProblem } from './problem.ts';
import type { ConfigRequest } from './requests.ts';
import type { KconfigTree } from './tree.ts';
import { writeConfigHeader, writeDotConfig } from './private/write.ts';

/** The outcome of resolving one set of requests over a tree. */
export interface Resolution {
  /**
   * Every defined symbol, in definition order, as kconfiglib's str_value:
   * bool 'y'|'n'; int decimal; hex as written by its request or default
   * (a number requested for a hex symbol is written '0x..'); string raw
   * (unquoted). An int or hex that is not visible and has no default is ''.
   */
  readonly values: ReadonlyMap<string, string>;
  /** Every request that was not honoured, and every symbol selected past its dependencies. */
  readonly problems: readonly ConfigProblem[];
  /**
   * What kconfiglib would warn about for this configuration, as
   * `file:line: text`: a default outside its symbol's active range, which
   * was clamped into it. (The tree's own warnings are KconfigTree.warnings.)
   */
  readonly warnings: readonly string[];
  /** True when the symbol is a bool that is y. */
  isEnabled(symbol: string): boolean;
  /** The symbol's value, or undefined when no Kconfig file defines it. */
  value(symbol: string): string | undefined;
  /** Why the symbol has its value; throws for a symbol no Kconfig file defines. */
  explain(symbol: string): Explanation;
  /** The .config text, as kconfiglib's write_config() writes it. */
  dotConfig(): string;
  /** The C header, as kconfiglib's write_autoconf() writes it. */
  configHeader(): string;
}

/**
 * Resolves `requests` over `tree` with Kconfig's semantics (as kconfiglib
 * implements them), as if the requests were a defconfig fragment loaded in
 * order: a later request for the same symbol wins.
 *
 * Never throws for a bad request: each one that cannot be honoured becomes
 * a problem, so that a whole fleet's mistakes can be reported at once.
 */
export function resolveConfig(tree: KconfigTree, requests: readonly ConfigRequest[]): Resolution {
  return new KconfigResolution(tree, requests);
}

class KconfigResolution implements Resolution {
  readonly values: ReadonlyMap<string, string>;
  readonly problems: readonly ConfigProblem[];
  readonly warnings: readonly string[];
  private readonly ctx: ResolutionContext;
  private explainer?: Explainer;
  private dotConfigText?: string;
  private headerText?: string;

  constructor(
    private readonly tree: KconfigTree,
    requests: readonly ConfigRequest[],
  ) {
    const model = tree.model;
    const applied = applyRequests(model, requests);
    const ev = new Evaluation(model, applied);
    this.ctx = {
      tree, model, ev, requests: applied.requests, lastRequest: applied.lastRequest, choiceRequest: applied.choiceRequest,
    };
    const values = new Map<string, string>();
    for (const id of model.defined) values.set(model.entries[id].name, ev.value(id));
    this.values = values;
    this.problems = Object.freeze(findProblems(this.ctx));
    this.warnings = Object.freeze(clampWarnings(this.ctx));
  }

  isEnabled(symbol: string): boolean {
    return this.values.get(symbol) === 'y' && this.tree.trySymbol(symbol)?.type === 'bool';
  }

  value(symbol: string): string | undefined {
    return this.values.get(symbol);
  }

  explain(symbol: string): Explanation {
    this.tree.symbol(symbol);
    if (!this.explainer) {
      const bySymbol = new Map<string, ConfigProblem[]>();
      for (const p of this.problems) {
        if (p.request && p.request.symbol === p.symbol) bySymbol.set(p.symbol, [...(bySymbol.get(p.symbol) ?? []), p]);
      }
      this.explainer = new Explainer(this.ctx, (s) => bySymbol.get(s) ?? []);
    }
    return this.explainer.explain(this.ctx.model.byName.get(symbol)!);
  }

  dotConfig(): string {
    return (this.dotConfigText ??= writeDotConfig(this.ctx.model, this.ctx.ev));
  }

  configHeader(): string {
    return (this.headerText ??= writeConfigHeader(this.ctx.model, this.ctx.ev));
  }
}
