// SPDX-License-Identifier: MIT
/**
 * Kiln's synthesizer as a library, for tools that generate images: build
 * from ImageSpec objects in-process, load spec files, read the catalog
 * (Kiln's libraries and boards and your library folders), fetch upstream
 * sources, resolve and explain.
 */
export { buildImages, type BuildImagesOptions, type BuiltImage } from './api.ts';
export { synthesize, type AssemblyResult, type SynthesizeOptions } from './synthesize.ts';
export { buildAssembly, type BuildReport, type BuildResult } from './build.ts';
export { runImage, type RunOptions, type RunResult } from './run.ts';
export { loadSpecFile, parseSpecText, normalizeImageSpec, formatSpecProblem, type SpecLoadResult, type SpecProblem } from './spec/index.ts';
export { Policies, type Policy, type PolicySubject } from './policy.ts';
export { explainSymbol } from './explain-image.ts';
export { KilnError, formatProblem, type Problem } from './errors.ts';
export type { ImageSpec, FleetSpec, ComponentSpec, BudgetSpec, BoardId, BoardInfo } from './spec/image-spec.ts';
export { loadCatalog, type CatalogOptions, type KilnCatalog } from './catalog/index.ts';
export { cacheDir, fetchSources, type FetchNeed, type FetchOptions } from './fetch/index.ts';
