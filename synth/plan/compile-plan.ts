// SPDX-License-Identifier: MIT
import { libraryFile, type LibraryManifest } from '../catalog/index.ts';
import { KilnError, type Problem } from '../errors.ts';
import type { Resolution } from '../kconfig/index.ts';
import { DEFAULT_BUILD_OPTIONS, toolchainFlags, type BuildOptions, type Toolchain } from '../toolchain.ts';
import type { IncludeScanner } from './include-scan.ts';
import {
  compileUnit,
  generatedHeaders,
  includePath,
  type CompileUnit,
  type LinkPlan,
  type LinkedLibrary,
  type SizeVariant,
  type UnitContext,
} from './link-plan.ts';

/**
 * The build options an image's configuration chose (lib/toolchain's
 * Kconfig); an image whose configuration has no such symbols gets the
 * defaults: LTO on, optimized for size.
 */
export function buildOptions(resolution: Pick<Resolution, 'value' | 'isEnabled'>): BuildOptions {
  const lto = resolution.value('LIBTOOLCHAIN_LTO');
  return {
    lto: lto === undefined ? DEFAULT_BUILD_OPTIONS.lto : lto === 'y',
    optimize: resolution.isEnabled('LIBTOOLCHAIN_OPTIMIZE_SPEED') ? 'speed' : DEFAULT_BUILD_OPTIONS.optimize,
    // The C++ runtime is in every image with C++ (a library with C++ sources selects it): its options are the image's C++ options.
    ...(resolution.isEnabled(CXX_RUNTIME_SYMBOL) ? {
      cxx: {
        exceptions: resolution.isEnabled('LIBCXXRT_EXCEPTIONS'),
        rtti: resolution.isEnabled('LIBCXXRT_RTTI'),
      },
    } : {}),
  };
}

/** The Kconfig symbol of the C++ runtime (lib/cxxrt), which a library with C++ sources selects. */
export const CXX_RUNTIME_SYMBOL = 'LIBCXXRT';

/**
 * The C++ sources of libraries in an image without the C++ runtime: such
 * an image would fail to link (no operator new, no __cxa_* functions), so
 * synth says which library forgot to select it.
 */
function cxxWithoutRuntime(options: BuildOptions, libraries: readonly LinkedLibrary[]): Problem[] {
  if (options.cxx) return [];
  return libraries.flatMap((lib) => {
    const unit = lib.units.find((u) => u.language === 'c++');
    return unit ? [{
      message: `library "${lib.name}" has C++ sources (${unit.source.replace(/^\{kiln\}\//, '')}) but the image has no C++ runtime`,
      hint: `add \`select ${CXX_RUNTIME_SYMBOL}\` to the library's Kconfig entry (lib/cxxrt: constructors, new/delete, guards)`,
    }] : [];
  });
}

/**
 * Where a library's fetched trees appear in the image's debug information
 * and __FILE__ strings: beside the library, as `upstream/` and
 * `generated/` (its manifest's names for them), not at the user's cache.
 */
function fetchedPrefixMaps(m: LibraryManifest): string[] {
  const at = m.dir.startsWith('/') ? m.dir : `/kiln/${m.dir}`;
  return [
    ...(m.upstreamDir ? [`-ffile-prefix-map=${m.upstreamDir}=${at}/upstream`] : []),
    ...(m.generatedDir ? [`-ffile-prefix-map=${m.generatedDir}=${at}/generated`] : []),
  ];
}

/** What planCompiles() needs. */
export interface CompilePlanInput {
  readonly imageDir: string;
  readonly toolchain: Toolchain;
  readonly options: BuildOptions;
  /** The image's generated files by path in its folder (headers under include/, generated sources). */
  readonly files: ReadonlyMap<string, string>;
  /** Enabled libraries in link order, each with what the plan says of it. */
  readonly libraries: readonly { readonly manifest: LibraryManifest; readonly library: Omit<LinkedLibrary, 'units'> }[];
  /** Generated C sources among `files`, compiled per image. */
  readonly generatedSources: readonly string[];
  readonly scanner: IncludeScanner;
}

/** The compile half of a link plan. */
export type CompilePlan = Pick<LinkPlan, 'options' | 'flags' | 'includePath' | 'generatedHeaders' | 'libraries' | 'generated' | 'sizeVariants'>;

/**
 * Plans every compile of one image: each enabled source with its own key
 * and object, and the variants a size study links. Pure apart from
 * reading library sources and headers to follow their #includes.
 */
export function planCompiles(input: CompilePlanInput): CompilePlan {
  const headers = generatedHeaders(input.files);
  const path = includePath(headers, input.files, input.libraries.map((l) => l.manifest));
  const unitsWith = (options: BuildOptions, objDir?: string) => {
    const ctx: UnitContext = {
      imageDir: input.imageDir,
      toolchain: input.toolchain,
      flags: toolchainFlags(input.toolchain, options),
      path,
      scanner: input.scanner,
      ...(objDir ? { objDir } : {}),
    };
    const libraries: LinkedLibrary[] = input.libraries.map(({ manifest, library }) => ({
      ...library,
      units: library.symbols.flatMap((symbol) => (manifest.sources[symbol] ?? []).map((file) =>
        compileUnit(ctx, { path: libraryFile(manifest, file), library: manifest.name, file, prefixMaps: fetchedPrefixMaps(manifest), libraryFlags: manifest.flags }))),
    }));
    const generated: CompileUnit[] = input.generatedSources.map((file) =>
      compileUnit(ctx, { path: `${input.imageDir}/${file}`, content: input.files.get(file) ?? '' }));
    return { libraries, generated };
  };
  const base = unitsWith(input.options);
  const problems = cxxWithoutRuntime(input.options, base.libraries);
  if (problems.length) throw new KilnError(problems, { fault: 'user' });
  const variant = (name: string, options: BuildOptions, gcSections: boolean): SizeVariant => {
    const units = options === input.options ? base : unitsWith(options, `${input.imageDir}/size-study/${name}/obj`);
    return {
      name,
      options,
      gcSections,
      flags: toolchainFlags(input.toolchain, options, { gcSections }),
      units: [...units.libraries.flatMap((l) => l.units), ...units.generated],
      elf: `${input.imageDir}/size-study/${name}.elf`,
      map: `${input.imageDir}/size-study/${name}.map`,
    };
  };
  const flipped: BuildOptions = { ...input.options, lto: !input.options.lto };
  return {
    options: input.options,
    flags: toolchainFlags(input.toolchain, input.options),
    includePath: path.map((d) => d.dir),
    generatedHeaders: headers,
    libraries: base.libraries,
    generated: base.generated,
    sizeVariants: [
      variant('no-gc', input.options, false),
      variant(input.options.lto ? 'no-lto' : 'lto', flipped, true),
    ],
  };
}

/**
 * The content-addressed copies of every image's generated headers, by path
 * relative to the assembly: the files the compiles actually include.
 */
export function sharedFiles(images: readonly { readonly files: ReadonlyMap<string, string>; readonly linkPlan: LinkPlan }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const image of images) {
    for (const h of image.linkPlan.generatedHeaders) out.set(`${h.dir}/${h.name}`, image.files.get(h.file) ?? '');
  }
  return out;
}
