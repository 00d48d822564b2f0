// SPDX-License-Identifier: MIT
import type { LibraryManifest } from '../catalog.ts';
import type { LibraryRole } from '../spec/catalog.ts';
import type { Toolchain } from '../toolchain.ts';

/** One source file to compile, and the object it becomes. */
export interface CompileUnit {
  /** Source path: relative to the Kiln root for library sources, to the assembly for generated ones. */
  readonly source: string;
  readonly generated: boolean;
  /** Object path relative to the assembly folder. */
  readonly object: string;
}

/** One micro-library linked into the image. */
export interface LinkedLibrary {
  readonly name: string;
  readonly role: LibraryRole;
  readonly license: string;
  /** The library's enabled Kconfig symbols that brought its sources in. */
  readonly symbols: readonly string[];
  /** Why the library is in the image (from the resolver). */
  readonly reason: string;
  readonly units: readonly CompileUnit[];
}

/** Everything needed to compile and link one image, as data. */
export interface LinkPlan {
  readonly image: string;
  readonly board: string;
  readonly toolchain: Toolchain;
  /** Include folders: generated first, then each library's public folder (Kiln-root relative). */
  readonly generatedIncludes: readonly string[];
  readonly libraryIncludes: readonly string[];
  readonly libraries: readonly LinkedLibrary[];
  readonly generated: readonly CompileUnit[];
  readonly linkerScript: string;
  readonly elf: string;
  readonly map: string;
  readonly artifact: { readonly file: string; readonly form: 'raw' | 'arm64-image' };
}

/** Link order by role: entry code first, the application last. */
const ROLE_ORDER: readonly LibraryRole[] = ['arch', 'platform', 'driver', 'library', 'allocator', 'scheduler', 'application'];

/** Orders libraries for linking: by role, then by name, so plans are stable. */
export function linkOrder(libs: readonly LibraryManifest[]): LibraryManifest[] {
  return [...libs].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name));
}

/** Object file for a source: obj/<library>/<file>.o under the image folder. */
export function objectPath(imageDir: string, library: string, source: string): string {
  return `${imageDir}/obj/${library}/${source.replace(/\.[cS]$/, '')}.o`;
}

/** The link plan as YAML-ready plain data (paths as the user sees them). */
export function linkPlanDocument(plan: LinkPlan): Record<string, unknown> {
  return {
    image: plan.image,
    board: plan.board,
    toolchain: { id: plan.toolchain.id, cc: plan.toolchain.cc, cflags: plan.toolchain.cflags, ldflags: plan.toolchain.ldflags },
    includes: [...plan.generatedIncludes, ...plan.libraryIncludes],
    libraries: plan.libraries.map((lib) => ({
      name: lib.name,
      role: lib.role,
      license: lib.license,
      symbols: lib.symbols,
      reason: lib.reason,
      sources: lib.units.map((u) => u.source),
      objects: lib.units.map((u) => u.object),
    })),
    generated: plan.generated.map((u) => ({ source: u.source, object: u.object })),
    linker_script: plan.linkerScript,
    outputs: { elf: plan.elf, map: plan.map, artifact: plan.artifact.file, form: plan.artifact.form },
  };
}
