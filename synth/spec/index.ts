// SPDX-License-Identifier: MIT
/**
 * ImageSpec, the plain-data form of an image, and the tools around it:
 * its JSON Schema, the spec file loader, and validation of plain data.
 */
export * from './image-spec.ts';
export * from './catalog-info.ts';
export * from './schema.ts';
export * from './spec-problem.ts';
export * from './spec-file.ts';
export * from './validate.ts';
