// SPDX-License-Identifier: MIT
/**
 * Finds dependency loops, which make a configuration undefined.
 *
 * The graph has two vertices per symbol (its visibility and its value) and
 * two per choice (its mode and its selection), so that a choice member
 * depending on its own choice (always true) is not a loop, while a member
 * whose prompt depends on a symbol that depends on a sibling member is:
 * the choice's selection needs that member's visibility.
 */
import { type Expr, visitExpr } from './expr.ts';
import type { KconfigModel } from './model.ts';

/**
 * Returns the entry ids of the symbols on a dependency loop (the first one
 * repeated at the end), or undefined when there is none.
 */
export function findDependencyLoop(model: KconfigModel): number[] | undefined {
  const symbolCount = model.entries.length;
  const vertexCount = 2 * symbolCount + 2 * model.choices.length;
  const visOf = (id: number): number => 2 * id;
  const valOf = (id: number): number => 2 * id + 1;
  const modeOf = (c: number): number => 2 * symbolCount + 2 * c;
  const selOf = (c: number): number => 2 * symbolCount + 2 * c + 1;

  const edges: number[][] = Array.from({ length: vertexCount }, () => []);
  const addExpr = (from: number, e: Expr): void => {
    visitExpr(
      e,
      (id) => {
        if (model.entries[id].kind === 'defined') edges[from].push(valOf(id));
      },
      (c) => edges[from].push(modeOf(c)),
    );
  };
  const addRef = (from: number, id: number): void => addExpr(from, { k: 'ref', id });

  for (const id of model.defined) {
    const def = model.entries[id].def!;
    for (const node of def.nodes) if (node.prompt) addExpr(visOf(id), node.prompt.cond);
    const val = valOf(id);
    edges[val].push(visOf(id));
    for (const d of def.defaults) {
      addExpr(val, d.value);
      addExpr(val, d.cond);
    }
    for (const r of def.ranges) {
      addRef(val, r.low);
      addRef(val, r.high);
      addExpr(val, r.cond);
    }
    for (const s of [...def.selectedBy, ...def.impliedBy]) {
      addRef(val, s.from);
      addExpr(val, s.cond);
    }
    addExpr(val, def.directDep);
    if (def.choice !== undefined) edges[val].push(selOf(def.choice));
  }
  for (const choice of model.choices) {
    for (const node of choice.nodes) if (node.prompt) addExpr(modeOf(choice.id), node.prompt.cond);
    const sel = selOf(choice.id);
    edges[sel].push(modeOf(choice.id));
    for (const m of choice.members) edges[sel].push(visOf(m));
    for (const d of choice.defaults) {
      edges[sel].push(visOf(d.sym));
      addExpr(sel, d.cond);
    }
  }

  const cycle = findCycle(edges);
  if (!cycle) return undefined;
  // Name the loop by symbols only, dropping repeats (visibility then value of one symbol).
  const ids: number[] = [];
  for (const v of cycle) {
    if (v >= 2 * symbolCount) continue;
    const id = v >> 1;
    if (ids[ids.length - 1] !== id) ids.push(id);
  }
  if (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
  return ids.length > 0 ? [...ids, ids[0]] : undefined;
}

// Iterative depth-first search; returns the vertices of one cycle, in order.
function findCycle(edges: readonly number[][]): number[] | undefined {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const color = new Uint8Array(edges.length);
  const stack: number[] = [];
  const next: number[] = [];
  for (let root = 0; root < edges.length; root++) {
    if (color[root] !== WHITE) continue;
    stack.push(root);
    next.push(0);
    color[root] = GREY;
    while (stack.length > 0) {
      const v = stack[stack.length - 1];
      const i = next[next.length - 1];
      if (i >= edges[v].length) {
        color[v] = BLACK;
        stack.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const w = edges[v][i];
      if (color[w] === GREY) return stack.slice(stack.indexOf(w));
      if (color[w] === WHITE) {
        color[w] = GREY;
        stack.push(w);
        next.push(0);
      }
    }
  }
  return undefined;
}
