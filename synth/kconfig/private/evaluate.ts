// SPDX-License-Identifier: MIT
/**
 * Kconfig value semantics: what every symbol evaluates to, given user values.
 *
 * This follows kconfiglib, the reference implementation, rule for rule:
 *
 * - Visibility is the best of a symbol's prompt conditions (which carry its
 *   dependencies); a user value counts only while the symbol is visible.
 * - A bool without a (visible) user value takes its first default whose
 *   condition holds, then is raised by `imply` when its own dependencies
 *   hold, and finally by `select`, which ignores its dependencies.
 * - A choice is on when visible (an optional one only when a member was
 *   requested); its selection is the member the user asked for if visible,
 *   else its first applicable default, else its first visible member.
 * - An int or hex takes a visible, in-range user value; otherwise its first
 *   applicable default, clamped into the first active range (even with no
 *   default at all, which is why an unset int can read as its range minimum).
 *
 * Values are computed lazily and cached, so evaluating one symbol touches
 * only what it depends on. The loader refuses the loops kconfiglib refuses;
 * one hidden behind a condition that only some requests meet is met here,
 * read as n and reported (Evaluation.loops), never followed forever.
 */
import { type Expr, M_ID, N_ID, type Tri, Y_ID } from './expr.ts';
import type { KconfigModel, RangeDef, ReverseDef } from './model.ts';
import { choiceLabel } from './names.ts';
import { parsePyInt, pyCompare, pyHex, type PyIntBase } from './python-numbers.ts';

/** The user values of one resolution, per entry id and per choice. */
export interface UserValues {
  /** Per entry: the value as Kconfig stores it (y/n for bools), or undefined. */
  readonly text: readonly (string | undefined)[];
  /** Per choice: whether a member was requested y (which switches an optional choice on). */
  readonly choiceOn: readonly boolean[];
  /** Per choice: the member last requested y, or -1. */
  readonly choiceSelection: readonly number[];
}

/** What decided a symbol's value. */
export type ValueSource =
  /** A visible user value. */
  | 'requested'
  /** A default whose condition held (see sourceIndex). */
  | 'default'
  /** An `imply` raised it. */
  | 'implied'
  /** A `select` forced it. */
  | 'selected'
  /** A default (or the empty value) was moved into the active range. */
  | 'clamped'
  /** It is a choice member: on if it is the selection. */
  | 'choice'
  /** Visible, but nothing asked for it and no default applies. */
  | 'unset'
  /** Not visible and nothing else gave it a value. */
  | 'invisible';

/** How a choice's selection was made. */
export type SelectionSource = 'requested' | 'default' | 'first-visible';

/** The first active range of an int or hex symbol, as numbers. */
export interface ActiveRange {
  readonly def: RangeDef;
  readonly low: bigint;
  readonly high: bigint;
}

const UNKNOWN = -1;
const BUSY = -2;
// Selections use -1 for "none", so "not computed yet" needs another value.
const SELECTION_UNKNOWN = -3;
const TRI_TEXT = ['n', 'm', 'y'] as const;

/** Lazily evaluated values of every symbol for one set of user values. */
export class Evaluation {
  private readonly vis: Int8Array;
  private readonly tri: Int8Array;
  private readonly str: (string | undefined)[];
  private readonly writes: Uint8Array;
  private readonly sources: (ValueSource | undefined)[];
  private readonly sourceIndexes: Int32Array;
  private readonly choiceVis: Int8Array;
  private readonly choiceModes: Int8Array;
  private readonly selections: Int32Array;
  private readonly selectionSources: (SelectionSource | undefined)[];
  private readonly selectionDefaults: Int32Array;

  /**
   * Symbols and choices whose value, for these user values, depends on
   * itself: a loop kconfiglib's load-time search can miss (it then fails
   * with a RecursionError). The value being computed reads as n there, and
   * the resolution reports the loop instead of throwing.
   */
  readonly loops: string[] = [];

  constructor(
    readonly model: KconfigModel,
    readonly user: UserValues,
  ) {
    const n = model.entries.length;
    const c = model.choices.length;
    this.vis = new Int8Array(n).fill(UNKNOWN);
    this.tri = new Int8Array(n).fill(UNKNOWN);
    this.str = new Array<string | undefined>(n);
    this.writes = new Uint8Array(n);
    this.sources = new Array<ValueSource | undefined>(n);
    this.sourceIndexes = new Int32Array(n).fill(-1);
    this.choiceVis = new Int8Array(c).fill(UNKNOWN);
    this.choiceModes = new Int8Array(c).fill(UNKNOWN);
    this.selections = new Int32Array(c).fill(SELECTION_UNKNOWN);
    this.selectionSources = new Array<SelectionSource | undefined>(c);
    this.selectionDefaults = new Int32Array(c).fill(-1);
  }

  private looped<T>(what: string, value: T): T {
    if (!this.loops.includes(what)) this.loops.push(what);
    return value;
  }

  // --- values ------------------------------------------------------------------

  /** The value of any entry as a string: y/n for bools, the number or text otherwise; a constant's own text. */
  value(id: number): string {
    const entry = this.model.entries[id];
    if (entry.kind === 'tristate') return TRI_TEXT[this.triOf(id)];
    if (entry.kind !== 'defined') return entry.name;
    this.compute(id);
    return this.str[id] ?? '';
  }

  /** The logical value of any entry: a bool's n/y; constants, undefined names and non-bools are n. */
  triOf(id: number): Tri {
    if (id === N_ID) return 0;
    if (id === M_ID) return 1;
    if (id === Y_ID) return 2;
    const entry = this.model.entries[id];
    if (entry.kind !== 'defined' || entry.def!.type !== 'bool') return 0;
    this.compute(id);
    return this.tri[id] < 0 ? 0 : (this.tri[id] as Tri);
  }

  /** Whether the symbol is written to .config (visible, or given a value by a default, imply or select). */
  writesToConfig(id: number): boolean {
    this.compute(id);
    return this.writes[id] === 1;
  }

  /** What decided the symbol's value. */
  source(id: number): ValueSource {
    this.compute(id);
    return this.sources[id] ?? 'invisible';
  }

  /** For 'default' and 'clamped' sources: the index of the default used, or -1. */
  sourceIndex(id: number): number {
    this.compute(id);
    return this.sourceIndexes[id];
  }

  /** The visibility of a defined symbol: n when no prompt condition holds, else y. */
  visibility(id: number): Tri {
    const cached = this.vis[id];
    if (cached >= 0) return cached as Tri;
    if (cached === BUSY) return this.looped(this.model.entries[id].name, 0);
    this.vis[id] = BUSY;
    let v: Tri = 0;
    const def = this.model.entries[id].def;
    if (def) {
      for (const node of def.nodes) {
        if (node.prompt) v = Math.max(v, this.eval(node.prompt.cond)) as Tri;
      }
    }
    if (v === 1) v = 2;
    this.vis[id] = v;
    return v;
  }

  /** The value of a `select` (or `imply`) edge: the selector's value, capped by the condition. */
  edgeValue(edge: ReverseDef): Tri {
    const from = this.triOf(edge.from);
    return from === 0 ? 0 : (Math.min(from, this.eval(edge.cond)) as Tri);
  }

  /** The strongest `select` on a symbol. */
  selectValue(id: number): Tri {
    let v: Tri = 0;
    for (const e of this.model.entries[id].def!.selectedBy) {
      v = Math.max(v, this.edgeValue(e)) as Tri;
      if (v === 2) break;
    }
    return v;
  }

  /** The strongest `imply` on a symbol. */
  implyValue(id: number): Tri {
    let v: Tri = 0;
    for (const e of this.model.entries[id].def!.impliedBy) {
      v = Math.max(v, this.edgeValue(e)) as Tri;
      if (v === 2) break;
    }
    return v;
  }

  /** The first range of an int or hex symbol whose condition holds. */
  activeRange(id: number): ActiveRange | undefined {
    const def = this.model.entries[id].def!;
    const base: PyIntBase = def.type === 'hex' ? 16 : 10;
    for (const r of def.ranges) {
      if (this.eval(r.cond)) {
        // A bound that is not a number counts as 0, as strtoll() would read it.
        return { def: r, low: parsePyInt(this.value(r.low), base) ?? 0n, high: parsePyInt(this.value(r.high), base) ?? 0n };
      }
    }
    return undefined;
  }

  // --- choices -------------------------------------------------------------------

  /** The visibility of a choice: n when no prompt condition holds, else y. */
  choiceVisibility(c: number): Tri {
    if (this.choiceVis[c] >= 0) return this.choiceVis[c] as Tri;
    let v: Tri = 0;
    for (const node of this.model.choices[c].nodes) {
      if (node.prompt) v = Math.max(v, this.eval(node.prompt.cond)) as Tri;
    }
    if (v === 1) v = 2;
    this.choiceVis[c] = v;
    return v;
  }

  /** Whether a choice is on (y) or off (n): on when visible, unless optional and no member was requested. */
  choiceMode(c: number): Tri {
    if (this.choiceModes[c] >= 0) return this.choiceModes[c] as Tri;
    let v = this.model.choices[c].optional ? 0 : 1;
    if (this.user.choiceOn[c]) v = 2;
    v = Math.min(v, this.choiceVisibility(c));
    if (v === 1) v = 2;
    this.choiceModes[c] = v;
    return v as Tri;
  }

  /** The member a choice selects, or -1 when it is off or has no visible member. */
  selection(c: number): number {
    const cached = this.selections[c];
    if (cached >= -1) return cached;
    if (cached === BUSY) return this.looped(choiceLabel(this.model.choices[c]), -1);
    this.selections[c] = BUSY;
    let sel = -1;
    const choice = this.model.choices[c];
    if (this.choiceMode(c) === 2) {
      const wanted = this.user.choiceSelection[c];
      if (wanted >= 0 && this.visibility(wanted)) {
        sel = wanted;
        this.selectionSources[c] = 'requested';
      } else {
        const d = choice.defaults.findIndex((x) => this.eval(x.cond) !== 0 && this.visibility(x.sym) !== 0);
        if (d >= 0) {
          sel = choice.defaults[d].sym;
          this.selectionSources[c] = 'default';
          this.selectionDefaults[c] = d;
        } else {
          sel = choice.members.find((m) => this.visibility(m) !== 0) ?? -1;
          if (sel >= 0) this.selectionSources[c] = 'first-visible';
        }
      }
    }
    this.selections[c] = sel;
    return sel;
  }

  /** How a choice's selection was made (undefined when it has none). */
  selectionSource(c: number): SelectionSource | undefined {
    this.selection(c);
    return this.selectionSources[c];
  }

  /** For a selection made by a default: that default's index. */
  selectionDefault(c: number): number {
    this.selection(c);
    return this.selectionDefaults[c];
  }

  // --- expressions ---------------------------------------------------------------

  /** Evaluates an expression to n (0), m (1) or y (2). */
  eval(e: Expr): Tri {
    switch (e.k) {
      case 'ref':
        return this.triOf(e.id);
      case 'choice':
        return this.choiceMode(e.choice);
      case 'not':
        return (2 - this.eval(e.a)) as Tri;
      case 'and': {
        const a = this.eval(e.a);
        return a === 0 ? 0 : (Math.min(a, this.eval(e.b)) as Tri);
      }
      case 'or': {
        const a = this.eval(e.a);
        return a === 2 ? 2 : (Math.max(a, this.eval(e.b)) as Tri);
      }
      case 'cmp': {
        const c = this.compare(e.a, e.b);
        switch (e.op) {
          case '=': return c === 0 ? 2 : 0;
          case '!=': return c !== 0 ? 2 : 0;
          case '<': return c < 0 ? 2 : 0;
          case '<=': return c <= 0 ? 2 : 0;
          case '>': return c > 0 ? 2 : 0;
          case '>=': return c >= 0 ? 2 : 0;
        }
      }
    }
  }

  // Two strings compare as text; anything else as numbers when both read as
  // numbers (bools as 0/2), and as text otherwise.
  private compare(a: number, b: number): number {
    if (this.typeOf(a) === 'string' && this.typeOf(b) === 'string') return pyCompare(this.value(a), this.value(b));
    const na = this.numberOf(a);
    const nb = na === undefined ? undefined : this.numberOf(b);
    if (na === undefined || nb === undefined) return pyCompare(this.value(a), this.value(b));
    return na < nb ? -1 : na > nb ? 1 : 0;
  }

  private typeOf(id: number): string {
    const entry = this.model.entries[id];
    if (entry.kind === 'tristate') return 'bool';
    return (entry.kind === 'defined' && entry.def!.type) || 'unknown';
  }

  private numberOf(id: number): bigint | undefined {
    const type = this.typeOf(id);
    if (type === 'bool') return BigInt(this.triOf(id));
    return parsePyInt(this.value(id), type === 'int' ? 10 : type === 'hex' ? 16 : 0);
  }

  // --- one symbol ------------------------------------------------------------------

  private compute(id: number): void {
    if (this.tri[id] >= 0) return;
    if (this.tri[id] === BUSY) {
      this.looped(this.model.entries[id].name, 0);
      return;
    }
    this.tri[id] = BUSY;
    const def = this.model.entries[id].def!;
    switch (def.type) {
      case 'bool':
        if (def.choice === undefined) this.computeBool(id);
        else this.computeMember(id, def.choice);
        break;
      case 'int':
      case 'hex':
        this.computeNumber(id, def.type === 'hex' ? 16 : 10);
        break;
      case 'string':
        this.computeString(id);
        break;
      default:
        // A symbol without a type reads as its own name, like a name nothing defines.
        this.settle(id, 0, def.name, 'invisible', -1, false);
    }
    if (def.noWrite && def.type !== 'bool') this.writes[id] = 0;
  }

  private settle(id: number, tri: Tri, str: string, source: ValueSource, index: number, write: boolean): void {
    this.tri[id] = tri;
    this.str[id] = str;
    this.sources[id] = source;
    this.sourceIndexes[id] = index;
    this.writes[id] = write ? 1 : 0;
  }

  private computeBool(id: number): void {
    const def = this.model.entries[id].def!;
    const vis = this.visibility(id);
    const user = this.user.text[id];
    let write = vis !== 0;
    let val: Tri = 0;
    let source: ValueSource;
    let index = -1;
    if (vis !== 0 && user !== undefined) {
      val = Math.min(user === 'y' ? 2 : 0, vis) as Tri;
      source = 'requested';
    } else {
      source = vis !== 0 ? 'unset' : 'invisible';
      for (let i = 0; i < def.defaults.length; i++) {
        const cond = this.eval(def.defaults[i].cond);
        if (cond === 0) continue;
        val = Math.min(this.eval(def.defaults[i].value), cond) as Tri;
        source = 'default';
        index = i;
        if (val !== 0) write = true;
        break;
      }
      // imply raises the value only while the symbol's own dependencies hold.
      const implied = this.implyValue(id);
      if (implied !== 0 && this.eval(def.directDep) !== 0) {
        if (implied > val) source = 'implied';
        val = Math.max(val, implied) as Tri;
        write = true;
      }
    }
    // select wins over everything, dependencies included.
    const selected = this.selectValue(id);
    if (selected !== 0) {
      if (selected > val) source = 'selected';
      val = Math.max(val, selected) as Tri;
      write = true;
    }
    if (val === 1) val = 2;
    this.settle(id, val, TRI_TEXT[val], source, index, write);
  }

  private computeMember(id: number, choice: number): void {
    const vis = this.visibility(id);
    const on = vis === 2 && this.selection(choice) === id;
    this.settle(id, on ? 2 : 0, on ? 'y' : 'n', vis === 2 ? 'choice' : 'invisible', -1, vis !== 0);
  }

  private computeNumber(id: number, base: 10 | 16): void {
    const def = this.model.entries[id].def!;
    const vis = this.visibility(id);
    let write = vis !== 0;
    const range = this.activeRange(id);
    const user = this.user.text[id];
    if (vis !== 0 && user) {
      const n = parsePyInt(user, base)!;
      if (!range || (range.low <= n && n <= range.high)) {
        this.settle(id, 0, user, 'requested', -1, write);
        return;
      }
    }
    // No usable user value: the first applicable default, or nothing.
    let val = '';
    let num = 0n;
    let index = -1;
    for (let i = 0; i < def.defaults.length; i++) {
      if (this.eval(def.defaults[i].cond) === 0) continue;
      const d = def.defaults[i].value;
      val = d.k === 'ref' ? this.value(d.id) : '';
      num = parsePyInt(val, base) ?? 0n;
      index = i;
      write = true;
      break;
    }
    let source: ValueSource = index >= 0 ? 'default' : vis !== 0 ? 'unset' : 'invisible';
    if (range) {
      const clamp = num < range.low ? range.low : num > range.high ? range.high : undefined;
      if (clamp !== undefined) {
        val = base === 10 ? clamp.toString() : pyHex(clamp);
        source = 'clamped';
      }
    }
    this.settle(id, 0, val, source, index, write);
  }

  private computeString(id: number): void {
    const def = this.model.entries[id].def!;
    const vis = this.visibility(id);
    const user = this.user.text[id];
    if (vis !== 0 && user !== undefined) {
      this.settle(id, 0, user, 'requested', -1, true);
      return;
    }
    for (let i = 0; i < def.defaults.length; i++) {
      if (this.eval(def.defaults[i].cond) === 0) continue;
      const d = def.defaults[i].value;
      this.settle(id, 0, d.k === 'ref' ? this.value(d.id) : '', 'default', i, true);
      return;
    }
    this.settle(id, 0, '', vis !== 0 ? 'unset' : 'invisible', -1, vis !== 0);
  }
}
