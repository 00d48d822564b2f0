// SPDX-License-Identifier: MIT
import { createHash } from 'node:crypto';
import type { LibraryManifest } from '../catalog/index.ts';
import type { LibraryRole } from '../spec/catalog-info.ts';
import { isCxxSource, type BuildOptions, type Toolchain, type ToolchainFlags } from '../toolchain.ts';
import type { IncludeDir, IncludeScanner } from './include-scan.ts';

/**
 * Where the assembly keeps what images share: content-addressed generated
 * headers and objects. An underscore cannot start an image id, so no image
 * folder can collide with it.
 */
export const SHARED_DIR = '_shared';

/** The language of a source, which picks its compiler and flags. */
export type SourceLanguage = 'c' | 'c++' | 'asm';

/** A source's language by its extension, the same for every library (Kiln's, a user's, a program's). */
export function sourceLanguage(path: string): SourceLanguage {
  if (/\.S$/.test(path)) return 'asm';
  return isCxxSource(path) ? 'c++' : 'c';
}

/** The flags a unit of `language` starts from. */
function languageFlags(flags: ToolchainFlags, language: SourceLanguage): readonly string[] {
  switch (language) {
    case 'asm':
      return flags.asflags;
    case 'c++':
      return flags.cxxflags;
    default:
      return flags.cflags;
  }
}

/** One source file to compile, and the object it becomes. */
export interface CompileUnit {
  /** Source path: rooted ({kiln}/lib/..., absolute, {upstream}/...) for library sources, relative to the assembly for generated ones. */
  readonly source: string;
  readonly generated: boolean;
  /** By the source's extension: .S assembly, .cc/.cpp/.cxx C++, anything else C. */
  readonly language: SourceLanguage;
  /** The program that compiles it: the toolchain's C++ compiler for C++, its C compiler otherwise. */
  readonly compiler: string;
  /** Object path relative to the assembly folder. */
  readonly object: string;
  /** Compiler flags (with {kiln}, {upstream}, {generated} and {assembly} standing for those folders). */
  readonly flags: readonly string[];
  /** -I folders in search order: rooted library folders ({kiln}/lib/<x>/include), or _shared/include/<hash> for generated headers. */
  readonly includes: readonly string[];
  /**
   * Hash of the compiler, flags, include folders (which name generated
   * headers by content) and source: two images with the same key compile
   * the same bytes, so they share one object. Per-image units have one too.
   */
  readonly key: string;
  /** Whether the object lives under _shared/ (library sources) or in the image folder (generated sources). */
  readonly shared: boolean;
}

/** What the plan says of a micro-library linked into the image, whatever form it takes. */
export interface LinkedLibraryFacts {
  readonly name: string;
  readonly role: LibraryRole;
  readonly license: string;
  /** Library folder: relative to the Kiln root for Kiln's own, absolute for a user's. */
  readonly dir: string;
  /** The library's enabled Kconfig symbols that brought its sources in. */
  readonly symbols: readonly string[];
  /** Why the library is in the image (from the resolver). */
  readonly reason: string;
}

/** One micro-library linked into the image, with its compiles. */
export interface LinkedLibrary extends LinkedLibraryFacts {
  readonly units: readonly CompileUnit[];
}

/** A generated header: its place in the image folder and its content-addressed copy the compiles use. */
export interface GeneratedHeader {
  /** Path under the image folder, e.g. include/kiln/config.h. */
  readonly file: string;
  /** Include name, e.g. kiln/config.h. */
  readonly name: string;
  /** Content-addressed include folder relative to the assembly, e.g. _shared/include/1f2e.... */
  readonly dir: string;
}

/** A link of the same image made only to measure what a size option saves (kiln build --size-study). */
export interface SizeVariant {
  /** 'no-gc' (without --gc-sections) or 'no-lto'/'lto' (LTO flipped). */
  readonly name: string;
  readonly options: BuildOptions;
  readonly gcSections: boolean;
  readonly flags: ToolchainFlags;
  /** Objects in link order: library units, then generated units. */
  readonly units: readonly CompileUnit[];
  readonly elf: string;
  readonly map: string;
}

/** Everything needed to compile and link one image, as data. */
export interface LinkPlan {
  readonly image: string;
  readonly board: string;
  readonly toolchain: Toolchain;
  readonly options: BuildOptions;
  readonly flags: ToolchainFlags;
  /** The image's whole include path, in order (each unit uses the part of it its includes reach). */
  readonly includePath: readonly string[];
  readonly generatedHeaders: readonly GeneratedHeader[];
  /** Libraries in link order. */
  readonly libraries: readonly LinkedLibrary[];
  /** Generated sources (bindings.c), compiled per image and linked last. */
  readonly generated: readonly CompileUnit[];
  readonly linkerScript: string;
  readonly elf: string;
  readonly map: string;
  readonly artifact: { readonly file: string; readonly form: 'raw' | 'arm64-image' };
  /** Extra links for kiln build --size-study; not built otherwise. */
  readonly sizeVariants: readonly SizeVariant[];
}

/** Link order by role: entry code first, the application last. */
const ROLE_ORDER: readonly LibraryRole[] = ['arch', 'platform', 'driver', 'library', 'allocator', 'scheduler', 'application'];

/** Orders libraries for linking: by role, then by name, so plans are stable. */
export function linkOrder(libs: readonly LibraryManifest[]): LibraryManifest[] {
  return [...libs].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name));
}

/** A short content hash (hex). */
export function contentHash(...parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/**
 * The generated headers of an image (its files under include/), each in a
 * folder named by the hash of its name and content: images whose
 * config.h is identical point at the same folder, images whose config.h
 * differs cannot be given the same command line.
 */
export function generatedHeaders(files: ReadonlyMap<string, string>): GeneratedHeader[] {
  return [...files.keys()]
    .filter((f) => f.startsWith('include/'))
    .sort()
    .map((file) => {
      const name = file.slice('include/'.length);
      return { file, name, dir: `${SHARED_DIR}/include/${contentHash(name, files.get(file) ?? '')}` };
    });
}

/** The image's include path: one folder per generated header, then each library's public folder. */
export function includePath(headers: readonly GeneratedHeader[], files: ReadonlyMap<string, string>, libraries: readonly LibraryManifest[]): IncludeDir[] {
  return [
    ...headers.map((h) => ({ dir: h.dir, generated: new Map([[h.name, files.get(h.file) ?? '']]) })),
    ...libraries.flatMap((m) => m.includes.map((dir) => ({ dir }))),
  ];
}

/** What compileUnit() needs besides the source. */
export interface UnitContext {
  readonly imageDir: string;
  readonly toolchain: Toolchain;
  readonly flags: ToolchainFlags;
  readonly path: readonly IncludeDir[];
  readonly scanner: IncludeScanner;
  /** Where per-image objects go, relative to the assembly. @default <image>/obj */
  readonly objDir?: string;
}

/**
 * Plans the compile of one source: its include folders (only those its
 * #includes reach), its key, and its object. Library sources get a shared
 * object under _shared/obj/<library>/<key>/; generated sources (given with
 * their content) get one in the image folder.
 */
export function compileUnit(
  ctx: UnitContext,
  source: {
    readonly path: string;
    readonly library?: string;
    readonly file?: string;
    readonly content?: string;
    /** -ffile-prefix-map flags for the fetched trees this library's paths are in. */
    readonly prefixMaps?: readonly string[];
    /** The library's own flags (a program's defines and cflags), after the toolchain's. */
    readonly libraryFlags?: readonly string[];
  },
): CompileUnit {
  const language = sourceLanguage(source.path);
  const compiler = language === 'c++' ? ctx.toolchain.cxx : ctx.toolchain.cc;
  const generated = source.content !== undefined;
  const scan = ctx.scanner.scan({ path: source.path, ...(generated ? { content: source.content } : {}) }, ctx.path);
  const includes = scan.dirs.map((d) => d.dir);
  const base = [...languageFlags(ctx.flags, language), ...(source.prefixMaps ?? []), ...(source.libraryFlags ?? [])];
  const sourceArg = source.path;
  const key = contentHash(compiler, ...base, '--', ...includes, '--', sourceArg);
  const stem = (source.file ?? source.path.split('/').pop() ?? source.path).replace(/\.(c|S|cc|cpp|cxx)$/, '');
  const object = generated
    ? `${ctx.objDir ?? `${ctx.imageDir}/obj`}/${stem}.o`
    : `${SHARED_DIR}/obj/${source.library}/${key}/${stem}.o`;
  // gcc seeds LTO section names and some symbol names randomly unless told: the key makes objects reproducible.
  const flags = ctx.toolchain.id === 'gcc' ? [...base, `-frandom-seed=${key}`] : [...base];
  return { source: source.path, generated, language, compiler, object, flags, includes, key, shared: !generated };
}

/** Every unit of a plan in link order: library units, then generated ones. */
export function allUnits(plan: { readonly libraries: readonly LinkedLibrary[]; readonly generated: readonly CompileUnit[] }): CompileUnit[] {
  return [...plan.libraries.flatMap((l) => l.units), ...plan.generated];
}

/**
 * A linked library as linkplan.yaml records it: the one record the link
 * plan, the size report and the SBOM read.
 */
export interface LinkedLibraryRecord extends LinkedLibraryFacts {
  /** Its sources: Kiln-relative, absolute, or rooted in {upstream}/{generated}. */
  readonly sources: readonly string[];
  /** Its objects, relative to the assembly. */
  readonly objects: readonly string[];
  /** The include folders its compiles used. */
  readonly includes: readonly string[];
}

/** linkplan.yaml: what an image links and why, as plain data. */
export interface LinkPlanDocument {
  readonly image: string;
  readonly board: string;
  readonly toolchain: {
    readonly id: Toolchain['id'];
    readonly cc: string;
    readonly ld: string;
    readonly objcopy: string;
    readonly lto: boolean;
    readonly optimize: BuildOptions['optimize'];
    readonly cflags: readonly string[];
    /** The C++ compiler and its flags, for images with C++ (the C++ runtime). */
    readonly cxx?: string;
    readonly cxxflags?: readonly string[];
    readonly asflags: readonly string[];
    readonly ldflags: readonly string[];
    readonly libs: readonly string[];
  };
  readonly include_path: readonly string[];
  readonly generated_headers: readonly { readonly file: string; readonly compiled_from: string }[];
  readonly libraries: readonly LinkedLibraryRecord[];
  readonly generated: readonly { readonly source: string; readonly object: string; readonly includes: readonly string[] }[];
  readonly linker_script: string;
  readonly outputs: { readonly elf: string; readonly map: string; readonly artifact: string; readonly form: string };
}

/** The link plan as YAML-ready plain data (paths as the user sees them). */
export function linkPlanDocument(plan: LinkPlan): LinkPlanDocument {
  return {
    image: plan.image,
    board: plan.board,
    toolchain: {
      id: plan.toolchain.id,
      cc: plan.toolchain.cc,
      ld: plan.toolchain.ld,
      objcopy: plan.toolchain.objcopy,
      lto: plan.options.lto,
      optimize: plan.options.optimize,
      cflags: plan.flags.cflags,
      ...(plan.options.cxx ? { cxx: plan.toolchain.cxx, cxxflags: plan.flags.cxxflags } : {}),
      asflags: plan.flags.asflags,
      ldflags: plan.flags.ldflags,
      libs: plan.flags.libs,
    },
    include_path: plan.includePath,
    generated_headers: plan.generatedHeaders.map((h) => ({ file: h.file, compiled_from: `${h.dir}/${h.name}` })),
    libraries: plan.libraries.map((lib) => ({
      name: lib.name,
      role: lib.role,
      license: lib.license,
      dir: lib.dir,
      symbols: lib.symbols,
      reason: lib.reason,
      sources: lib.units.map((u) => u.source.replace(/^\{kiln\}\//, '')),
      objects: lib.units.map((u) => u.object),
      includes: [...new Set(lib.units.flatMap((u) => u.includes))],
    })),
    generated: plan.generated.map((u) => ({ source: u.source, object: u.object, includes: u.includes })),
    linker_script: plan.linkerScript,
    outputs: { elf: plan.elf, map: plan.map, artifact: plan.artifact.file, form: plan.artifact.form },
  };
}
