// SPDX-License-Identifier: MIT
/**
 * The spec corpora: every file under test/fixtures/specs/invalid is rejected
 * with the problems its .expect.json lists (line, column, pointer and a
 * message substring), and every file under valid/ loads to the specs its
 * .specs.json lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { formatSpecProblem, type ImageSpec, loadSpecFile } from '../../../synth/spec/index.ts';
import { testCatalog } from './catalog-fixture.ts';

const corpus = fileURLToPath(new URL('../../fixtures/specs/', import.meta.url));
const SPEC_FILE = /\.(ya?ml|json)$/;

/** One expected problem; `message` is a substring of the real message. */
interface ExpectedProblem {
  readonly line: number;
  readonly column?: number;
  readonly pointer: string;
  readonly message: string;
}

function specFiles(dir: string, sidecar: string): string[] {
  return readdirSync(join(corpus, dir))
    .filter((name) => SPEC_FILE.test(name) && !name.endsWith(sidecar))
    .sort();
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Phrases of ajv's own messages, which must never reach the user. */
const AJV_WORDING = [/must NOT/, /must have required property/, /must be equal to/, /must match pattern/, /must be object/];

t.test('GIVEN the invalid spec corpus', async (t) => {
  const files = specFiles('invalid', '.expect.json');
  t.ok(files.length >= 18, `the corpus has at least 18 malformed files (has ${files.length})`);
  t.ok(files.some((f) => f.endsWith('.json')), 'the corpus includes JSON files');

  for (const name of files) {
    t.test(`WHEN ${name} is loaded THEN it is rejected with the expected problems`, async (t) => {
      const file = join(corpus, 'invalid', name);
      const expected = readJson<{ problems: ExpectedProblem[] }>(file.replace(SPEC_FILE, '.expect.json')).problems;
      const result = loadSpecFile(file, testCatalog);
      if (result.ok) {
        t.fail(`${name} was accepted`);
        return;
      }
      t.notOk('specs' in result, 'a rejected file yields no specs');
      const shown = result.problems.map(formatSpecProblem).join('\n');
      t.equal(result.problems.length, expected.length, `problem count; got:\n${shown}`);
      expected.forEach((want, i) => {
        const got = result.problems[i];
        if (!got) return;
        t.equal(got.file, file, 'names the file');
        t.equal(got.line, want.line, `line of problem ${i + 1}: ${got.message}`);
        if (want.column !== undefined) t.equal(got.column, want.column, `column of problem ${i + 1}`);
        t.equal(got.pointer, want.pointer, `pointer of problem ${i + 1}`);
        t.ok(got.message.includes(want.message), `message of problem ${i + 1}\n  want: ${want.message}\n  got:  ${got.message}`);
        for (const raw of AJV_WORDING) t.notMatch(got.message, raw, 'is rewritten, not ajv text');
      });
    });
  }
});

t.test('GIVEN the valid spec corpus', async (t) => {
  const files = specFiles('valid', '.specs.json');
  t.ok(files.length >= 4, 'the corpus has valid files');

  for (const name of files) {
    t.test(`WHEN ${name} is loaded THEN it yields the expected specs, each with origins`, async (t) => {
      const file = join(corpus, 'valid', name);
      const expected = readJson<ImageSpec[]>(file.replace(SPEC_FILE, '.specs.json'));
      const result = loadSpecFile(file, testCatalog);
      if (!result.ok) {
        t.fail(`${name} was rejected:\n${result.problems.map(formatSpecProblem).join('\n')}`);
        return;
      }
      t.strictSame(result.specs, expected);
      t.strictSame([...result.origins.keys()], expected.map((s) => s.id), 'one origins entry per image, by id');
      for (const origins of result.origins.values()) {
        t.equal(origins.image.file, file);
        t.ok((origins.image.line ?? 0) >= 1, 'the image has a line');
      }
    });
  }

  t.test('WHEN the same fleet is written as YAML and as JSON THEN both load to equal specs', async (t) => {
    const yaml = loadSpecFile(join(corpus, 'valid', '03-fleet.yaml'), testCatalog);
    const json = loadSpecFile(join(corpus, 'valid', '04-fleet.json'), testCatalog);
    t.ok(yaml.ok && json.ok);
    if (yaml.ok && json.ok) t.equal(JSON.stringify(yaml.specs), JSON.stringify(json.specs));
  });
});
