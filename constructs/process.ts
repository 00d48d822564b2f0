// SPDX-License-Identifier: MIT
import type { FileSpec } from '../synth/spec/image-spec.ts';

const PROCESS = Symbol.for('kiln.process');

/**
 * What an application adds to its image's one process: files in the RAM
 * file system, main()'s arguments, environment variables. The image
 * gathers these from every component into its ImageSpec.
 */
export interface ProcessContribution {
  /** Files and folders for the RAM file system. @default none */
  readonly files?: readonly FileSpec[];
  /** main()'s argument vector, argv[0] first. @default none (the image's default) */
  readonly args?: readonly string[];
  /** Environment variables. @default none */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Marks `component` as contributing `contribution` to its image's process.
 * Keyed by a global symbol, so images from another copy of Kiln see it.
 */
export function contributeToProcess(component: object, contribution: ProcessContribution): void {
  Object.defineProperty(component, PROCESS, { value: contribution });
}

/** What `component` contributes to its image's process, if anything. */
export function tryFindProcessContribution(component: unknown): ProcessContribution | undefined {
  if (typeof component !== 'object' || component === null) return undefined;
  return (component as Record<symbol, ProcessContribution | undefined>)[PROCESS];
}
