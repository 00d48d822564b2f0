// SPDX-License-Identifier: MIT
/**
 * Kiln's Kconfig engine: parse a tree once, resolve many images over it,
 * report every request that could not be honoured, and explain every value.
 */
export { KconfigParseError } from './parse-error.ts';
export type { SourceLocation } from './location.ts';
export { formatLocation } from './location.ts';
export { loadKconfig, type LoadKconfigOptions } from './load.ts';
export {
  KconfigTree,
  type KconfigChoice,
  type KconfigDefault,
  type KconfigRange,
  type KconfigReverseDependency,
  type KconfigSymbol,
  type KconfigType,
} from './tree.ts';
export { checkRequestValue, defconfigFragment, type CheckedValue, type ConfigRequest } from './requests.ts';
export { resolveConfig, type Resolution } from './resolve.ts';
export type { ConfigProblem, ConfigProblemKind } from './problem.ts';
export {
  formatExplanation,
  type Cause,
  type CulpritExplanation,
  type DependencyExplanation,
  type Explanation,
  type ExplanationReason,
} from './explain.ts';
