// SPDX-License-Identifier: MIT
/**
 * The spec loader as a fuzz target: any bytes, as a YAML or JSON spec
 * file, must come back as images or as problems, never as an exception;
 * quickly (in CPU time); with messages of bounded length at real
 * positions; without touching Object.prototype; and an accepted spec,
 * written out as JSON in its normal form, must load again to the very
 * same images.
 *
 * `npm run fuzz:spec` runs it for ten minutes (options: --seconds N,
 * --execs N, --seed N); the unit suite runs a short, seeded form.
 * Findings are written to fuzz-findings/spec-loader/, the corpus kept
 * between runs to the user cache.
 */
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { cacheDir } from '../../synth/fetch/index.ts';
import { parseSpecText } from '../../synth/spec/spec-file.ts';
import { fuzz, type FuzzResult, type FuzzTarget } from './engine.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** CPU time one input may take; the loader bounds alias expansion at 1 s of wall time. */
export const CPU_LIMIT_MS = 2_000;

/** The longest problem message a spec may provoke: messages quote at most 80 characters of the input. */
export const MESSAGE_LIMIT = 600;

/** Every spec file of the repository's examples and fixtures: the seeds. */
export function specSeeds(): Buffer[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path);
      else if (/\.(ya?ml|json)$/.test(entry.name) && !/\.expect\.json$/.test(entry.name)) files.push(path);
    }
  };
  walk(join(ROOT, 'examples'));
  walk(join(ROOT, 'test/fixtures/specs'));
  files.push(join(ROOT, 'test/fixtures/own-code/image.yaml'));
  return files.sort().map((f) => readFileSync(f));
}

const DICTIONARY = [
  // YAML and JSON syntax
  '\n', '\n  ', '\n- ', ': ', '- ', '{', '}', '[', ']', ', ', '"', "'", '&a ', '*a', '&b ', '*b', '<<: ', '!!str ', '!!int ', '!!map ', '!!binary ', '!custom ',
  '---\n', '...\n', '# c\n', '|\n  ', '>-\n  ', '? ', '~', 'null', 'true', 'false', 'yes', '\\u0000', '\\ud800', '\t', '\r\n', '\uFEFF', '%YAML 1.1\n',
  // the spec's keys
  'version', 'images', 'defaults', 'id', 'board', 'target', 'toolchain', 'applications', 'libraries', 'kind', 'options', 'allocators', 'boot', 'app',
  'scheduler', 'config', 'budget', 'imageBytes', 'ramBytes', 'embedBytes', 'files', 'at', 'from', 'content', 'args', 'env', 'libraryFolders',
  'name', 'cpu', 'memory', 'devices', 'artifact', 'qemu', 'console', 'compatible',
  'programs', 'sources', 'include', 'defines', 'cflags', 'requires', 'network', 'threads', 'src/*.c', 'lib/**/*.c', '{c,S}', '[ab]', '-Wall',
  // values and names the catalog knows
  'qemu-virt', 'raspberry-pi-3b-plus', 'ultra96-v2', 'hello', 'http-server', 'lua', 'sqlite', 'pi', 'bump', 'tlsf', 'buddy', 'cooperative', 'gcc', 'clang',
  'hardware', 'greeting', 'port', 'maxConnections', 'CONFIG_', 'APP_HELLO', 'LIBLWIP_TCP_PCBS', '/www', '../', '/etc/passwd',
  // names JavaScript treats specially
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  // numbers at the edges
  '9007199254740993', '-9007199254740993', '1e309', '-0', '0x7fffffff', '4294967296', '.inf', '-.nan',
];

/** The loader under test, with Kiln's own catalog for every library folder list. */
export function specLoaderTarget(): FuzzTarget {
  const catalog = loadCatalog();
  const source = () => catalog;
  const prototypeKeys = (o: object) => Object.getOwnPropertyNames(o).join(',');
  const objectKeys = prototypeKeys(Object.prototype);
  const arrayKeys = prototypeKeys(Array.prototype);
  return {
    seeds: specSeeds(),
    dictionary: DICTIONARY,
    coverage: /\/synth\/spec\/|\/synth\/catalog\/|\/node_modules\/(yaml|ajv)\//,
    run(input: Buffer): void {
      const text = input.toString('utf8');
      const file = /^\s*[[{]/.test(text) ? 'fuzz.json' : 'fuzz.yaml';
      const cpu = process.cpuUsage();
      let result;
      try {
        result = parseSpecText(text, file, source);
      } catch (err) {
        throw new Error(`the loader threw: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, { cause: err });
      }
      const spent = process.cpuUsage(cpu);
      const ms = (spent.user + spent.system) / 1000;
      if (ms > CPU_LIMIT_MS) throw new Error(`the loader took ${Math.round(ms)} ms of CPU time (limit ${CPU_LIMIT_MS} ms)`);
      if (prototypeKeys(Object.prototype) !== objectKeys || prototypeKeys(Array.prototype) !== arrayKeys) throw new Error('the loader changed Object.prototype or Array.prototype');
      if (!result.ok) {
        if (!result.problems.length) throw new Error('the loader refused the spec without a problem');
        for (const p of result.problems) {
          if (typeof p.message !== 'string' || !p.message) throw new Error('a problem without a message');
          if (p.message.length > MESSAGE_LIMIT) throw new Error(`a message of ${p.message.length} characters (limit ${MESSAGE_LIMIT}): ${p.message.slice(0, 80)}`);
          if (!(p.line >= 1 && p.column >= 1)) throw new Error(`a problem at line ${p.line}, column ${p.column}: ${p.message.slice(0, 80)}`);
        }
        return;
      }
      // The normal form, written as a JSON fleet, loads to the same images.
      const again = parseSpecText(JSON.stringify({ version: 1, images: result.specs }), 'normal-form.json', source);
      if (!again.ok) throw new Error(`the normal form does not load again: ${again.problems[0].message.slice(0, 200)}`);
      if (!isDeepStrictEqual(again.specs, result.specs)) throw new Error('the normal form loads to different images');
    },
  };
}

/** Where a long run keeps its corpus between runs. */
export function corpusDir(): string {
  return join(cacheDir(), 'fuzz', 'spec-loader');
}

/** Writes each finding's input to `dir`, named by its hash; returns the files. */
export function saveFindings(result: FuzzResult, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return result.findings.map((f) => {
    const file = join(dir, `${createHash('sha256').update(f.input).digest('hex').slice(0, 16)}.input`);
    writeFileSync(file, f.input);
    writeFileSync(`${file}.txt`, `${f.message}\n\n${f.stack ?? ''}\n`);
    return file;
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seconds: { type: 'string' }, execs: { type: 'string' }, seed: { type: 'string' } } });
  const seconds = values.seconds ? Number(values.seconds) : values.execs ? undefined : 600;
  const execs = values.execs ? Number(values.execs) : undefined;
  const seed = values.seed ? Number(values.seed) : Date.now() % 0x7fffffff;
  const dir = corpusDir();
  mkdirSync(dir, { recursive: true });
  const corpus = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
  process.stderr.write(`fuzzing the spec loader (seed ${seed}, ${corpus.length} corpus inputs from ${dir})\n`);
  const result = fuzz(specLoaderTarget(), {
    ...(seconds !== undefined ? { seconds } : {}),
    ...(execs !== undefined ? { execs } : {}),
    seed,
    corpus,
    onProgress: (p) => process.stderr.write(`\r${p.execs} execs, ${Math.round(p.execs / p.seconds)}/s, ${p.features} features, corpus ${p.corpus}, findings ${p.findings}   `),
  });
  for (const input of result.kept) writeFileSync(join(dir, createHash('sha256').update(input).digest('hex').slice(0, 16)), input);
  process.stderr.write(`\n${result.execs} execs in ${result.seconds.toFixed(0)} s; features ${result.initialFeatures} from the seeds and corpus, ${result.features} at the end; corpus ${result.kept.length}\n`);
  if (!result.findings.length) return 0;
  const files = saveFindings(result, join(process.cwd(), 'fuzz-findings', 'spec-loader'));
  for (const [i, f] of result.findings.entries()) process.stderr.write(`finding: ${f.message}\n  input: ${files[i]}\n`);
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then((code) => { process.exitCode = code; }, (err: unknown) => { console.error(err); process.exitCode = 70; });
}
