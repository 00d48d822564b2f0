// SPDX-License-Identifier: MIT
/**
 * Random Kconfig trees over the whole language kconfiglib accepts, for the
 * differential tester.
 *
 * A tree is a few files (sourced in every way Kconfig can source: plain,
 * relative, optional, globbing, through environment variables and macros)
 * holding configs, menuconfigs, choices, menus, comments, ifs and
 * preprocessor lines, plus the environment the tree is read in. Everything is
 * drawn from one seed, so a tree is named by its seed.
 *
 * Symbols are planned in a pool before anything is written. Dependencies
 * normally point at symbols planned earlier and selects at symbols planned
 * later, so most trees have no dependency loop; a few trees ("loopy") drop
 * that discipline so that loop detection is exercised too. Probabilities
 * are tuned so that most trees load in kconfiglib (the interesting
 * comparisons are of values) while every construct still turns up often in
 * a few hundred trees.
 */
import { posix } from 'node:path';
import { Random } from './random.ts';

/** One generated tree and the environment it is read in. */
export interface GeneratedTree {
  /** The seed it was drawn from. */
  readonly seed: number;
  /** File contents by path relative to the source tree (`/`-separated). */
  readonly files: Readonly<Record<string, string>>;
  /** The root file, relative to the source tree. */
  readonly root: string;
  /** The environment variables the tree sees (those it references and that are set). */
  readonly env: Readonly<Record<string, string>>;
  /** Variables the tree references that must be unset when it is read. */
  readonly unset: readonly string[];
}

type Type = 'bool' | 'int' | 'hex' | 'string' | 'tristate';

interface PoolSymbol {
  readonly name: string;
  type: Type;
  readonly index: number;
  defined: boolean;
  /** Set for members of a choice: the choice's first member index. */
  choiceStart?: number;
}

/** Per-tree switches: which rarer features this tree uses. */
interface Features {
  readonly loopy: boolean;
  readonly tristate: boolean;
  readonly shell: boolean;
  readonly preprocessor: boolean;
  readonly env: boolean;
  /** Indentation of properties. */
  readonly indent: string;
  /** Few symbols with many properties each, so that they interact more. */
  readonly dense: boolean;
}

const ENV_VARS = ['KD_DIR', 'KD_S', 'KD_SYM', 'KD_NUM', 'HOME', 'KD_MISSING'] as const;
type EnvVar = (typeof ENV_VARS)[number];

// Numbers as Kconfig text: the spellings kconfiglib reads one way or another.
const NUMBER_WORDS = ['0', '1', '5', '7', '42', '100', '4096', '0x10', '0x1f', '0X20', '-3', '-0', '1_000', '0x_10', '10', '65535', '2147483647', '9223372036854775807', '0xffffffff', '018'];
// Contents of quoted constants compared with numbers: non-ASCII digits and
// blanks Python's int() accepts or refuses.
const NUMBER_STRINGS = ['5', '0x10', '-3', '1_0', '\uff15', '\u0663', '\ufeff7', '\u20037', ' 7', '7 ', '+7', '0b11', '1e3', '0o7', '', 'abc', '\u00a05', '7\u3000', '\uff10x10'];
const WORDS = ['alpha', 'beta', 'Gamma', 'delta 2', 'unicodé ✓', 'tab\there', 'x', '', 'y', 'n', 'm', '0', '42', 'hash # in', "single ' quote", 'semi; colon'];

/** The tree drawn from `seed`. */
export function generateTree(seed: number): GeneratedTree {
  return new TreeGenerator(seed).generate();
}

class TreeGenerator {
  private readonly r: Random;
  private readonly f: Features;
  private readonly pool: PoolSymbol[] = [];
  private readonly undefinedNames = ['UNDEF', 'U2'];
  private next = 0;
  private readonly files = new Map<string, string[]>();
  private fileCount = 0;
  private readonly usedEnv = new Set<EnvVar>();
  /** Preprocessor variables that expand to a symbol name, by that name. */
  private readonly nameMacros = new Map<string, string>();
  private readonly namedChoices: string[] = [];
  private choiceCount = 0;
  private itemBudget: number;

  constructor(private readonly seed: number) {
    this.r = new Random(seed);
    const r = this.r;
    this.f = {
      loopy: r.chance(0.04),
      tristate: r.chance(0.04),
      shell: r.chance(0.02),
      preprocessor: r.chance(0.3),
      env: r.chance(0.3),
      indent: r.pick(['\t', '\t', '\t', '  ', '    ', ' \t']),
      dense: r.chance(0.3),
    };
    this.itemBudget = this.f.dense ? r.int(4, 12) : r.int(4, 30);
    const size = this.f.dense ? r.int(3, 6) : r.int(4, 24);
    const style = r.weighted({ plain: 8, prefixed: 2, odd: 1 });
    for (let i = 0; i < size; i++) {
      let name = style === 'prefixed' ? `LIB${String.fromCharCode(65 + i)}_OPT` : String.fromCharCode(65 + i);
      if (style === 'odd' && r.chance(0.25)) name = r.pick(['2ND', 'lower', 'A-B', 'x_1', 'Mixed9']) + (i > 0 ? String(i) : '');
      const type: Type = this.f.tristate && r.chance(0.3) ? 'tristate' : r.weighted({ bool: 58, int: 14, hex: 12, string: 16 });
      this.pool.push({ name, type, index: i, defined: false });
    }
  }

  generate(): GeneratedTree {
    const root = 'Kconfig';
    const lines: string[] = [];
    this.files.set(root, lines);
    if (this.f.preprocessor) lines.push(...this.preprocessorHeader());
    if (this.r.chance(0.3)) lines.push(`mainmenu ${this.quoted('title')}`);
    lines.push(...this.block(root, 0));
    // Whatever the pool still holds is defined at the end of the root file,
    // so that forward references (selects) usually land on something.
    while (this.next < this.pool.length && this.r.chance(0.7)) lines.push(...this.item(root, 0, 'config'));
    const files: Record<string, string> = {};
    for (const [path, body] of this.files) files[path] = body.join('\n') + (this.r.chance(0.95) ? '\n' : '');
    const env: Record<string, string> = {};
    const unset: string[] = [];
    const envRandom = new Random(this.seed ^ 0x5bd1e995);
    for (const v of ENV_VARS) {
      if (!this.usedEnv.has(v)) continue;
      const value = this.envValue(v, envRandom);
      if (value === undefined) unset.push(v);
      else env[v] = value;
    }
    return { seed: this.seed, files, root, env, unset };
  }

  private envValue(v: EnvVar, r: Random): string | undefined {
    if (v === 'KD_MISSING') return undefined;
    if (r.chance(v === 'KD_DIR' ? 0.04 : 0.12)) return undefined;
    switch (v) {
      case 'KD_DIR': return 'sub';
      case 'KD_S': return r.pick(['hello world', 'unicodé', '5', ' 7', '\uff15', 'y', '', 'a"b', 'back\\slash', '$HOME']);
      case 'KD_SYM': return r.pick(this.pool).name;
      case 'KD_NUM': return r.pick(['7', '0x10', '-1', '1_000', ' 3']);
      case 'HOME': return '/home/kiln';
    }
  }

  // ---- blocks and items ---------------------------------------------------

  private block(file: string, depth: number): string[] {
    const lines: string[] = [];
    const count = depth === 0 ? this.r.int(2, 8) : this.r.int(1, 4);
    for (let i = 0; i < count && this.itemBudget > 0; i++) {
      this.itemBudget--;
      const kind = this.r.weighted({
        config: 10,
        redefine: this.pool.some((p) => p.defined) ? 1.5 : 0,
        choice: 1.6,
        choiceAgain: this.namedChoices.length > 0 ? 0.4 : 0,
        menu: depth < 3 ? 1.2 : 0,
        if: depth < 3 ? 1.2 : 0,
        comment: 0.6,
        source: this.fileCount < 4 ? 1.3 : 0,
        optionalMissing: 0.3,
        macroLine: this.f.preprocessor ? 0.5 : 0,
        noise: 0.8,
      });
      lines.push(...this.item(file, depth, kind));
    }
    return lines;
  }

  private item(file: string, depth: number, kind: string): string[] {
    const r = this.r;
    switch (kind) {
      case 'config': {
        if (this.next >= this.pool.length) return [];
        return this.configEntry(this.pool[this.next++], false);
      }
      case 'redefine':
        return this.configEntry(r.pick(this.pool.filter((p) => p.defined)), true);
      case 'choice':
        return this.choice();
      case 'choiceAgain':
        return this.choiceAgain();
      case 'menu': {
        const title = r.chance(0.06) ? `menu ${r.pick(['Options', 'misc', 'drivers'])}` : `menu ${this.quoted('menu')}`;
        const out = [title];
        if (r.chance(0.3)) out.push(this.prop(`depends on ${this.expr(this.next, 0)}`));
        if (r.chance(0.25)) out.push(this.prop(`visible if ${this.expr(this.next, 0)}`));
        out.push(...this.block(file, depth + 1), 'endmenu');
        return out;
      }
      case 'if':
        return [`if ${this.expr(this.next, 0)}${this.trailing()}`, ...this.block(file, depth + 1), 'endif'];
      case 'comment': {
        const out = [`comment ${this.quoted('comment')}`];
        if (r.chance(0.4)) out.push(this.prop(`depends on ${this.expr(this.next, 0)}`));
        return out;
      }
      case 'source':
        return this.source(file, depth);
      case 'optionalMissing':
        return [r.chance(0.97)
          ? `${r.pick(['osource', 'orsource', 'gsource', 'grsource'])} "${r.pick(['nowhere/Kconfig', 'missing*', 'none/*/Kconfig', 'Kconfig.absent'])}"`
          : `source "${r.pick(['absent/Kconfig', 'nothing*'])}"`];
      case 'macroLine':
        return [this.macroLine()];
      default:
        return [r.pick(['', '# a comment', '   ', '#', `# config ${r.pick(this.pool).name}`, '\t# indented comment'])];
    }
  }

  private preprocessorHeader(): string[] {
    const r = this.r;
    const out: string[] = [];
    out.push(r.chance(0.05) ? 'KD_ID := $(1)' : 'KD_ID = $(1)');
    out.push('KD_CAT = $(1)$(2)');
    out.push(`KD_V := ${r.pick(['plain', 'two words', 'unicodé', '5', 'y'])}`);
    if (r.chance(0.5)) out.push(`KD_V += ${r.pick(['more', '$(KD_ID,x)', '7'])}`);
    out.push(`KD_R = $(KD_V)-${r.pick(['r', '$(1)', '$(KD_ID,z)'])}`);
    if (r.chance(0.3)) out.push('KD_R += tail');
    out.push(`KD_NUM_M ${r.pick([':=', '='])} ${r.pick(['3', '0x10', '12', '-2'])}`);
    for (let i = 0; i < 2; i++) {
      const sym = r.pick(this.pool);
      out.push(`M_${sym.name.replace(/[^A-Za-z0-9_]/g, '_')} := ${sym.name}`);
      this.nameMacros.set(sym.name, `M_${sym.name.replace(/[^A-Za-z0-9_]/g, '_')}`);
    }
    if (this.f.shell) out.push(`KD_SH := $(shell,${r.pick(['echo y', 'echo 5', 'printf hi'])})`);
    if (r.chance(0.5)) out.push(this.macroLine());
    return out;
  }

  private macroLine(): string {
    const r = this.r;
    return r.weighted({
      info: 3, warn: 3, warnN: 1, errN: 2, errY: 0.15, assign: 2,
    }) === 'info' ? `$(info,${r.pick(['hello', 'in $(filename) at $(lineno)', 'v=$(KD_V)'])})`
      : r.chance(0.5) ? `$(warning-if,${r.pick(['y', 'n', '$(KD_ID,y)'])},${r.pick(['careful', 'at $(lineno)'])})`
        : r.chance(0.95) ? `$(error-if,${r.pick(['n', '', '$(KD_ID,n)'])},never)`
          : '$(error-if,y,stop here)';
  }

  // ---- symbols --------------------------------------------------------------

  private configEntry(sym: PoolSymbol, redefinition: boolean): string[] {
    const r = this.r;
    // A member's other definitions may not look at its own choice either.
    const r0 = sym.choiceStart ?? sym.index;
    sym.defined = true;
    let type: Type | undefined = sym.type;
    if (redefinition && r.chance(sym.choiceStart === undefined ? 0.2 : 0.03)) type = r.pick(['bool', 'int', 'hex', 'string'] as const);
    if (r.chance(0.03)) type = undefined;
    const head = `${r.chance(0.1) ? 'menuconfig' : 'config'} ${this.defName(sym)}${this.trailing()}`;
    const props: string[] = [];
    let prompted = false;
    if (type !== undefined) {
      const form = r.weighted({ bare: 3, prompt: 6, promptIf: 1, unquoted: 0.4, def: 1.5 });
      const kw = type;
      if (form === 'bare') props.push(this.prop(kw));
      else if (form === 'prompt') { props.push(this.prop(`${kw} ${this.quoted('prompt')}`)); prompted = true; }
      else if (form === 'promptIf') { props.push(this.prop(`${kw} ${this.quoted('prompt')} if ${this.expr(r0, 0)}`)); prompted = true; }
      else if (form === 'unquoted') { props.push(this.prop(`${kw} ${r.pick(['Enable_it', 'x', 'opt'])}`)); prompted = true; }
      else props.push(this.prop(`def_${type} ${this.value(type, r0)}${r.chance(0.3) ? ` if ${this.expr(r0, 0)}` : ''}`));
    }
    if (!prompted && r.chance(0.25)) props.push(this.prop(`prompt ${this.quoted('prompt')}${r.chance(0.3) ? ` if ${this.expr(r0, 0)}` : ''}`));
    const t = type ?? sym.type;
    const n = (p: number): number => (r.chance(this.f.dense ? Math.min(0.9, p * 1.8) : p) ? (r.chance(0.3) ? 2 : 1) : 0);
    for (let i = n(0.55); i > 0; i--) props.push(this.prop(`default ${this.value(t, r0)}${r.chance(0.35) ? ` if ${this.expr(r0, 0)}` : ''}`));
    for (let i = n(0.35); i > 0; i--) props.push(this.prop(`depends on ${this.expr(r0, 0)}`));
    if (t === 'bool' || t === 'tristate' || r.chance(0.05)) {
      for (let i = n(0.3); i > 0; i--) props.push(this.prop(`select ${this.selectTarget(r0)}${r.chance(0.3) ? ` if ${this.expr(r0, 0)}` : ''}`));
      for (let i = n(0.12); i > 0; i--) props.push(this.prop(`imply ${this.selectTarget(r0)}${r.chance(0.3) ? ` if ${this.expr(r0, 0)}` : ''}`));
    }
    if (t === 'int' || t === 'hex' ? r.chance(0.4) : r.chance(0.03)) {
      for (let i = r.chance(0.2) ? 2 : 1; i > 0; i--) {
        props.push(this.prop(`range ${this.bound(t, r0)} ${this.bound(t, r0)}${r.chance(0.3) ? ` if ${this.expr(r0, 0)}` : ''}`));
      }
    }
    if (r.chance(0.04)) { props.push(this.prop(`option env=${r.chance(0.9) ? '"KD_S"' : '"KD_MISSING"'}`)); this.useEnv(r.chance(0.9) ? 'KD_S' : 'KD_MISSING'); }
    if (r.chance(0.02)) props.push(this.prop('option defconfig_list'));
    if (r.chance(0.02)) props.push(this.prop('option modules'));
    if (r.chance(0.03)) props.push(this.prop('option allnoconfig_y'));
    r.shuffle(props);
    // help goes anywhere, but the lines after it must be indented less than
    // its text; inserting it as one element keeps that true.
    if (r.chance(0.2)) props.splice(r.int(0, props.length), 0, this.help());
    return [head, ...props];
  }

  private choice(): string[] {
    const r = this.r;
    const size = Math.min(r.int(1, 4), this.pool.length - this.next);
    const first = this.next;
    const named = r.chance(0.35);
    const name = `CH${this.choiceCount++}`;
    if (named) this.namedChoices.push(name);
    const out = [`choice${named ? ` ${name}` : ''}${this.trailing()}`];
    const props: string[] = [];
    const promptForm = r.weighted({ prompt: 6, typed: 3, none: 0.4 });
    if (promptForm === 'prompt') props.push(this.prop(`prompt ${this.quoted('choice')}`));
    else if (promptForm === 'typed') props.push(this.prop(`${this.f.tristate && r.chance(0.3) ? 'tristate' : 'bool'} ${this.quoted('choice')}`));
    if (r.chance(0.2)) props.push(this.prop('optional'));
    const members: PoolSymbol[] = [];
    for (let i = 0; i < size; i++) {
      const sym = this.pool[this.next++];
      if (!r.chance(0.04)) sym.type = this.f.tristate && r.chance(0.2) ? 'tristate' : 'bool';
      sym.choiceStart = first;
      members.push(sym);
    }
    if (r.chance(0.45)) {
      const target = members.length > 0 && r.chance(0.8) ? r.pick(members).name : this.anyName();
      props.push(this.prop(`default ${target}${r.chance(0.3) ? ` if ${this.expr(first, 0)}` : ''}`));
    }
    if (r.chance(0.2)) props.push(this.prop(`depends on ${this.expr(first, 0)}`));
    if (r.chance(0.08)) props.push(this.help());
    out.push(...r.shuffle(props));
    // Members may sit inside an if (their dependencies then include it).
    const wrapped = members.length > 1 && r.chance(0.15) ? r.int(0, members.length - 1) : -1;
    members.forEach((sym, i) => {
      if (i === wrapped) out.push(`if ${this.expr(first, 1)}`, ...this.member(sym, first), 'endif');
      else out.push(...this.member(sym, first));
    });
    if (r.chance(0.1)) out.push(`comment ${this.quoted('in choice')}`);
    out.push('endchoice');
    return out;
  }

  private choiceAgain(): string[] {
    const r = this.r;
    const name = r.pick(this.namedChoices);
    const out = [`choice ${name}`];
    if (r.chance(0.4)) out.push(this.prop(`prompt ${this.quoted('again')}`));
    if (r.chance(0.3)) out.push(this.prop(`default ${this.anyName()}`));
    if (this.next < this.pool.length && r.chance(0.6)) {
      const sym = this.pool[this.next++];
      sym.type = 'bool';
      sym.choiceStart = sym.index;
      out.push(...this.member(sym, sym.index));
    }
    out.push('endchoice');
    return out;
  }

  private member(sym: PoolSymbol, first: number): string[] {
    const r = this.r;
    sym.defined = true;
    const out = [`config ${this.defName(sym)}`];
    const props: string[] = [];
    props.push(this.prop(r.chance(0.12) ? sym.type : `${sym.type} ${this.quoted('member')}`));
    // A member depending on an earlier member is a loop kconfiglib rejects;
    // allowed now and then.
    const limit = r.chance(0.03) ? sym.index : first;
    if (r.chance(0.15)) props.push(this.prop(`depends on ${this.expr(limit, 0)}`));
    if (r.chance(0.06)) props.push(this.prop(`default ${this.value(sym.type, limit)}`));
    // Not a sibling: a member selecting another member is a loop.
    if (r.chance(0.06)) props.push(this.prop(`select ${this.selectTarget(this.next - 1)}`));
    if (r.chance(0.1)) props.push(this.help());
    return [...out, ...r.shuffle(props)];
  }

  // ---- files ----------------------------------------------------------------

  private source(file: string, depth: number): string[] {
    const r = this.r;
    const n = ++this.fileCount;
    const dir = r.pick(['', 'sub', 'sub', 'sub/deep']);
    const here = posix.dirname(file);
    const kind = r.weighted({ source: 4, rsource: 2, osource: 1, orsource: 1, gsource: 1, grsource: 1, wildcard: 1.2, env: this.f.env ? 2 : 0.3 });
    const base = posix.join(dir, `Kconfig.${n}`);
    const body = (path: string): void => {
      const lines: string[] = [];
      this.files.set(path, lines);
      lines.push(...this.block(path, depth + 1));
    };
    const rel = (p: string): string => posix.relative(here, p);
    switch (kind) {
      case 'source': case 'osource':
        body(base);
        return [`${kind} "${base}"`];
      case 'rsource': case 'orsource':
        body(base);
        return [`${kind} "${rel(base)}"`];
      case 'gsource': case 'grsource': case 'wildcard': {
        const two = r.chance(0.5);
        for (const suffix of two ? ['b', 'a'] : ['a']) body(`${base}.${suffix}`);
        const pattern = `${base}.${r.pick(['*', '?', '[ab]'])}`;
        if (kind === 'wildcard') return [`source "${pattern}"`];
        return [`${kind} "${kind === 'grsource' ? rel(pattern) : pattern}"`];
      }
      default: {
        // Sourced through the environment: KD_DIR is "sub" (or unset).
        const path = posix.join('sub', `Kconfig.${n}`);
        body(path);
        this.useEnv('KD_DIR');
        const spelled = r.pick(['$KD_DIR', '${KD_DIR}', '$(KD_DIR)']);
        return [`${r.pick(['source', 'source', 'osource'])} "${spelled}/Kconfig.${n}"`];
      }
    }
  }

  // ---- properties -----------------------------------------------------------

  /** A property line: indented, sometimes continued with a backslash or followed by a comment. */
  private prop(text: string): string {
    const r = this.r;
    let line = text;
    if (r.chance(0.04)) {
      // Break at a blank outside quotes.
      const gaps: number[] = [];
      let quote = '';
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote) { if (c === '\\') i++; else if (c === quote) quote = ''; } else if (c === '"' || c === "'") quote = c;
        else if (c === ' ') gaps.push(i);
      }
      if (gaps.length > 0) {
        const at = r.pick(gaps);
        line = `${line.slice(0, at)} \\\n${this.f.indent}${r.pick(['', '  ', '\t'])}${line.slice(at + 1)}`;
      }
    }
    return `${this.f.indent}${line}${this.trailing()}`;
  }

  private trailing(): string {
    return this.r.chance(0.02) ? this.r.pick([' # trailing', '\t# x', '   ']) : '';
  }

  private help(): string {
    const r = this.r;
    const kw = r.chance(0.15) ? '---help---' : 'help';
    const inner = r.pick(['  ', '\t', '\t  ', '    ']);
    const text: string[] = [];
    for (let i = r.int(1, 4); i > 0; i--) {
      text.push(r.chance(0.2) ? '' : `${this.f.indent}${inner}${text.length > 0 && r.chance(0.2) ? '  ' : ''}${r.pick(['Some help.', 'config FOO inside help', 'depends on nothing', 'Uses $HOME and $(KD_V).', '"quoted"', 'ünïcode'])}`);
    }
    if (text[0] === '') text[0] = `${this.f.indent}${inner}First line.`;
    return [`${this.f.indent}${kw}`, ...(r.chance(0.1) ? [''] : []), ...text].join('\n');
  }

  /** A name for a symbol being defined, sometimes built by a macro. */
  private defName(sym: PoolSymbol): string {
    const r = this.r;
    const macro = this.nameMacros.get(sym.name);
    if (macro && r.chance(0.5)) return `$(${macro})`;
    if (this.f.preprocessor && r.chance(0.05)) return `$(KD_ID,${sym.name})`;
    if (this.f.preprocessor && sym.name.length > 1 && r.chance(0.05)) return `$(KD_CAT,${sym.name.slice(0, 1)},${sym.name.slice(1)})`;
    return sym.name;
  }

  /** A reference to a symbol planned before `limit` (or any symbol, in a loopy tree). */
  private symRef(limit: number, prefer?: Type): string {
    const r = this.r;
    if (r.chance(0.08) || (limit === 0 && !this.f.loopy)) return this.ref(this.anyUndefined());
    const max = this.f.loopy && r.chance(0.3) ? this.pool.length : Math.max(1, limit);
    let candidates = this.pool.slice(0, max);
    if (prefer && r.chance(0.7)) {
      const typed = candidates.filter((p) => p.type === prefer);
      if (typed.length > 0) candidates = typed;
    }
    return this.ref(r.pick(candidates).name);
  }

  private ref(name: string): string {
    const r = this.r;
    const macro = this.nameMacros.get(name);
    if (macro && r.chance(0.3)) return `$(${macro})`;
    if (this.f.preprocessor && r.chance(0.03)) return `$(KD_ID,${name})`;
    if (this.f.env && r.chance(0.02)) { this.useEnv('KD_SYM'); return '$(KD_SYM)'; }
    return name;
  }

  private anyUndefined(): string {
    return this.r.pick(this.undefinedNames);
  }

  private anyName(): string {
    return this.r.chance(0.15) ? this.anyUndefined() : this.r.pick(this.pool).name;
  }

  private selectTarget(from: number): string {
    const r = this.r;
    const later = this.pool.filter((p) => p.index > from);
    if (r.chance(0.1) || later.length === 0) return this.f.loopy ? r.pick(this.pool).name : this.anyUndefined();
    // Favour the interesting targets: choice members, non-bools, prompt-less symbols arise by themselves.
    const members = later.filter((p) => p.choiceStart !== undefined);
    if (members.length > 0 && r.chance(0.15)) return r.pick(members).name;
    return this.ref(r.pick(later).name);
  }

  private bound(type: Type, limit: number): string {
    const r = this.r;
    if (r.chance(0.2)) return this.symRef(limit, type === 'hex' ? 'hex' : 'int');
    if (type === 'hex') return r.pick(['0x0', '0x10', '0x100', '0xff', '0x1000', '16', '0', '0xffffffff']);
    return r.chance(0.004) ? '+3' : r.pick(['0', '1', '5', '10', '100', '-5', '4096', '65535', '-1', '0x10']);
  }

  /** A default value for a symbol of `type`, referring to symbols before `limit`. */
  private value(type: Type, limit: number): string {
    const r = this.r;
    switch (type) {
      case 'bool': case 'tristate': {
        const k = r.weighted({ y: 3, n: 2, sym: 3, expr: 2, quoted: 0.3, m: type === 'tristate' || this.f.tristate ? 1 : 0.05, shell: this.f.shell ? 0.5 : 0 });
        if (k === 'sym') return this.symRef(limit);
        if (k === 'expr') return this.expr(limit, 0);
        if (k === 'quoted') return r.pick(['"y"', '"n"', "'y'", '"yes"']);
        if (k === 'shell') return r.pick(['$(shell,echo y)', '$(KD_SH)']);
        return k;
      }
      case 'int': case 'hex': {
        const k = r.weighted({ number: 6, quoted: 1, sym: 2, macro: this.f.preprocessor ? 0.6 : 0, env: this.f.env ? 0.5 : 0, expr: 0.05 });
        if (k === 'sym') return this.symRef(limit, type);
        if (k === 'quoted') return `"${r.pick([...NUMBER_WORDS, '\uff15', ' 9'])}"`;
        if (k === 'macro') return r.pick(['$(KD_NUM_M)', '"$(KD_NUM_M)"']);
        if (k === 'env') { this.useEnv('KD_NUM'); return r.pick(['"$KD_NUM"', '$(KD_NUM)', '"${KD_NUM}"']); }
        if (k === 'expr') return this.expr(limit, 1);
        return type === 'hex' && r.chance(0.6) ? r.pick(['0x0', '0x10', '0x1F', '0xdeadbeef', '0x_10', '0X20', '0x8000000000000000']) : r.pick(NUMBER_WORDS);
      }
      case 'string': {
        const k = r.weighted({ quoted: 6, sym: 1.5, word: 0.5 });
        if (k === 'sym') return this.symRef(limit, 'string');
        if (k === 'word') return r.pick(['foo', 'y', '42', 'n']);
        return this.quoted('value');
      }
    }
  }

  /** A quoted string, with environment variables, macros and escapes now and then. */
  private quoted(what: string): string {
    const r = this.r;
    const pieces: string[] = [];
    for (let i = r.int(1, 3); i > 0; i--) {
      const k = r.weighted({
        word: 6, env: this.f.env ? 2 : 0.2, macro: this.f.preprocessor ? 2 : 0, location: this.f.preprocessor ? 0.4 : 0, escape: 0.7, number: 0.6,
      });
      if (k === 'word') pieces.push(what === 'value' ? r.pick(WORDS) : r.pick([what, 'Enable', 'Some option', 'ünï', 'opts']));
      else if (k === 'env') {
        const v = r.pick(['KD_S', 'KD_S', 'HOME', 'KD_MISSING'] as const);
        this.useEnv(v);
        pieces.push(r.pick([`$${v}`, `\${${v}}`, `$(${v})`, `$${v}/x`]));
      } else if (k === 'macro') pieces.push(r.pick(['$(KD_V)', '$(KD_R)', '$(KD_ID,id)', '$(KD_CAT,a,b)', '$(undefined_macro)']));
      else if (k === 'location') pieces.push(r.pick(['$(filename)', '$(lineno)']));
      else if (k === 'escape') pieces.push(r.pick(['\\"', '\\\\', "'", '\\$(KD_V)', '\\n']));
      else pieces.push(r.pick(NUMBER_STRINGS));
    }
    const text = pieces.join(r.pick(['', ' ', '-']));
    // Single quotes cannot hold an unescaped single quote.
    return r.chance(0.1) && !text.includes("'") ? `'${text}'` : `"${text.replace(/(^|[^\\])"/g, '$1\\"')}"`;
  }

  /** An expression over symbols planned before `limit`. */
  private expr(limit: number, depth: number): string {
    const r = this.r;
    const k = r.weighted({
      sym: 5, const: 0.8, cmp: depth < 3 ? 2.2 : 0, not: depth < 3 ? 0.8 : 0, and: depth < 2 ? 1 : 0, or: depth < 2 ? 0.8 : 0, paren: depth < 3 ? 0.4 : 0, quoted: 0.2,
    });
    switch (k) {
      case 'sym': return this.symRef(limit);
      case 'const': return r.pick(['y', 'n', 'y', this.f.tristate ? 'm' : 'n']);
      case 'cmp': {
        const operand = (): string => {
          const o = r.weighted({ sym: 5, number: 2, quoted: 2.5, macro: this.f.preprocessor ? 0.4 : 0 });
          if (o === 'sym') return this.symRef(limit);
          if (o === 'number') return r.pick(NUMBER_WORDS);
          if (o === 'macro') return r.pick(['$(KD_NUM_M)', '"$(KD_V)"']);
          if (this.f.env && r.chance(0.2)) { this.useEnv('KD_S'); return r.pick(['"$KD_S"', '"${KD_S}"']); }
          return `"${r.pick([...NUMBER_STRINGS, 'y', 'n', 'abc', 'alpha'])}"`;
        };
        return `${operand()} ${r.pick(['=', '!=', '<', '<=', '>', '>='])} ${operand()}`;
      }
      case 'not': return `!${this.expr(limit, depth + 1)}`;
      case 'and': return `${this.expr(limit, depth + 1)} && ${this.expr(limit, depth + 1)}`;
      case 'or': return `${this.expr(limit, depth + 1)} || ${this.expr(limit, depth + 1)}`;
      case 'paren': return `(${this.expr(limit, depth + 1)})`;
      default: return r.pick(['"y"', '"n"', '"abc"']);
    }
  }

  private useEnv(v: EnvVar): void {
    this.usedEnv.add(v);
  }
}
