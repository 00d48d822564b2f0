// SPDX-License-Identifier: MIT
/**
 * Turns the syntax tree into the model the resolver evaluates.
 *
 * Three things happen here, in the order Kconfig defines them:
 *
 * 1. Dependencies flow down: every entry inside `if X`, `menu ... depends
 *    on X` or a choice gets X and-ed into its dependencies, its prompt's
 *    condition (with any `visible if` of enclosing menus), and the
 *    conditions of its defaults, ranges, selects and implies.
 * 2. Menus form: an entry that directly follows symbol S and depends on S
 *    nests under S. This matters for choices: only the entries directly
 *    inside a choice, after nesting, are its members.
 * 3. Reverse dependencies are recorded on their targets (`select` and
 *    `imply`), and the tree is checked: types, defaults, dependency loops.
 */
import type { AstChoice, AstConfig, AstDefault, AstDependsOn, AstEntry, AstExpr, AstTree, DeclaredType, Operand } from './ast.ts';
import { KconfigParseError } from '../parse-error.ts';
import { andExpr, dependsOnSymbol, type Expr, formatExpr, M_ID, N_ID, orExpr, Y, Y_ID } from './expr.ts';
import { formatLocation, type SourceLocation } from '../location.ts';
import { findDependencyLoop } from './loops.ts';
import type { ChoiceDef, Entry, KconfigModel, OutlineItem, SymbolDef } from './model.ts';
import { choiceLabel, entryText } from './names.ts';

/** Builds the model of a parsed tree; throws KconfigParseError when the tree is not valid. */
export function buildModel(ast: AstTree): KconfigModel {
  return new ModelBuilder().build(ast);
}

type NodeKind = 'top' | 'config' | 'choice' | 'menu' | 'comment' | 'if';

interface Cond {
  cond: Expr;
  readonly written?: Expr;
  readonly at: SourceLocation;
}

// A menu entry while the tree is being finalized (mutable, then discarded).
interface WorkNode {
  readonly kind: NodeKind;
  readonly at: SourceLocation;
  readonly sym?: number;
  readonly choice?: number;
  readonly title?: string;
  dep: Expr;
  readonly writtenDep?: Expr;
  prompt?: { readonly text: string; cond: Expr; readonly written?: Expr; readonly at: SourceLocation };
  readonly defaults: (Cond & { readonly value: Expr })[];
  readonly ranges: (Cond & { readonly low: number; readonly high: number })[];
  readonly selects: (Cond & { readonly target: number })[];
  readonly implies: (Cond & { readonly target: number })[];
  readonly visibility: Expr;
  readonly help?: string;
  readonly menuconfig: boolean;
  children: WorkNode[];
}

const TRISTATE_NAMES: Readonly<Record<string, number>> = { n: N_ID, m: M_ID, y: Y_ID };

class ModelBuilder {
  private readonly entries: Entry[] = [
    { id: N_ID, name: 'n', kind: 'tristate' },
    { id: M_ID, name: 'm', kind: 'tristate' },
    { id: Y_ID, name: 'y', kind: 'tristate' },
  ];
  private readonly byName = new Map<string, number>();
  private readonly constants = new Map<string, number>();
  private readonly defined: number[] = [];
  private readonly choices: ChoiceDef[] = [];
  private readonly namedChoices = new Map<string, number>();
  private readonly warnings: string[] = [];
  private readonly outline: OutlineItem[] = [];

  build(ast: AstTree): KconfigModel {
    this.warnings.push(...ast.warnings);
    const top: WorkNode = this.container('top', { file: ast.files[0] ?? '', line: 1 }, Y);
    top.children = ast.entries.map((e) => this.convert(e));
    this.finalizeContainer(top, Y);
    this.check();
    const model: KconfigModel = {
      entries: this.entries, byName: this.byName, defined: this.defined, choices: this.choices,
      outline: this.outline, warnings: this.warnings,
    };
    const found = findDependencyLoop(model);
    if (found) {
      // Start the loop at a symbol, whose definition is the line to look at.
      const ring = found.slice(0, -1);
      const start = Math.max(0, ring.findIndex((name) => this.byName.has(name)));
      const loop = [...ring.slice(start), ...ring.slice(0, start)];
      const first = this.entries[this.byName.get(loop[0]) ?? -1]?.def?.nodes[0]?.at ?? { file: ast.files[0] ?? '', line: 0 };
      throw new KconfigParseError(first.file, first.line, 'no dependency loop', [...loop, loop[0]].join(' -> '));
    }
    this.layout(top);
    return model;
  }

  // --- names ---------------------------------------------------------------

  private operand(o: Operand): number {
    if (o.kind === 'name') {
      if (Object.hasOwn(TRISTATE_NAMES, o.name)) return TRISTATE_NAMES[o.name];
      return this.named(o.name);
    }
    if (Object.hasOwn(TRISTATE_NAMES, o.value)) return TRISTATE_NAMES[o.value];
    let id = this.constants.get(o.value);
    if (id === undefined) {
      id = this.entries.length;
      this.entries.push({ id, name: o.value, kind: 'constant' });
      this.constants.set(o.value, id);
    }
    return id;
  }

  private named(name: string): number {
    let id = this.byName.get(name);
    if (id === undefined) {
      id = this.entries.length;
      this.entries.push({ id, name, kind: 'undefined' });
      this.byName.set(name, id);
    }
    return id;
  }

  private expr(e: AstExpr): Expr {
    switch (e.kind) {
      case 'name':
      case 'constant':
        return { k: 'ref', id: this.operand(e) };
      case 'not':
        return { k: 'not', a: this.expr(e.operand) };
      case 'and':
      case 'or':
        return { k: e.kind, a: this.expr(e.left), b: this.expr(e.right) };
      case 'compare':
        return { k: 'cmp', op: e.op, a: this.operand(e.left), b: this.operand(e.right) };
    }
  }

  private optionalExpr(e: AstExpr | undefined): Expr | undefined {
    return e === undefined ? undefined : this.expr(e);
  }

  private dependsOn(list: readonly AstDependsOn[]): Expr | undefined {
    let dep: Expr | undefined;
    for (const d of list) dep = dep === undefined ? this.expr(d.expr) : andExpr(dep, this.expr(d.expr));
    return dep;
  }

  private defaults(list: readonly AstDefault[]): WorkNode['defaults'] {
    return list.map((d) => {
      const written = this.optionalExpr(d.condition);
      return { value: this.expr(d.value), cond: written ?? Y, written, at: d.at };
    });
  }

  // --- syntax tree to work nodes ----------------------------------------------

  private container(kind: NodeKind, at: SourceLocation, dep: Expr, extra: Partial<WorkNode> = {}): WorkNode {
    return {
      kind, at, dep, defaults: [], ranges: [], selects: [], implies: [], visibility: Y, menuconfig: false, children: [],
      ...extra,
    };
  }

  private convert(e: AstEntry): WorkNode {
    switch (e.kind) {
      case 'config':
        return this.convertConfig(e);
      case 'choice':
        return this.convertChoice(e);
      case 'menu': {
        const writtenDep = this.dependsOn(e.dependsOn);
        let visibility: Expr = Y;
        for (const v of e.visibleIf) visibility = andExpr(visibility, this.expr(v));
        const node = this.container('menu', e.at, writtenDep ?? Y, { title: e.title, visibility, writtenDep });
        node.children = e.children.map((c) => this.convert(c));
        return node;
      }
      case 'comment': {
        const writtenDep = this.dependsOn(e.dependsOn);
        return this.container('comment', e.at, writtenDep ?? Y, { title: e.text, writtenDep });
      }
      case 'if': {
        const node = this.container('if', e.at, this.expr(e.condition));
        node.children = e.children.map((c) => this.convert(c));
        return node;
      }
    }
  }

  private convertConfig(e: AstConfig): WorkNode {
    const id = this.named(e.name);
    const entry = this.entries[id];
    if (!entry.def) {
      entry.kind = 'defined';
      entry.def = {
        id, name: e.name, nodes: [], directDep: { k: 'ref', id: N_ID }, defaults: [], ranges: [], selects: [], implies: [],
        selectedBy: [], impliedBy: [],
      };
      this.defined.push(id);
    }
    this.setType(entry.def, e.type, e.typeAt ?? e.at);
    if (e.envVar !== undefined || e.defconfigList) entry.def.noWrite = true;
    const writtenDep = this.dependsOn(e.dependsOn);
    const writtenPrompt = e.prompt && this.optionalExpr(e.prompt.condition);
    return this.container('config', e.at, writtenDep ?? Y, {
      sym: id,
      writtenDep,
      prompt: e.prompt && { text: e.prompt.text, cond: writtenPrompt ?? Y, written: writtenPrompt, at: e.prompt.at },
      defaults: this.defaults(e.defaults),
      ranges: e.ranges.map((r) => {
        const written = this.optionalExpr(r.condition);
        return { low: this.operand(r.low), high: this.operand(r.high), cond: written ?? Y, written, at: r.at };
      }),
      selects: e.selects.map((s) => {
        const written = this.optionalExpr(s.condition);
        return { target: this.named(s.target), cond: written ?? Y, written, at: s.at };
      }),
      implies: e.implies.map((s) => {
        const written = this.optionalExpr(s.condition);
        return { target: this.named(s.target), cond: written ?? Y, written, at: s.at };
      }),
      help: e.help,
      menuconfig: e.menuconfig,
    });
  }

  private convertChoice(e: AstChoice): WorkNode {
    let id = e.name === undefined ? undefined : this.namedChoices.get(e.name);
    if (id === undefined) {
      id = this.choices.length;
      this.choices.push({
        id, name: e.name, nodes: [], optional: false, members: [], defaults: [], directDep: { k: 'ref', id: N_ID },
      });
      if (e.name !== undefined) this.namedChoices.set(e.name, id);
    }
    const choice = this.choices[id];
    if (e.type) {
      if (choice.type && choice.type !== e.type) this.warnings.push(`${formatLocation(e.at)}: ${choiceLabel(choice)} defined with multiple types, ${e.type} will be used`);
      choice.type = e.type;
    }
    if (e.optional) choice.optional = true;
    const writtenDep = this.dependsOn(e.dependsOn);
    const writtenPrompt = e.prompt && this.optionalExpr(e.prompt.condition);
    const node = this.container('choice', e.at, writtenDep ?? Y, {
      choice: id,
      writtenDep,
      prompt: e.prompt && { text: e.prompt.text, cond: writtenPrompt ?? Y, written: writtenPrompt, at: e.prompt.at },
      defaults: this.defaults(e.defaults),
      help: e.help,
    });
    node.children = e.children.map((c) => this.convert(c));
    return node;
  }

  // A later type wins, with a warning naming both lines (kconfiglib does the same).
  private setType(def: SymbolDef, type: DeclaredType | undefined, at: SourceLocation): void {
    if (!type) return;
    if (def.type && def.type !== type) {
      this.warnings.push(`${formatLocation(at)}: ${def.name} is redefined as ${type} (it was ${def.type} at ${formatLocation(def.typeAt ?? at)}); ${type} will be used`);
    }
    def.type = type;
    def.typeAt = at;
  }

  // --- finalization: dependency propagation and menu structure ---------------

  private finalizeContainer(node: WorkNode, visibleIf: Expr): void {
    const visible = node.kind === 'menu' ? andExpr(visibleIf, node.visibility) : visibleIf;
    this.propagate(node, visible);
    const kept: WorkNode[] = [];
    for (let i = 0; i < node.children.length; ) {
      kept.push(node.children[i]);
      i = this.finalizeAt(node.children, i, visible);
    }
    node.children = kept;
  }

  // Finalizes list[i]; returns the index of the next sibling it did not take as a child.
  private finalizeAt(list: WorkNode[], i: number, visibleIf: Expr): number {
    const node = list[i];
    let next = i + 1;
    if (node.kind === 'config') {
      this.addProps(node);
      // Following entries that depend on this symbol form its submenu.
      const captured: WorkNode[] = [];
      while (next < list.length && dependsOnSymbol(menuCondition(list[next]), node.sym!)) {
        captured.push(list[next]);
        next = this.finalizeAt(list, next, visibleIf);
      }
      node.children = captured;
    } else if (node.children.length > 0) {
      this.finalizeContainer(node, visibleIf);
    }
    if (node.children.length > 0) node.children = flatten(node.children).filter((c) => c.kind !== 'if');
    if (node.kind === 'choice') this.addChoiceNode(node);
    return next;
  }

  private propagate(parent: WorkNode, visibleIf: Expr): void {
    const base: Expr = parent.kind === 'choice' ? { k: 'choice', choice: parent.choice! } : parent.dep;
    for (const child of parent.children) {
      const dep = andExpr(child.dep, base);
      child.dep = dep;
      if (child.kind === 'config' || child.kind === 'choice') {
        if (child.prompt) child.prompt.cond = andExpr(child.prompt.cond, andExpr(visibleIf, dep));
        for (const list of [child.defaults, child.ranges, child.selects, child.implies]) {
          for (const c of list) c.cond = andExpr(c.cond, dep);
        }
      }
    }
  }

  private addProps(node: WorkNode): void {
    const def = this.entries[node.sym!].def!;
    def.directDep = orExpr(def.directDep, node.dep);
    def.nodes.push({
      at: node.at, dep: node.dep, writtenDep: node.writtenDep, help: node.help, menuconfig: node.menuconfig,
      prompt: node.prompt && { text: node.prompt.text, cond: node.prompt.cond, written: node.prompt.written, at: node.prompt.at },
    });
    for (const d of node.defaults) def.defaults.push({ value: d.value, cond: d.cond, written: d.written, at: d.at });
    for (const r of node.ranges) def.ranges.push({ low: r.low, high: r.high, cond: r.cond, written: r.written, at: r.at });
    for (const [list, outgoing, incoming] of [
      [node.selects, def.selects, 'selectedBy'],
      [node.implies, def.implies, 'impliedBy'],
    ] as const) {
      for (const s of list) {
        const edge = { from: def.id, to: s.target, cond: s.cond, written: s.written, at: s.at };
        outgoing.push(edge);
        // `FROM && n` is n: such a select can never act (kconfiglib drops it the same way).
        if (!(s.cond.k === 'ref' && s.cond.id === N_ID)) this.entries[s.target].def?.[incoming].push(edge);
      }
    }
  }

  private addChoiceNode(node: WorkNode): void {
    const choice = this.choices[node.choice!];
    choice.directDep = orExpr(choice.directDep, node.dep);
    choice.nodes.push({
      at: node.at, dep: node.dep, help: node.help,
      prompt: node.prompt && { text: node.prompt.text, cond: node.prompt.cond, written: node.prompt.written, at: node.prompt.at },
    });
    for (const d of node.defaults) {
      if (d.value.k !== 'ref') {
        this.fail(d.at, `a single symbol as the default of ${choiceLabel(choice)}`, `'${formatExpr(d.value, this.names())}'`);
      }
      choice.defaults.push({ sym: d.value.id, cond: d.cond, written: d.written, at: d.at });
    }
    for (const child of node.children) {
      if (child.kind !== 'config') continue;
      const def = this.entries[child.sym!].def!;
      def.choice = choice.id;
      choice.members.push(def.id);
    }
    if (!choice.type) choice.type = choice.members.map((m) => this.entries[m].def!.type).find((t) => t !== undefined);
    for (const m of choice.members) this.entries[m].def!.type ??= choice.type;
  }

  // --- checks ----------------------------------------------------------------

  // What kconfiglib refuses after parsing, and what it only warns about.
  private check(): void {
    const names = this.names();
    const warn = (at: SourceLocation, text: string): void => {
      this.warnings.push(`${formatLocation(at)}: ${text}`);
    };
    for (const id of this.defined) {
      const def = this.entries[id].def!;
      const at = def.nodes[0].at;
      const type = def.type ?? 'unknown';
      if (type === 'unknown') warn(at, `${def.name} is defined without a type, so its value is its own name and it is never written to .config`);
      if (type === 'int' || type === 'hex' || type === 'string') {
        for (const d of def.defaults) {
          if (d.value.k !== 'ref') {
            this.fail(d.at, `a single value as the default of the ${type} symbol ${def.name}`, `'${formatExpr(d.value, names)}'`);
          }
        }
      }
      if (type !== 'bool' && type !== 'unknown' && def.selects.length + def.implies.length > 0) {
        warn([...def.selects, ...def.implies][0].at, `the ${type} symbol ${def.name} has selects or implies, which have no effect`);
      }
      if (def.ranges.length > 0 && type !== 'int' && type !== 'hex') {
        warn(def.ranges[0].at, `the ${type} symbol ${def.name} has ranges, but is not int or hex, so they have no effect`);
      }
      if (type === 'bool') {
        for (const s of [...def.selects, ...def.implies]) {
          const target = this.entries[s.to];
          const targetType = target.def?.type ?? 'unknown';
          if (target.kind !== 'defined') {
            warn(s.at, `${def.name} selects or implies ${target.name}, which no Kconfig file defines`);
          } else if (targetType !== 'bool' && targetType !== 'unknown') {
            warn(s.at, `${def.name} ${def.selects.includes(s) ? 'selects' : 'implies'} the ${targetType} symbol ${target.name}, which is not bool, so it has no effect`);
          }
        }
      }
      if (def.choice !== undefined) {
        if (def.defaults.length > 0) warn(def.defaults[0].at, `the default of choice member ${def.name} has no effect`);
        if (def.selectedBy.length + def.impliedBy.length > 0) warn(at, `select and imply have no effect on choice member ${def.name}`);
        if (!def.nodes.some((n) => n.prompt)) warn(at, `choice member ${def.name} has no prompt, so it can never be chosen`);
      }
    }
    for (const choice of this.choices) {
      const at = choice.nodes[0].at;
      if (choice.type !== 'bool') {
        throw new KconfigParseError(
          at.file, at.line, `a bool choice`,
          `${choice.type ? `a ${choice.type} choice` : 'a choice without a type'} (Kiln supports bool choices only; give the choice or its members the type bool)`,
          { unsupported: 'non-bool-choice' },
        );
      }
      if (!choice.nodes.some((n) => n.prompt)) warn(at, `${choiceLabel(choice)} has no prompt, so none of its members can be y`);
      for (const d of choice.defaults) {
        if (this.entries[d.sym].def?.choice !== choice.id) {
          warn(d.at, `the default ${this.entries[d.sym].name} of ${choiceLabel(choice)} is not one of its members; while it applies, no member is chosen`);
        }
      }
    }
    for (const e of this.entries) {
      if (e.kind === 'undefined' && !/^[-+]?(?:0[xX])?[0-9a-fA-F]+$/.test(e.name) && e.name !== 'MODULES') {
        this.warnings.push(`${e.name} is used but no Kconfig file defines it (it is always n)`);
      }
    }
  }

  private names(): { entry(id: number): string; choice(c: number): string } {
    return { entry: (id) => entryText(this.entries[id]), choice: (c) => choiceLabel(this.choices[c]) };
  }

  private fail(at: SourceLocation, expected: string, found: string): never {
    throw new KconfigParseError(at.file, at.line, expected, found);
  }

  // --- layout for .config -------------------------------------------------------

  private layout(node: WorkNode): void {
    for (const child of node.children) {
      switch (child.kind) {
        case 'config':
          this.outline.push({ k: 'symbol', id: child.sym! });
          this.layout(child);
          break;
        case 'choice':
          this.layout(child);
          break;
        case 'menu':
          this.outline.push({ k: 'heading', title: child.title!, dep: child.dep, visibility: child.visibility });
          this.layout(child);
          // A menu left empty by the restructuring gets no end marker, as in the reference.
          if (child.children.length > 0) this.outline.push({ k: 'end', title: child.title!, dep: child.dep, visibility: child.visibility });
          break;
        case 'comment':
          this.outline.push({ k: 'heading', title: child.title!, dep: child.dep });
          break;
        default:
          this.layout(child);
      }
    }
  }
}

// The condition that decides automatic nesting: the prompt's, or the dependencies when there is none.
function menuCondition(node: WorkNode): Expr {
  if (node.kind === 'menu' || node.kind === 'comment') return node.dep;
  return node.prompt ? node.prompt.cond : node.dep;
}

// Hoists the children of prompt-less entries (ifs, symbols without prompt) into the list.
function flatten(list: readonly WorkNode[]): WorkNode[] {
  const out: WorkNode[] = [];
  for (const node of list) {
    out.push(node);
    const hasPrompt = node.kind === 'menu' || node.kind === 'comment' || node.prompt !== undefined;
    if (node.children.length > 0 && !hasPrompt && node.kind !== 'choice') {
      out.push(...flatten(node.children));
      node.children = [];
    }
  }
  return out;
}
