// SPDX-License-Identifier: MIT
/**
 * The published JSON Schema of spec files (schema/image-spec.schema.json).
 *
 * Editors and other tools read the JSON file; Kiln validates with the same
 * object, so there is one schema, not a copy that can drift.
 */
import schemaJson from '../../schema/image-spec.schema.json' with { type: 'json' };

/** A JSON Schema document, as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * The spec schema (draft-07): one image or a fleet of images.
 *
 * Its `definitions` name the parts tools may reference on their own:
 * `imageSpec` (one complete image), `fleetSpec`, `fleetImage` (an image as
 * written in a fleet, before defaults are merged in) and `imageDefaults`.
 */
export const imageSpecSchema: JsonSchema = schemaJson;

/** The schema's `$id`; `${IMAGE_SPEC_SCHEMA_ID}#/definitions/imageSpec` names one image. */
export const IMAGE_SPEC_SCHEMA_ID: string = schemaJson.$id;
