// SPDX-License-Identifier: MIT
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from './cli.ts';

/**
 * A validator for one of the published schemas (schema/NAME.schema.json),
 * compiled with ajv in strict mode: it returns ajv's problems as text, empty
 * when the value conforms.
 */
export function schemaValidator(name: string): (value: unknown) => string {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8')) as object;
  const validate = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);
  return (value) => (validate(value) ? '' : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('\n'));
}
