// SPDX-License-Identifier: MIT
/**
 * Parses a Kconfig tree, following `source` statements, into an AstTree.
 *
 * The whole language as kconfiglib reads it: config, menuconfig, choice
 * (optional, default), if, menu (visible if), comment, mainmenu, source,
 * osource, rsource, orsource (and the old gsource, grsource) with wildcards,
 * the types bool, int, hex and string with their def_* shorthands, prompt
 * (quoted or not), default, depends on, select, imply, range, help, the
 * options env, defconfig_list, modules and allnoconfig_y, and the
 * preprocessor (preprocessor.ts). What kconfiglib only warns about is
 * accepted with the same warning. Refused on purpose, each with its
 * `unsupported` name (docs/kconfig.md): `tristate` (Kiln builds no loadable
 * modules) and `$(shell,...)`.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname as posixDirname } from 'node:path/posix';
import type {
  AstChoice, AstComment, AstConfig, AstDefault, AstDependsOn, AstEntry, AstExpr, AstMenu, AstPrompt, AstRange,
  AstReverse, AstTree, DeclaredType,
} from './ast.ts';
import { KconfigParseError } from '../parse-error.ts';
import { expandGlob } from './glob.ts';
import { tokenizeLine } from './lexer.ts';
import { Preprocessor } from './preprocessor.ts';
import { formatLocation, type SourceLocation } from '../location.ts';
import { KconfigFileReader, type LogicalLine } from './reader.ts';
import { TokenCursor } from './token-cursor.ts';

/**
 * Parses the tree rooted at `rootFile`.
 *
 * @param rootFile the top Kconfig file, relative to `srctree` (or absolute).
 * @param srctree the directory `source` paths are relative to.
 */
export function parseKconfigTree(
  rootFile: string, srctree: string, virtualFiles?: ReadonlyMap<string, string>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): AstTree {
  const parser = new KconfigParser(srctree, virtualFiles ?? new Map(), new Preprocessor(env));
  const entries = parser.parseFile(rootFile, undefined);
  return {
    mainmenu: parser.mainmenu, entries, files: parser.files, warnings: [...parser.warnings, ...parser.pp.warnings],
    info: parser.pp.info, environment: parser.pp.environment,
  };
}

const TYPE_WORDS: Readonly<Record<string, DeclaredType>> = {
  bool: 'bool', boolean: 'bool', int: 'int', hex: 'hex', string: 'string',
};
const DEF_WORDS: Readonly<Record<string, DeclaredType>> = {
  def_bool: 'bool', def_int: 'int', def_hex: 'hex', def_string: 'string',
};

type EntryKind = 'config' | 'choice' | 'menu' | 'comment';

// Which properties each kind of entry accepts. kconfiglib also reads a
// `default` on a menu or comment and a `range` on a menu, comment or choice,
// and then ignores them; so does Kiln ('ignored').
const PROPERTIES: Readonly<Record<EntryKind, ReadonlySet<string>>> = {
  config: new Set(['type', 'prompt', 'default', 'depends', 'select', 'imply', 'range', 'help', 'option']),
  choice: new Set(['type', 'prompt', 'default', 'depends', 'help', 'optional', 'option', 'range']),
  menu: new Set(['depends', 'visible', 'help', 'option', 'default', 'range']),
  comment: new Set(['depends', 'help', 'option', 'default', 'range']),
};

const STATEMENTS = 'a Kconfig statement (config, menuconfig, choice, menu, comment, if, source)';

interface BlockEnd {
  readonly keyword: 'endif' | 'endmenu' | 'endchoice';
  readonly opener: SourceLocation;
}

// The properties of one entry, filled line by line.
interface Props {
  type?: DeclaredType;
  prompt?: AstPrompt;
  readonly defaults: AstDefault[];
  readonly dependsOn: AstDependsOn[];
  readonly selects: AstReverse[];
  readonly implies: AstReverse[];
  readonly ranges: AstRange[];
  readonly visibleIf: AstExpr[];
  help?: string;
  optional: boolean;
  typeAt?: SourceLocation;
  envVar?: string;
  defconfigList: boolean;
}

class KconfigParser {
  readonly files: string[] = [];
  readonly warnings: string[] = [];
  mainmenu: string | undefined;
  // Whether some entry already has `option defconfig_list` (only the first counts).
  private defconfigListSeen = false;
  private readonly prefix: string;
  // Files being parsed, outermost first, with the line that sourced the next one.
  private readonly includePath: string[] = [];

  constructor(
    private readonly srctree: string,
    private readonly virtualFiles: ReadonlyMap<string, string>,
    readonly pp: Preprocessor,
  ) {
    this.prefix = `${realpathSync(srctree)}/`;
  }

  parseFile(relName: string, from: SourceLocation | undefined): AstEntry[] {
    const abs = relName.startsWith('/') ? relName : `${this.srctree}/${relName}`;
    let text: string;
    try {
      text = this.virtualFiles.get(relName) ?? readFileSync(abs, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new KconfigParseError(from?.file ?? relName, from?.line ?? 0, 'a readable Kconfig file', `'${relName}' (${code})`, { cause: error });
    }
    this.files.push(relName);
    this.includePath.push(relName);
    const entries = this.parseBlock(new KconfigFileReader(relName, text), undefined);
    this.includePath.pop();
    return entries;
  }

  private parseBlock(reader: KconfigFileReader, end: BlockEnd | undefined): AstEntry[] {
    const entries: AstEntry[] = [];
    for (let line = reader.next(); line; line = reader.next()) {
      const at: SourceLocation = { file: reader.file, line: line.line };
      const tokens = this.tokenize(line, at);
      if (tokens.length === 0) continue;
      const cur = new TokenCursor(tokens, at);
      const head = cur.next()!;
      switch (head.text) {
        case 'config':
        case 'menuconfig':
          entries.push(this.parseConfig(reader, cur, head.text === 'menuconfig'));
          break;
        case 'source':
        case 'osource':
        case 'rsource':
        case 'orsource':
        case 'gsource':
        case 'grsource':
          entries.push(...this.parseSource(cur, head.text === 'gsource' ? 'osource' : head.text === 'grsource' ? 'orsource' : head.text));
          break;
        case 'if': {
          const condition = cur.expr(true);
          cur.end();
          entries.push({ kind: 'if', condition, at, children: this.parseBlock(reader, { keyword: 'endif', opener: at }) });
          break;
        }
        case 'menu':
          entries.push(this.parseMenu(reader, cur));
          break;
        case 'choice':
          entries.push(this.parseChoice(reader, cur));
          break;
        case 'comment':
          entries.push(this.parseComment(reader, cur));
          break;
        case 'mainmenu':
          this.mainmenu = cur.string('a quoted title after mainmenu');
          cur.end();
          break;
        case 'endif':
        case 'endmenu':
        case 'endchoice':
          if (end?.keyword === head.text) {
            cur.end();
            return entries;
          }
          cur.fail(end ? `${end.keyword} (for the ${opener(end)} at ${formatLocation(end.opener)})` : STATEMENTS, head);
          break;
        default:
          cur.fail(end ? `${STATEMENTS} or ${end.keyword}` : STATEMENTS, head);
      }
    }
    if (end) {
      throw new KconfigParseError(reader.file, reader.lastLine, `${end.keyword} for the ${opener(end)} at ${formatLocation(end.opener)}`, 'end of file');
    }
    return entries;
  }

  private parseConfig(reader: KconfigFileReader, cur: TokenCursor, menuconfig: boolean): AstConfig {
    const name = cur.name(`a symbol name after ${menuconfig ? 'menuconfig' : 'config'}`);
    cur.end();
    const p = this.parseProps(reader, 'config', name);
    if (menuconfig && !p.prompt) this.warnings.push(`${formatLocation(cur.at)}: the menuconfig symbol ${name} has no prompt`);
    return {
      kind: 'config', name, menuconfig, at: cur.at, type: p.type, typeAt: p.typeAt, prompt: p.prompt, defaults: p.defaults,
      dependsOn: p.dependsOn, selects: p.selects, implies: p.implies, ranges: p.ranges, help: p.help,
      envVar: p.envVar, defconfigList: p.defconfigList,
    };
  }

  private tokenize(line: LogicalLine, at: SourceLocation) {
    return tokenizeLine(line.text, { file: at.file, line: at.line, lastLine: line.lastLine }, this.pp, (w) => this.warnings.push(w), line.newline);
  }

  private parseChoice(reader: KconfigFileReader, cur: TokenCursor): AstChoice {
    const t = cur.next();
    const name = t === undefined ? undefined : t.kind !== 'string' ? cur.fail('a choice name or end of line', t) : t.text;
    cur.end();
    const p = this.parseProps(reader, 'choice', `<choice${name === undefined ? '' : ` ${name}`}>`);
    const children = this.parseBlock(reader, { keyword: 'endchoice', opener: cur.at });
    return {
      kind: 'choice', name, at: cur.at, type: p.type, prompt: p.prompt, defaults: p.defaults, dependsOn: p.dependsOn,
      optional: p.optional, help: p.help, children,
    };
  }

  private parseMenu(reader: KconfigFileReader, cur: TokenCursor): AstMenu {
    const title = cur.string('a quoted title after menu');
    cur.end();
    const p = this.parseProps(reader, 'menu', `menu "${title}"`);
    const children = this.parseBlock(reader, { keyword: 'endmenu', opener: cur.at });
    return { kind: 'menu', title, at: cur.at, dependsOn: p.dependsOn, visibleIf: p.visibleIf, children };
  }

  private parseComment(reader: KconfigFileReader, cur: TokenCursor): AstComment {
    const text = cur.string('a quoted text after comment');
    cur.end();
    const p = this.parseProps(reader, 'comment', `comment "${text}"`);
    return { kind: 'comment', text, at: cur.at, dependsOn: p.dependsOn };
  }

  private parseSource(cur: TokenCursor, keyword: string): AstEntry[] {
    const pattern = cur.string(`a quoted path after ${keyword}`);
    cur.end();
    const relative = keyword === 'rsource' || keyword === 'orsource';
    const optional = keyword === 'osource' || keyword === 'orsource';
    let full = pattern;
    if (relative && !pattern.startsWith('/')) {
      const dir = posixDirname(cur.at.file);
      full = dir === '.' ? pattern : `${dir}/${pattern}`;
    }
    if (!full.startsWith('/')) full = this.prefix + full;
    const virtual = full.startsWith(this.prefix) && this.virtualFiles.has(full.slice(this.prefix.length));
    const paths = virtual ? [full] : expandGlob(full);
    if (paths.length === 0 && !optional) {
      cur.fail(`a file matching "${pattern}" (relative to ${relative ? 'this file' : `the source tree ${this.srctree}`})`, undefined);
    }
    const entries: AstEntry[] = [];
    for (const path of paths) {
      const rel = path.startsWith(this.prefix) ? path.slice(this.prefix.length) : path;
      if (this.includePath.includes(rel)) {
        throw new KconfigParseError(cur.at.file, cur.at.line, 'no recursive source', `'${rel}', which is already being read (${this.includePath.join(' -> ')})`);
      }
      entries.push(...this.parseFile(rel, cur.at));
    }
    return entries;
  }

  // Reads property lines until a line that is not a property, which is left for the block.
  private parseProps(reader: KconfigFileReader, kind: EntryKind, owner: string): Props {
    const allowed = PROPERTIES[kind];
    const p: Props = {
      defaults: [], dependsOn: [], selects: [], implies: [], ranges: [], visibleIf: [], optional: false, defconfigList: false,
    };
    const warn = (at: SourceLocation, text: string): void => {
      this.warnings.push(`${formatLocation(at)}: ${text}`);
    };
    for (let line = reader.next(); line; line = reader.next()) {
      const at: SourceLocation = { file: reader.file, line: line.line };
      const tokens = this.tokenize(line, at);
      if (tokens.length === 0) continue;
      const cur = new TokenCursor(tokens, at);
      const head = cur.next()!;
      const word = head.kind === 'word' ? head.text : '';
      const property = propertyOf(word);
      if (!property) {
        reader.unread();
        return p;
      }
      if (!allowed.has(property)) {
        cur.fail(`a property of a ${kind} or a new statement`, head);
      }
      switch (property) {
        case 'type':
          if (word === 'tristate' || word === 'def_tristate') {
            throw new KconfigParseError(
              at.file, at.line, `bool, int, hex or string for ${owner}`,
              `'${word}' (Kiln builds no loadable modules, so it refuses tristate symbols; declare ${owner} bool)`,
              { unsupported: 'tristate' },
            );
          }
          if (p.type !== undefined && p.type !== (TYPE_WORDS[word] ?? DEF_WORDS[word])) {
            warn(at, `${owner} defined with multiple types, ${TYPE_WORDS[word] ?? DEF_WORDS[word]} will be used`);
          }
          p.type = TYPE_WORDS[word] ?? DEF_WORDS[word];
          p.typeAt = at;
          if (Object.hasOwn(DEF_WORDS, word)) {
            p.defaults.push({ value: cur.expr(false), condition: cur.condition(), at });
          } else if (!cur.atEnd()) {
            this.prompt(p, cur, owner, at, `a prompt after ${word}`);
          }
          break;
        case 'prompt':
          this.prompt(p, cur, owner, at, 'a prompt');
          break;
        case 'default': {
          const d = { value: cur.expr(false), condition: cur.condition(), at };
          // kconfiglib reads a default on a menu or comment and ignores it.
          if (kind === 'config' || kind === 'choice') p.defaults.push(d);
          break;
        }
        case 'depends':
          cur.expectWord('on', "after 'depends'");
          p.dependsOn.push({ expr: cur.expr(true), at });
          cur.end();
          break;
        case 'select':
        case 'imply':
          (property === 'select' ? p.selects : p.implies).push({
            target: cur.name(`a symbol name after ${property}`), condition: cur.condition(), at,
          });
          break;
        case 'range': {
          const r = { low: cur.operand(), high: cur.operand(), condition: cur.condition(), at };
          if (kind === 'config') p.ranges.push(r);
          break;
        }
        case 'help':
          // Anything after `help` on its line is ignored, as kconfiglib does.
          if (p.help !== undefined) warn(at, `${owner} defined with more than one help text -- only the last one will be used`);
          p.help = reader.readHelp();
          if (p.help === '') warn(at, `${owner} has 'help' but empty help text`);
          break;
        case 'visible':
          cur.expectWord('if', "after 'visible'");
          p.visibleIf.push(cur.expr(true));
          cur.end();
          break;
        case 'optional':
          cur.end();
          p.optional = true;
          break;
        case 'option':
          this.option(p, cur, kind, owner, at);
          break;
      }
    }
    return p;
  }

  private prompt(p: Props, cur: TokenCursor, owner: string, at: SourceLocation, what: string): void {
    if (p.prompt) this.warnings.push(`${formatLocation(at)}: ${owner} defined with multiple prompts in single location`);
    const raw = cur.string(what);
    const text = raw.trim();
    if (text !== raw) this.warnings.push(`${formatLocation(at)}: ${owner} has leading or trailing whitespace in its prompt`);
    p.prompt = { text, condition: cur.condition(), at };
  }

  private option(p: Props, cur: TokenCursor, kind: EntryKind, owner: string, at: SourceLocation): void {
    const warn = (text: string): void => {
      this.warnings.push(`${formatLocation(at)}: ${text}`);
    };
    if (cur.acceptWord('env')) {
      if (kind !== 'config') cur.fail(`option env only on a symbol, not on a ${kind}`, { kind: 'word', text: 'env', keyword: true });
      const eq = cur.next();
      if (eq?.kind !== 'op' || eq.text !== '=') cur.fail("'=' after 'env'", eq);
      const variable = cur.string('a quoted environment variable name');
      cur.end();
      p.envVar = variable;
      const value = this.pp.getenv(variable);
      if (value !== undefined) p.defaults.push({ value: { kind: 'constant', value }, at });
      else warn(`${owner} has 'option env="${variable}"', but the environment variable ${variable} is not set`);
      if (variable !== owner) {
        warn(`${owner} takes its default from the environment variable ${variable}; environment variables also expand in strings ("$${variable}"), and naming the symbol ${variable} matches the C tools`);
      }
    } else if (cur.acceptWord('defconfig_list')) {
      cur.end();
      // Only the first counts; it only names defconfig files, which Kiln never reads.
      if (!this.defconfigListSeen) p.defconfigList = kind === 'config';
      else warn(`'option defconfig_list' is set on more than one entry (also ${owner}); only the first is used`);
      this.defconfigListSeen = true;
    } else if (cur.acceptWord('modules')) {
      cur.end();
      if (owner !== 'MODULES') warn(`'option modules' on ${owner} has no effect: the modules symbol is always MODULES`);
    } else if (cur.acceptWord('allnoconfig_y')) {
      if (kind !== 'config') cur.fail('allnoconfig_y only on a symbol', { kind: 'word', text: 'allnoconfig_y', keyword: true });
      // It only affects allnoconfig, which Kiln never runs.
      cur.end();
    } else {
      cur.fail('env="NAME", defconfig_list, modules or allnoconfig_y after option', cur.peek());
    }
  }
}

// Maps the first word of a line to the property it starts, if it starts one.
function propertyOf(word: string): string | undefined {
  if (Object.hasOwn(TYPE_WORDS, word) || Object.hasOwn(DEF_WORDS, word) || word === 'tristate' || word === 'def_tristate') return 'type';
  if (/^-*help-*$/.test(word)) return 'help';
  switch (word) {
    case 'prompt': case 'default': case 'depends': case 'select': case 'imply': case 'range': case 'visible':
    case 'optional': case 'option':
      return word;
    default:
      return undefined;
  }
}

function opener(end: BlockEnd): string {
  return end.keyword === 'endif' ? 'if' : end.keyword === 'endmenu' ? 'menu' : 'choice';
}

