// SPDX-License-Identifier: MIT
/**
 * Finds dependency loops, which make a configuration undefined.
 *
 * The graph and the search are kconfiglib's, so that Kiln refuses exactly
 * the trees the reference refuses. A symbol depends on everything in its
 * prompt conditions, its defaults and their conditions, its selects and
 * implies (the selecting symbol and the condition), its ranges and its
 * direct dependencies; a choice on its prompt conditions and its defaults'
 * conditions. A choice member is tied to its siblings: reaching a choice
 * through one member goes on to every other member, since which member the
 * choice selects depends on all of them.
 */
import { type Expr, N_ID, visitExpr } from './expr.ts';
import type { KconfigModel } from './model.ts';

/** One vertex: a defined symbol (entry id) or a choice. */
type Item = { readonly k: 'sym'; readonly id: number } | { readonly k: 'choice'; readonly id: number };

/**
 * Returns the names on a dependency loop (the first repeated at the end),
 * or undefined when there is none.
 */
export function findDependencyLoop(model: KconfigModel): string[] | undefined {
  return new LoopSearch(model).run();
}

const UNVISITED = 0;
const ON_PATH = 1;
const DONE = 2;

class LoopFound {
  constructor(readonly items: readonly Item[]) {}
}

class LoopSearch {
  // Who depends on each symbol, in the order found. (What depends on a
  // choice is only ever its members, which the search reaches through
  // checkChoice, as kconfiglib's does.)
  private readonly symDependents: Item[][];
  private readonly symState: Uint8Array;
  private readonly choiceState: Uint8Array;

  constructor(private readonly model: KconfigModel) {
    this.symDependents = model.entries.map(() => []);
    this.symState = new Uint8Array(model.entries.length);
    this.choiceState = new Uint8Array(model.choices.length);
    this.buildGraph();
  }

  run(): string[] | undefined {
    try {
      for (const id of this.model.defined) this.checkSymbol(id, false);
      return undefined;
    } catch (e) {
      if (!(e instanceof LoopFound)) throw e;
      const names = e.items.map((item) => this.label(item));
      return [...names, names[0]];
    }
  }

  private buildGraph(): void {
    const seen = new Set<string>();
    const dependOn = (dependent: Item, e: Expr): void => {
      visitExpr(
        e,
        (id) => {
          if (this.model.entries[id].kind !== 'defined') return;
          const key = `${dependent.k}${dependent.id}>s${id}`;
          if (!seen.has(key)) {
            seen.add(key);
            this.symDependents[id].push(dependent);
          }
        },
      );
    };
    for (const id of this.model.defined) {
      const def = this.model.entries[id].def!;
      const me: Item = { k: 'sym', id };
      for (const node of def.nodes) if (node.prompt) dependOn(me, node.prompt.cond);
      for (const d of def.defaults) {
        dependOn(me, d.value);
        dependOn(me, d.cond);
      }
      for (const s of [...def.selectedBy, ...def.impliedBy]) {
        // `FROM && cond` simplifies to n when the condition is the constant n.
        if (s.cond.k === 'ref' && s.cond.id === N_ID) continue;
        dependOn(me, { k: 'ref', id: s.from });
        dependOn(me, s.cond);
      }
      for (const r of def.ranges) {
        dependOn(me, { k: 'ref', id: r.low });
        dependOn(me, { k: 'ref', id: r.high });
        dependOn(me, r.cond);
      }
      dependOn(me, def.directDep);
    }
    for (const choice of this.model.choices) {
      const me: Item = { k: 'choice', id: choice.id };
      for (const node of choice.nodes) if (node.prompt) dependOn(me, node.prompt.cond);
      for (const d of choice.defaults) dependOn(me, d.cond);
    }
  }

  private checkSymbol(id: number, ignoreChoice: boolean): readonly Item[] | undefined {
    const state = this.symState[id];
    if (state === DONE) return undefined;
    const me: Item = { k: 'sym', id };
    if (state === ON_PATH) return [me];
    this.symState[id] = ON_PATH;
    for (const dep of this.symDependents[id]) {
      const loop = dep.k === 'choice' ? this.checkChoice(dep.id, undefined) : this.checkSymbol(dep.id, false);
      if (loop) return this.closing(loop, me);
    }
    const choice = this.model.entries[id].def!.choice;
    if (choice !== undefined && !ignoreChoice) {
      const loop = this.checkChoice(choice, id);
      if (loop) return this.closing(loop, me);
    }
    this.symState[id] = DONE;
    return undefined;
  }

  private checkChoice(c: number, skip: number | undefined): readonly Item[] | undefined {
    const state = this.choiceState[c];
    if (state === DONE) return undefined;
    const me: Item = { k: 'choice', id: c };
    if (state === ON_PATH) return [me];
    this.choiceState[c] = ON_PATH;
    for (const m of this.model.choices[c].members) {
      if (m === skip) continue;
      const loop = this.checkSymbol(m, true);
      if (loop) return this.closing(loop, me);
    }
    this.choiceState[c] = DONE;
    return undefined;
  }

  // On the way back from a loop: extends it, or throws once it is closed.
  private closing(loop: readonly Item[], cur: Item): readonly Item[] {
    const first = loop[0];
    if (first.k !== cur.k || first.id !== cur.id) return [...loop, cur];
    throw new LoopFound([...loop].reverse());
  }

  private label(item: Item): string {
    if (item.k === 'sym') return this.model.entries[item.id].name;
    const name = this.model.choices[item.id].name;
    return name === undefined ? '<choice>' : `<choice ${name}>`;
  }
}
