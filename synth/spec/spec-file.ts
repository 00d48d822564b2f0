// SPDX-License-Identifier: MIT
/**
 * Loads machine-written spec files (YAML or JSON) into ImageSpecs.
 *
 * A file is accepted whole or not at all: any problem, and the result holds
 * every problem (each at a line, a column and a JSON pointer) and no specs,
 * so callers have nothing to write for a rejected file. Accepted specs come
 * back with their origins, so later phases can point at the spec's lines.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import { fileKind, projectFolder } from '../host-files.ts';
import { resolveProgramPaths } from './program-sources.ts';
import type { SpecProblem } from './spec-problem.ts';
import type { ComponentSpec, FileSpec, ImageSpec, OptionValue, Origin, ProgramSpec } from './image-spec.ts';
import { checkDocument, type CatalogSource, type CheckedImage } from './private/document.ts';

export type { CatalogSource } from './private/document.ts';
import { type Anchor, messageOf, type Where } from './private/finding.ts';
import { child, parent } from './private/pointer.ts';
import { setOwn } from './private/data.ts';
import { type Place, type Position, parseSource } from './private/yaml-source.ts';

/**
 * Where an accepted image was written, for errors found in later phases.
 *
 * Every Origin has `file`, `line`, `column` and `pointer` (into the file's
 * document). Values an image took from the fleet defaults point into the
 * defaults, since that is where the user wrote them.
 */
export interface SpecOrigins {
  /** The image itself (its mapping in the file). */
  readonly image: Origin;
  /** One per entry of the spec's `applications`, in order. */
  readonly applications: readonly Origin[];
  /** One per entry of the spec's `libraries`, in order (empty when there are none). */
  readonly libraries: readonly Origin[];
  /**
   * Every value of the spec, by JSON pointer into the spec:
   * `/board`, `/config/LIBC_DEBUG`, `/applications/0/options/greeting`.
   */
  readonly values: ReadonlyMap<string, Origin>;
}

/** What loading a spec file gives: every image and where it was written, or every problem. */
export type SpecLoadResult =
  | {
      readonly ok: true;
      /** The images, defaults merged in, in normal form (see normalizeImageSpec). */
      readonly specs: ImageSpec[];
      /** By image id. */
      readonly origins: Map<string, SpecOrigins>;
    }
  | {
      readonly ok: false;
      /** Sorted by line and column; never empty. */
      readonly problems: SpecProblem[];
    };

/** The largest spec file Kiln reads: far beyond any real fleet, small enough to parse at once. */
export const MAX_SPEC_BYTES = 16 * 1024 * 1024;

/** File names the loader reads, and the grammar of each. */
const EXTENSIONS: ReadonlyMap<string, 'yaml' | 'json'> = new Map([
  ['.yaml', 'yaml'],
  ['.yml', 'yaml'],
  ['.json', 'json'],
]);

/**
 * Reads and checks a spec file: `.yaml`, `.yml` or `.json`.
 *
 * A file that cannot be read is reported as a problem at its first line,
 * like any other, rather than thrown.
 */
export function loadSpecFile(file: string, catalog?: CatalogSource): SpecLoadResult {
  const extension = /\.[^./\\]*$/.exec(file)?.[0].toLowerCase() ?? '';
  if (!EXTENSIONS.has(extension)) {
    return failed(file, 'a spec file must be YAML or JSON, named *.yaml, *.yml or *.json; rename it');
  }
  let text: string;
  try {
    // Only a regular file of sane size is read: a FIFO would block, /dev/zero would never end.
    const stat = statSync(file);
    if (!stat.isFile()) return failed(file, `the spec is not a regular file (it is ${fileKind(stat)}); give the path of a .yaml or .json file`);
    if (stat.size > MAX_SPEC_BYTES) {
      return failed(file, `the spec file is ${stat.size} bytes, more than the ${MAX_SPEC_BYTES} Kiln reads; split the fleet into several files`);
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return failed(file, `the spec file cannot be read (${reason}); check the path and its permissions`);
  }
  return parseSpecText(text, file, catalog);
}

/**
 * Checks spec text as if read from `file`, which names it in problems and
 * picks the grammar: JSON for `*.json`, YAML otherwise.
 */
export function parseSpecText(text: string, file: string, catalog?: CatalogSource): SpecLoadResult {
  const parsed = parseSource(text, /\.json$/i.test(file) ? 'json' : 'yaml');
  if (!parsed.ok) return { ok: false, problems: sorted(parsed.problems.map((p) => ({ file, ...p }))) };

  const locate = (pointer: string, anchor: Anchor): Position => positionOf(parsed.places, pointer, anchor);
  const where: Where = (pointer, anchor) => `at line ${locate(pointer, anchor).line}`;
  const check = checkDocument(parsed.value, catalog);
  const problems: SpecProblem[] = parsed.problems.map((p) => ({ file, ...p }));
  for (const finding of check.findings) {
    problems.push({ file, ...locate(finding.pointer, finding.anchor), pointer: finding.pointer, message: messageOf(finding, where) });
  }
  if (problems.length > 0) return { ok: false, problems: sorted(problems) };

  const specs: ImageSpec[] = [];
  const origins = new Map<string, SpecOrigins>();
  for (const image of check.images) {
    // No findings: the schema has vouched for the shape.
    const anchored = anchorPrograms(anchorFiles(image.value as unknown as ImageSpec, file), file);
    for (const p of anchored.problems) {
      const pointer = image.sources.get(p.pointer) ?? image.pointer;
      problems.push({ file, ...locate(pointer, 'value'), pointer, message: p.hint ? `${p.message}; ${p.hint}` : p.message });
    }
    const spec = normalizeImageSpec(anchored.spec);
    specs.push(spec);
    origins.set(spec.id, originsOf(image, spec, file, parsed.places));
  }
  if (problems.length > 0) return { ok: false, problems: sorted(dedupeProblems(problems)) };
  return { ok: true, specs, origins };
}

/**
 * The normal form of an image: fields equal to their defaults dropped
 * (target 'qemu', toolchain 'gcc', empty libraries, empty config, empty
 * options, no files, args or env), `undefined` fields dropped, config,
 * option and env keys sorted, and fields in a fixed order (file entries
 * keep theirs: a later one at the same path wins). Two specs that mean the same image, one from a
 * YAML file and one from constructs, have deep-equal normal forms (and the
 * same JSON text).
 */
export function normalizeImageSpec(spec: ImageSpec): ImageSpec {
  return {
    id: spec.id,
    board: spec.board,
    ...(spec.target !== undefined && spec.target !== 'qemu' ? { target: spec.target } : {}),
    ...(spec.toolchain !== undefined && spec.toolchain !== 'gcc' ? { toolchain: spec.toolchain } : {}),
    applications: spec.applications.map(normalizeComponent),
    ...(spec.libraries !== undefined && spec.libraries.length > 0 ? { libraries: spec.libraries.map(normalizeComponent) } : {}),
    ...(spec.allocators !== undefined ? { allocators: { boot: spec.allocators.boot, app: spec.allocators.app } } : {}),
    ...(spec.scheduler !== undefined ? { scheduler: spec.scheduler } : {}),
    ...(spec.config !== undefined && Object.keys(spec.config).length > 0 ? { config: sortedRecord(spec.config) } : {}),
    ...normalBudget(spec.budget),
    ...(spec.files !== undefined && spec.files.length > 0 ? { files: spec.files.map(normalizeFile) } : {}),
    ...(spec.args !== undefined && spec.args.length > 0 ? { args: [...spec.args] } : {}),
    ...(spec.env !== undefined && Object.keys(spec.env).length > 0 ? { env: sortedStrings(spec.env) } : {}),
    ...(spec.libraryFolders !== undefined && spec.libraryFolders.length > 0 ? { libraryFolders: [...spec.libraryFolders] } : {}),
    ...(spec.programs !== undefined && spec.programs.length > 0 ? { programs: spec.programs.map(normalizeProgram) } : {}),
  };
}

/** A program with its fields in a fixed order, sources sorted, defines sorted, requirements that are off dropped. */
function normalizeProgram(program: ProgramSpec): ProgramSpec {
  const requires = (['network', 'threads', 'files'] as const).filter((k) => program.requires?.[k] === true);
  return {
    name: program.name,
    sources: [...new Set(program.sources)].sort(),
    ...(program.include !== undefined && program.include.length > 0 ? { include: [...program.include] } : {}),
    ...(program.defines !== undefined && Object.keys(program.defines).length > 0 ? { defines: sortedStrings(program.defines) } : {}),
    ...(program.cflags !== undefined && program.cflags.length > 0 ? { cflags: [...program.cflags] } : {}),
    ...(requires.length ? { requires: Object.fromEntries(requires.map((k) => [k, true])) } : {}),
  };
}

/** A file entry with its fields in a fixed order (order of entries is kept: later ones win). */
function normalizeFile(file: FileSpec): FileSpec {
  return {
    at: file.at,
    ...(file.from !== undefined ? { from: file.from } : {}),
    ...(file.content !== undefined ? { content: file.content } : {}),
  };
}

function sortedStrings(record: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  // setOwn: a variable may be called __proto__, which assignment would swallow.
  for (const key of Object.keys(record).sort()) setOwn(out, key, record[key]);
  return out;
}

/** A budget with only the limits it sets, in a fixed order; none when it sets none. */
function normalBudget(budget: ImageSpec['budget']): Pick<ImageSpec, 'budget'> {
  const limits = (['imageBytes', 'ramBytes', 'embedBytes'] as const).filter((k) => budget?.[k] !== undefined);
  return limits.length ? { budget: Object.fromEntries(limits.map((k) => [k, budget![k]])) } : {};
}

/**
 * Makes the `from` paths of a spec file's `files`, and its
 * `libraryFolders`, absolute, against the folder of the file that wrote
 * them, so the spec means the same wherever Kiln runs from.
 */
function anchorFiles(spec: ImageSpec, file: string): ImageSpec {
  const base = dirname(resolvePath(file));
  const files = spec.files?.some((f) => f.from !== undefined && !isAbsolute(f.from))
    ? { files: spec.files.map((f) => (f.from !== undefined && !isAbsolute(f.from) ? { ...f, from: resolvePath(base, f.from) } : f)) }
    : {};
  const folders = spec.libraryFolders?.some((f) => !isAbsolute(f))
    ? { libraryFolders: spec.libraryFolders.map((f) => resolvePath(base, f)) }
    : {};
  return { ...spec, ...files, ...folders };
}

/**
 * Expands a spec file's program sources (globs relative to the file's
 * folder, confined to its project folder) and makes include folders
 * absolute; what cannot be expanded is a problem at the entry's pointer.
 */
function anchorPrograms(spec: ImageSpec, file: string): { spec: ImageSpec; problems: { pointer: string; message: string; hint?: string }[] } {
  if (!spec.programs?.length) return { spec, problems: [] };
  const base = dirname(resolvePath(file));
  const project = projectFolder(file);
  const problems: { pointer: string; message: string; hint?: string }[] = [];
  const programs = spec.programs.map((program, index) => {
    const resolved = resolveProgramPaths(program.name, program, base, project);
    for (const p of resolved.problems) problems.push({ pointer: `/programs/${index}/${p.field}/${p.index}`, message: p.message, ...(p.hint ? { hint: p.hint } : {}) });
    return { ...program, sources: resolved.sources, ...(program.include ? { include: resolved.include } : {}) };
  });
  return { spec: { ...spec, programs }, problems };
}

/** Problems with the same place and message once (fleet images sharing the defaults' programs). */
function dedupeProblems(problems: readonly SpecProblem[]): SpecProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function normalizeComponent(component: ComponentSpec): ComponentSpec {
  const options = component.options;
  return {
    kind: component.kind,
    ...(options !== undefined && Object.keys(options).length > 0 ? { options: sortedRecord(options) } : {}),
  };
}

function sortedRecord(record: Readonly<Record<string, OptionValue>>): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (value !== undefined) setOwn(out, key, value);
  }
  return out;
}

/** The position of a pointer's key or value, or of its nearest written ancestor. */
function positionOf(places: ReadonlyMap<string, Place>, pointer: string, anchor: Anchor): Position {
  for (let at: string | undefined = pointer; at !== undefined; at = parent(at)) {
    const place = places.get(at);
    if (place) return anchor === 'key' ? (place.key ?? place.value) : place.value;
  }
  return { line: 1, column: 1 };
}

function originsOf(image: CheckedImage, spec: ImageSpec, file: string, places: ReadonlyMap<string, Place>): SpecOrigins {
  const originAt = (pointer: string): Origin => ({ file, ...positionOf(places, pointer, 'value'), pointer });
  const values = new Map<string, Origin>();
  for (const [inSpec, inDocument] of image.sources) values.set(inSpec, originAt(inDocument));
  const entryOrigins = (list: string, count: number): Origin[] =>
    Array.from({ length: count }, (_, i) => values.get(child(`/${list}`, i)) ?? originAt(image.pointer));
  return {
    image: originAt(image.pointer),
    applications: entryOrigins('applications', spec.applications.length),
    libraries: entryOrigins('libraries', spec.libraries?.length ?? 0),
    values,
  };
}

function failed(file: string, message: string): SpecLoadResult {
  return { ok: false, problems: [{ file, line: 1, column: 1, pointer: '', message }] };
}

/** Problems in reading order, each once. */
function sorted(problems: SpecProblem[]): SpecProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.pointer}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.line - b.line || a.column - b.column || a.pointer.localeCompare(b.pointer));
}
