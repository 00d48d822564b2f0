// SPDX-License-Identifier: MIT
/**
 * A parsed Kconfig tree: what a catalog, a validator or a user may ask of it.
 *
 * Immutable and reusable: load once, resolve as many images as needed.
 */
import type { KconfigType } from './private/ast.ts';
import { formatExpr, isAlways } from './private/expr.ts';
import type { SourceLocation } from './location.ts';
import type { ChoiceDef, KconfigModel, ReverseDef, SymbolDef } from './private/model.ts';
import { choiceLabel, modelNames } from './private/names.ts';

export type { KconfigType } from './private/ast.ts';

const BRAND = Symbol.for('kiln.KconfigTree');

/** A `default` of a symbol, as written. */
export interface KconfigDefault {
  /** The value, in Kconfig syntax (`y`, `4096`, `"text"`, `A && B`). */
  readonly value: string;
  /** The default's own `if` condition, when it has one. */
  readonly condition?: string;
  readonly at: SourceLocation;
}

/** A `range` of an int or hex symbol, as written. */
export interface KconfigRange {
  /** Lower bound: a number, or the name of a symbol holding one. */
  readonly low: string;
  readonly high: string;
  readonly condition?: string;
  readonly at: SourceLocation;
}

/** A `select` or `imply` line. */
export interface KconfigReverseDependency {
  /** The symbol that selects (or implies). */
  readonly from: string;
  /** The symbol selected (or implied). */
  readonly to: string;
  readonly condition?: string;
  readonly at: SourceLocation;
}

/** Everything the tree says about one symbol. */
export interface KconfigSymbol {
  readonly name: string;
  readonly type: KconfigType;
  /** The prompt text; undefined for a symbol only defaults and selects can set. */
  readonly prompt?: string;
  readonly help?: string;
  /** Its first definition. */
  readonly definedAt: SourceLocation;
  /** Every definition (a symbol may be defined in several places). */
  readonly locations: readonly SourceLocation[];
  /** Whether it was declared with `menuconfig`. */
  readonly menuconfig: boolean;
  /**
   * Its effective dependencies in Kconfig syntax, including those inherited
   * from enclosing `if`, `menu` and choice; undefined when it has none.
   */
  readonly dependsOn?: string;
  readonly defaults: readonly KconfigDefault[];
  readonly ranges: readonly KconfigRange[];
  readonly selects: readonly KconfigReverseDependency[];
  readonly implies: readonly KconfigReverseDependency[];
  readonly selectedBy: readonly KconfigReverseDependency[];
  readonly impliedBy: readonly KconfigReverseDependency[];
  /** The choice it belongs to, as `<choice NAME>` (or `<choice>` for an unnamed one). */
  readonly choice?: string;
}

/** Everything the tree says about one choice. */
export interface KconfigChoice {
  /** `<choice NAME>`, or `<choice>` for an unnamed choice. */
  readonly label: string;
  readonly name?: string;
  readonly prompt?: string;
  readonly help?: string;
  readonly definedAt: SourceLocation;
  /** Whether all members may be n. */
  readonly optional: boolean;
  /** Member symbol names, in order. */
  readonly members: readonly string[];
  readonly defaults: readonly KconfigDefault[];
}

/** Where a tree was read from. */
export interface KconfigTreeSource {
  /** The directory `source` paths are relative to (absolute). */
  readonly srctree: string;
  /** The root Kconfig file, relative to `srctree`. */
  readonly rootFile: string;
  /** Every file read, relative to `srctree`, in reading order. */
  readonly files: readonly string[];
  readonly mainmenu?: string;
  /** `$(info,...)` output while parsing. */
  readonly info?: readonly string[];
  /** The environment variables the files read, with the values seen. */
  readonly environment?: ReadonlyMap<string, string>;
}

/** A loaded Kconfig tree. Create one with loadKconfig(). */
export class KconfigTree {
  /** True for a KconfigTree from any copy of this package. */
  static isKconfigTree(x: unknown): x is KconfigTree {
    return typeof x === 'object' && x !== null && BRAND in x;
  }

  /** The directory `source` paths are relative to (absolute). */
  readonly srctree: string;
  /** The root Kconfig file, relative to `srctree`. */
  readonly rootFile: string;
  /** Every file parsed, relative to `srctree`, in reading order. */
  readonly files: readonly string[];
  /** The `mainmenu` title, if the tree has one. */
  readonly mainmenu?: string;
  /**
   * Oddities that do not prevent resolution, as `file:line: text`: what
   * kconfiglib warns about (a select of a non-bool symbol, a symbol without
   * a type, a type given twice...), plus a `select` of a symbol nothing
   * defines and `$(warning-if,...)` output.
   */
  readonly warnings: readonly string[];
  /** `$(info,...)` output while parsing, as `file:line: text`. */
  readonly info: readonly string[];
  /**
   * The environment variables the files read (`$(NAME)`, `$NAME` in a
   * string, `option env`), with the values seen: the tree's configuration
   * depends on them.
   */
  readonly environment: ReadonlyMap<string, string>;
  /** @internal The resolver's view; not part of the public API. */
  readonly model: KconfigModel;

  private readonly infos = new Map<string, KconfigSymbol>();
  private readonly choiceInfos: readonly KconfigChoice[];

  /** @internal Use loadKconfig(). */
  constructor(source: KconfigTreeSource, model: KconfigModel) {
    Object.defineProperty(this, BRAND, { value: true });
    this.srctree = source.srctree;
    this.rootFile = source.rootFile;
    this.files = source.files;
    this.mainmenu = source.mainmenu;
    this.model = model;
    this.warnings = model.warnings;
    this.info = source.info ?? [];
    this.environment = source.environment ?? new Map();
    for (const id of model.defined) {
      const def = model.entries[id].def!;
      this.infos.set(def.name, this.describeSymbol(def));
    }
    this.choiceInfos = model.choices.map((c) => this.describeChoice(c));
    Object.freeze(this);
  }

  /** Every defined symbol, in the order of first definition. */
  symbols(): readonly KconfigSymbol[] {
    return [...this.infos.values()];
  }

  /** Every choice, in order of first definition. */
  choices(): readonly KconfigChoice[] {
    return this.choiceInfos;
  }

  /** The symbol called `name`, or undefined when no Kconfig file defines it. */
  trySymbol(name: string): KconfigSymbol | undefined {
    return this.infos.get(name);
  }

  /** The symbol called `name`; throws when no Kconfig file defines it. */
  symbol(name: string): KconfigSymbol {
    const info = this.infos.get(name);
    if (!info) {
      throw new Error(`No Kconfig symbol ${name} in the tree rooted at ${this.rootFile} (${this.files.length} files under ${this.srctree})`);
    }
    return info;
  }

  private describeSymbol(def: SymbolDef): KconfigSymbol {
    const names = modelNames(this.model);
    const fmt = (e: Parameters<typeof formatExpr>[0] | undefined): string | undefined => (e ? formatExpr(e, names) : undefined);
    const reverse = (r: ReverseDef): KconfigReverseDependency => ({
      from: this.model.entries[r.from].name, to: this.model.entries[r.to].name, condition: fmt(r.written), at: r.at,
    });
    const prompted = def.nodes.find((n) => n.prompt);
    return Object.freeze({
      name: def.name,
      type: def.type ?? 'unknown',
      prompt: prompted?.prompt?.text,
      help: def.nodes.find((n) => n.help !== undefined)?.help,
      definedAt: def.nodes[0].at,
      locations: def.nodes.map((n) => n.at),
      menuconfig: def.nodes.some((n) => n.menuconfig),
      dependsOn: isAlways(def.directDep) ? undefined : fmt(def.directDep),
      defaults: def.defaults.map((d) => ({ value: formatExpr(d.value, names), condition: fmt(d.written), at: d.at })),
      ranges: def.ranges.map((r) => ({
        low: names.entry(r.low), high: names.entry(r.high), condition: fmt(r.written), at: r.at,
      })),
      selects: def.selects.map(reverse),
      implies: def.implies.map(reverse),
      selectedBy: def.selectedBy.map(reverse),
      impliedBy: def.impliedBy.map(reverse),
      choice: def.choice === undefined ? undefined : choiceLabel(this.model.choices[def.choice]),
    });
  }

  private describeChoice(c: ChoiceDef): KconfigChoice {
    const names = modelNames(this.model);
    return Object.freeze({
      label: choiceLabel(c),
      name: c.name,
      prompt: c.nodes.find((n) => n.prompt)?.prompt?.text,
      help: c.nodes.find((n) => n.help !== undefined)?.help,
      definedAt: c.nodes[0].at,
      optional: c.optional,
      members: c.members.map((m) => this.model.entries[m].name),
      defaults: c.defaults.map((d) => ({
        value: this.model.entries[d.sym].name, condition: d.written ? formatExpr(d.written, names) : undefined, at: d.at,
      })),
    });
  }

  /** A short description for logs, e.g. `Kconfig in /src (12 files, 40 symbols)`. */
  toString(): string {
    return `${this.rootFile} in ${this.srctree} (${this.files.length} files, ${this.infos.size} symbols)`;
  }
}
