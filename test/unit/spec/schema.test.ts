// SPDX-License-Identifier: MIT
/**
 * The published JSON Schema: it compiles under ajv's strict mode, it agrees
 * with the TypeScript types, it documents every property, it closes every
 * mapping, and editors validating a file against it see what Kiln sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import t from 'tap';
import { parse } from 'yaml';
import { IMAGE_SPEC_SCHEMA_ID, imageSpecSchema } from '../../../synth/spec/index.ts';

const schemaFile = fileURLToPath(new URL('../../../schema/image-spec.schema.json', import.meta.url));
const corpus = fileURLToPath(new URL('../../fixtures/specs/', import.meta.url));

type Json = { [key: string]: unknown };
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function definition(name: string): Json {
  const definitions = imageSpecSchema['definitions'] as Json;
  return definitions[name] as Json;
}

/** Every schema object inside `schema`, with its path. */
function* schemasIn(schema: unknown, path = '#'): Generator<[string, Json]> {
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) yield* schemasIn(item, `${path}/${i}`);
    return;
  }
  if (!isObject(schema)) return;
  yield [path, schema];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'enum' || key === 'const' || key === 'required') continue;
    yield* schemasIn(value, `${path}/${key}`);
  }
}

function strictValidator(): ValidateFunction {
  return new Ajv({ strict: true, allErrors: true, allowUnionTypes: true }).compile(imageSpecSchema);
}

t.test('GIVEN the published schema file', async (t) => {
  t.test('WHEN it is compared with the exported object THEN they are the same document', async (t) => {
    t.strictSame(JSON.parse(readFileSync(schemaFile, 'utf8')), imageSpecSchema);
    t.equal(IMAGE_SPEC_SCHEMA_ID, imageSpecSchema['$id']);
    t.equal(imageSpecSchema['$schema'], 'http://json-schema.org/draft-07/schema#');
    t.type(imageSpecSchema['title'], 'string');
  });

  t.test('WHEN ajv compiles it in strict mode THEN it compiles', async (t) => {
    t.doesNotThrow(strictValidator);
  });

  t.test('WHEN its enums are compared with the TypeScript types THEN they agree', async (t) => {
    t.same(Object.keys(definition('boardInfo')['properties'] as object).sort(), ['artifact', 'console', 'cores', 'cpu', 'devices', 'displayName', 'entryLevel', 'id', 'interruptController', 'loadAddress', 'network', 'qemu', 'ram', 'spinTable', 'symbol', 'timer', 'virtioMmio'], 'boardInfo has every BoardInfo field');
    t.strictSame(definition('target')['enum'], ['qemu', 'hardware']);
    t.strictSame(definition('toolchain')['enum'], ['gcc', 'clang']);
  });

  t.test('WHEN every schema in it is visited THEN each property is described and each mapping is closed', async (t) => {
    let properties = 0;
    for (const [path, schema] of schemasIn(imageSpecSchema)) {
      if (isObject(schema['properties']) && !path.includes('/if/')) {
        for (const [name, property] of Object.entries(schema['properties'])) {
          properties++;
          t.ok(isObject(property) && typeof property['description'] === 'string', `${path}/properties/${name} has a description`);
        }
      }
      if ((schema['type'] === 'object' || 'properties' in schema || 'patternProperties' in schema) && !path.includes('/if/')) {
        if (path === '#') continue; // The root only dispatches to fleetSpec or imageSpec, both closed.
        t.equal(schema['additionalProperties'], false, `${path} has additionalProperties: false`);
      }
    }
    t.ok(properties > 30, 'properties were found');
  });

  t.test('WHEN an editor validates the corpus against the root schema THEN valid files pass', async (t) => {
    const validate = strictValidator();
    for (const name of readdirSync(join(corpus, 'valid')).filter((n) => /\.(ya?ml|json)$/.test(n) && !n.endsWith('.specs.json'))) {
      const document: unknown = parse(readFileSync(join(corpus, 'valid', name), 'utf8'));
      t.ok(validate(document), `${name} passes: ${JSON.stringify(validate.errors)}`);
    }
  });

  t.test('WHEN an editor validates shape mistakes against the root schema THEN they fail', async (t) => {
    const validate = strictValidator();
    for (const name of ['02-unknown-image-key.yaml', '07-bad-image-id.yaml', '10-bad-config-key.yaml', '19-wrong-version.yaml', '29-defaults-with-id.yaml']) {
      const document: unknown = parse(readFileSync(join(corpus, 'invalid', name), 'utf8'));
      t.notOk(validate(document), `${name} fails`);
    }
  });

  t.test('WHEN image ids of length 63 and 64 are checked THEN 63 is the longest accepted', async (t) => {
    const validate = strictValidator();
    const image = (id: string): Json => ({ id, board: 'qemu-virt', applications: [{ kind: 'hello' }] });
    t.ok(validate(image(`a${'b'.repeat(62)}`)), '63 characters');
    t.notOk(validate(image(`a${'b'.repeat(63)}`)), '64 characters');
    t.notOk(validate(image('1abc')), 'must start with a letter');
  });
});
