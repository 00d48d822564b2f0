// SPDX-License-Identifier: MIT
/**
 * ImageSpec, the plain-data form of an image, and the tools around it:
 * its JSON Schema, the spec file loader, and validation of plain data.
 */
export * from './image-spec.ts';
export * from './catalog.ts';
export * from './schema.ts';
export * from './errors.ts';
export * from './load.ts';
export * from './validate.ts';
