// SPDX-License-Identifier: MIT
/**
 * The catalog: every micro-library and board an image may use, read from
 * Kiln's own folders (lib/, boards/) and from the user's library folders,
 * joined with the Kconfig tree assembled from all of them.
 *
 * Reading the catalog is the only file reading synth does besides library
 * headers: no network, no subprocess.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { KilnError, type Problem } from '../errors.ts';
import { loadKconfig, type KconfigTree } from '../kconfig/index.ts';
import { KILN_ROOT } from '../paths.ts';
import type { BoardInfo } from '../spec/board-info.ts';
import { readBoardFile } from '../spec/board-file.ts';
import type { Catalog, LibraryInfo, OptionInfo, OptionType } from '../spec/catalog-info.ts';
import { readManifest, type LibraryManifest } from './library-manifest.ts';
import { programLibrary } from './program.ts';
import type { ProgramSpec } from '../spec/image-spec.ts';

/** Options of loadCatalog(). */
export interface CatalogOptions {
  /** The Kiln root holding Kconfig, lib/ and boards/. @default this package */
  readonly root?: string;
  /**
   * The user's library folders (absolute), searched after Kiln's own: each
   * sub-folder holding a library.yaml is a library, each holding a
   * board.yaml a board; a folder that itself holds one counts as one.
   * @default none
   */
  readonly folders?: readonly string[];
  /** The user's programs, each a library of its own (see programLibrary()). @default none */
  readonly programs?: readonly ProgramSpec[];
}

/** The catalog plus what the later phases need: manifests, boards and the Kconfig tree. */
export interface KilnCatalog extends Catalog {
  readonly manifests: ReadonlyMap<string, LibraryManifest>;
  /** Boards specs may name, by id. */
  readonly boards: ReadonlyMap<string, BoardInfo>;
  readonly kconfig: KconfigTree;
  /**
   * The in-memory Kconfig files that source the user's Kconfig into the
   * tree (USER_BOARDS_KCONFIG, USER_LIBRARIES_KCONFIG), by name relative
   * to the root; empty without library folders.
   */
  readonly kconfigFiles: ReadonlyMap<string, string>;
  /** The Kiln root. */
  readonly root: string;
  /** The user's library folders it was read with. */
  readonly folders: readonly string[];
  /** The programs it was read with. */
  readonly programs: readonly ProgramSpec[];
}

/**
 * Virtual Kconfig files the root Kconfig sources (`osource`): where the
 * user's boards join the PLATFORM choice and the user's libraries the
 * library menu. On disk they do not exist, so standard Kconfig tools see
 * Kiln's own tree.
 */
export const USER_BOARDS_KCONFIG = 'Kconfig.user-boards';
export const USER_LIBRARIES_KCONFIG = 'Kconfig.user-libraries';

const cache = new Map<string, KilnCatalog>();

/**
 * Reads every library.yaml and board.yaml of Kiln and of the given folders,
 * and the Kconfig tree over all of them; cached per process by root and
 * folders.
 *
 * @throws KilnError (the user's fault) for a folder that does not exist, a
 *   library folder without library.yaml, or a library, board or Kconfig
 *   symbol that clashes with Kiln's or another folder's: each names both
 *   places
 */
export function loadCatalog(options: CatalogOptions = {}): KilnCatalog {
  const root = options.root ?? KILN_ROOT;
  const folders = options.folders ?? [];
  const programs = options.programs ?? [];
  const key = JSON.stringify([root, folders, programs]);
  const hit = cache.get(key);
  if (hit) return hit;

  const problems: Problem[] = [];
  const manifests = new Map<string, LibraryManifest>();
  const boards = new Map<string, BoardInfo>();
  const boardFiles = new Map<string, string>();
  const userKconfigs = { boards: [] as string[], libraries: [] as string[] };

  for (const dir of readdirSync(join(root, 'lib')).sort()) {
    if (!existsSync(join(root, 'lib', dir, 'library.yaml'))) continue;
    const manifest = readManifest(join(root, 'lib', dir), `lib/${dir}`, 'kiln');
    if (manifests.has(manifest.name)) throw new KilnError(`${join(root, 'lib', dir)}: library name "${manifest.name}" is used twice`, { fault: 'kiln' });
    manifests.set(manifest.name, manifest);
  }
  for (const file of kilnBoardFiles(root)) addBoard(file, 'kiln', boards, boardFiles, problems);

  for (const folder of folders) {
    for (const entry of folderEntries(folder, problems)) {
      const hasLibrary = existsSync(join(entry, 'library.yaml'));
      const hasBoard = existsSync(join(entry, 'board.yaml'));
      if (hasLibrary) {
        const manifest = readManifest(entry, entry, 'user');
        const other = manifests.get(manifest.name);
        if (other) {
          problems.push({
            message: `library "${manifest.name}" in ${entry} has the name of the library in ${isAbsolute(other.dir) ? other.dir : join(root, other.dir)}`,
            hint: 'rename one of them (library.yaml "name"); names are unique across Kiln and your library folders',
          });
          continue;
        }
        manifests.set(manifest.name, manifest);
        if (existsSync(join(entry, 'Kconfig'))) userKconfigs.libraries.push(join(entry, 'Kconfig'));
      }
      if (hasBoard && addBoard(join(entry, 'board.yaml'), 'user', boards, boardFiles, problems) && existsSync(join(entry, 'Kconfig'))) {
        userKconfigs.boards.push(join(entry, 'Kconfig'));
      }
      if (!hasLibrary && !hasBoard && (existsSync(join(entry, 'Kconfig')) || hasSources(entry))) {
        problems.push({
          message: `${entry} has a Kconfig or sources but no library.yaml`,
          hint: 'add a library.yaml (name, role, summary, license, symbol, sources), or move the folder out of the library folder',
        });
      }
    }
  }
  const programKconfig: string[] = [];
  for (const program of programs) {
    const { manifest, kconfig } = programLibrary(program);
    const other = manifests.get(manifest.name);
    if (other) {
      problems.push({
        message: `program "${manifest.name}" has the name of the library in ${isAbsolute(other.dir) ? other.dir : join(root, other.dir)}`,
        hint: 'give the program a name of its own',
      });
      continue;
    }
    manifests.set(manifest.name, manifest);
    programKconfig.push(kconfig);
  }
  if (problems.length) throw new KilnError(problems);

  const kconfigFiles = new Map(([
    [USER_BOARDS_KCONFIG, userKconfigs.boards.map((f) => `source "${f}"\n`)],
    [USER_LIBRARIES_KCONFIG, [...userKconfigs.libraries.map((f) => `source "${f}"\n`), ...programKconfig]],
  ] as const).filter(([, parts]) => parts.length > 0).map(([name, parts]) => [name, parts.join('')]));
  const kconfig = loadKconfig(join(root, 'Kconfig'), { srctree: root, virtualFiles: kconfigFiles });
  const clashes = symbolClashes(kconfig, root);
  if (clashes.length) throw new KilnError(clashes);

  const libraries = new Map<string, LibraryInfo>();
  for (const m of manifests.values()) {
    libraries.set(m.name, { name: m.name, role: m.role, symbol: m.symbol, summary: m.summary, options: optionsOf(kconfig, m.symbol) });
  }
  const catalog: KilnCatalog = { libraries, manifests, boards, kconfig, kconfigFiles, root, folders, programs };
  cache.set(key, catalog);
  return catalog;
}

/**
 * Kiln's boards and those of the given folders, by id: the boards alone,
 * without libraries or the Kconfig tree (what `kiln run` needs to know a
 * board, at a fraction of the catalog's cost).
 *
 * @throws KilnError as loadCatalog() does for boards
 */
export function loadBoards(options: CatalogOptions = {}): ReadonlyMap<string, BoardInfo> {
  const root = options.root ?? KILN_ROOT;
  const problems: Problem[] = [];
  const boards = new Map<string, BoardInfo>();
  const files = new Map<string, string>();
  for (const file of kilnBoardFiles(root)) addBoard(file, 'kiln', boards, files, problems);
  for (const folder of options.folders ?? []) {
    for (const entry of folderEntries(folder, problems)) {
      if (existsSync(join(entry, 'board.yaml'))) addBoard(join(entry, 'board.yaml'), 'user', boards, files, problems);
    }
  }
  if (problems.length) throw new KilnError(problems);
  return boards;
}

/** Kiln's own board files: boards/<id>/board.yaml. */
function kilnBoardFiles(root: string): string[] {
  return readdirSync(join(root, 'boards')).sort().map((dir) => join(root, 'boards', dir, 'board.yaml')).filter((file) => existsSync(file));
}

/** Reads a board.yaml into `boards`, or records a clash of ids; false for a clash. */
function addBoard(file: string, fault: 'user' | 'kiln', boards: Map<string, BoardInfo>, files: Map<string, string>, problems: Problem[]): boolean {
  const board = readBoardFile(file, fault);
  const other = files.get(board.id);
  if (other) {
    problems.push({ message: `board "${board.id}" in ${file} has the id of the board in ${other}`, hint: 'give your board an id of its own' });
    return false;
  }
  boards.set(board.id, board);
  files.set(board.id, file);
  return true;
}

/** The board a spec's `board` names or describes, or undefined for an id the catalog does not have. */
export function tryFindBoard(catalog: KilnCatalog, board: string | BoardInfo): BoardInfo | undefined {
  return typeof board === 'string' ? catalog.boards.get(board) : board;
}

/** The library folders of one user folder: itself when it is one, else its sub-folders. */
function folderEntries(folder: string, problems: Problem[]): string[] {
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    problems.push({ message: `library folder ${folder} ${stat ? 'is not a folder' : 'does not exist'}`, hint: 'check the path in libraryFolders (relative to your image.ts or spec file)' });
    return [];
  }
  if (existsSync(join(folder, 'library.yaml')) || existsSync(join(folder, 'board.yaml'))) return [folder];
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
    .map((d) => join(folder, d.name))
    .sort();
}

function hasSources(dir: string): boolean {
  return readdirSync(dir).some((f) => /\.(c|cc|cpp|S|h)$/.test(f));
}

/**
 * Symbols defined both in Kiln's tree and in a user's Kconfig, or in two
 * users' folders: Kconfig would merge them silently, so Kiln refuses.
 */
function symbolClashes(tree: KconfigTree, root: string): Problem[] {
  const problems: Problem[] = [];
  for (const sym of tree.symbols()) {
    const places = [...new Set(sym.locations.map((l) => (l.file.startsWith('/') ? dirnameOf(l.file) : 'kiln')))];
    if (places.length < 2) continue;
    const where = sym.locations.map((l) => `${l.file.startsWith('/') ? l.file : join(root, l.file)}:${l.line}`);
    problems.push({
      message: `Kconfig symbol ${sym.name} is defined in more than one place: ${[...new Set(where)].join(' and ')}`,
      hint: `give your symbol a prefix of its own (e.g. the library's symbol: ${basename(dirnameOf(sym.locations.find((l) => l.file.startsWith('/'))?.file ?? '')).toUpperCase().replace(/[^A-Z0-9]/g, '_')}_...)`,
    });
  }
  return problems;
}

function dirnameOf(file: string): string {
  return file.slice(0, file.lastIndexOf('/'));
}

/** camelCase name of a Kconfig option suffix: EXIT_STATUS -> exitStatus. */
export function optionName(suffix: string): string {
  return suffix.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Kconfig symbol of an option: ('APP_HELLO', 'exitStatus') -> APP_HELLO_EXIT_STATUS. */
export function optionSymbol(librarySymbol: string, option: string): string {
  return `${librarySymbol}_${option.replace(/([A-Z])/g, '_$1').toUpperCase()}`;
}

function optionsOf(tree: KconfigTree, symbol: string): Map<string, OptionInfo> {
  const options = new Map<string, OptionInfo>();
  for (const sym of tree.symbols()) {
    if (!sym.name.startsWith(`${symbol}_`) || !sym.prompt) continue;
    const name = optionName(sym.name.slice(symbol.length + 1));
    const range = sym.ranges[0];
    options.set(name, {
      name,
      symbol: sym.name,
      type: sym.type as OptionType,
      ...(range ? { range: [Number(range.low), Number(range.high)] as const } : {}),
      ...(sym.help ? { help: sym.help } : {}),
    });
  }
  return options;
}
