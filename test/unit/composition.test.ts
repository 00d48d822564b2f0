// SPDX-License-Identifier: MIT
// The composition corpus: programs that must not build, each with the error
// it must produce at compile time (tsc) and at run time (kiln's own checks,
// for JavaScript users), and programs that must type-check and synthesize.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KilnError, formatProblem } from '../../synth/errors.ts';
import { synthFile } from '../../synth/cli/private/program.ts';
import { ROOT, kiln, tempDir } from '../helpers/cli.ts';

const CORPUS = 'test/fixtures/composition';

interface Expectation {
  readonly file: string;
  readonly compile?: string;
  readonly compileLine?: number;
  readonly run?: string;
  readonly line?: number;
}

function expectations(dir: string): Expectation[] {
  return readdirSync(join(ROOT, CORPUS, dir)).filter((f) => f.endsWith('.ts')).sort().map((f) => {
    const text = readFileSync(join(ROOT, CORPUS, dir, f), 'utf8');
    const tag = (name: string) => new RegExp(`^// kiln-expect ${name}: (.+)$`, 'm').exec(text)?.[1];
    const line = tag('line');
    return {
      file: `${CORPUS}/${dir}/${f}`,
      ...(tag('compile') ? { compile: tag('compile') } : {}),
      ...(tag('run') ? { run: tag('run') } : {}),
      ...(line ? { line: Number(line) } : {}),
    };
  });
}

/** Runs the real tsc over a tsconfig and groups its errors by file, with continuation lines joined. */
function tsc(project: string): Map<string, { line: number; text: string }[]> {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project], { cwd: ROOT, encoding: 'utf8' });
  const errors = new Map<string, { line: number; text: string }[]>();
  let last: { line: number; text: string } | undefined;
  for (const raw of r.stdout.split('\n')) {
    const m = /^(.+?)\((\d+),\d+\): error (.+)$/.exec(raw);
    if (m) {
      last = { line: Number(m[2]), text: m[3] };
      errors.set(m[1], [...(errors.get(m[1]) ?? []), last]);
    } else if (last && raw.startsWith(' ')) {
      last.text += `\n${raw.trim()}`;
    }
  }
  return errors;
}

const invalid = expectations('invalid');
const valid = expectations('valid');

t.test(`GIVEN ${invalid.length} invalid programs THEN the corpus covers at least 20, each with its expected error`, async (t) => {
  t.ok(invalid.length >= 20);
  for (const e of invalid) t.ok(e.run, `${e.file} states its run-time error`);
});

t.test('GIVEN the corpus WHEN tsc --noEmit checks it THEN each compile-time case fails with its message at its line, and valid programs pass', async (t) => {
  const errors = new Map([...tsc(`${CORPUS}/tsconfig.json`), ...tsc(`${CORPUS}/tsconfig.syntax.json`)]);
  for (const e of invalid.filter((x) => x.compile)) {
    const found = errors.get(e.file) ?? [];
    t.ok(found.some((err) => err.text.includes(e.compile!)), `${e.file}: tsc says "${e.compile}" (got: ${found.map((f) => f.text).join(' | ')})`);
  }
  for (const e of invalid.filter((x) => !x.compile)) {
    t.notOk(errors.get(e.file), `${e.file} is a run-time-only case: it type-checks`);
  }
  for (const e of valid) t.notOk(errors.get(e.file), `${e.file} type-checks`);
});

t.test('GIVEN each invalid program WHEN synthesized without type-checking THEN Kiln\'s run-time checks report it at the user\'s line', async (t) => {
  for (const e of invalid) {
    const outdir = join(tempDir(), 'kiln.out');
    const err = await synthFile({ file: e.file, outdir, typecheck: false }).then(() => undefined, (x: unknown) => x);
    t.ok(KilnError.isKilnError(err), `${e.file} fails with a Kiln error`);
    const text = KilnError.isKilnError(err) ? err.problems.map(formatProblem).join('\n') : String(err);
    t.ok(text.includes(e.run!), `${e.file}: "${e.run}" in:\n${text}`);
    if (e.line) t.ok(text.includes(`${e.file}:${e.line}:`), `${e.file}: names line ${e.line}`);
  }
});

t.test('GIVEN a compile-time case WHEN kiln build type-checks it THEN the compiler\'s message is printed as file:line:col', async (t) => {
  const r = await kiln(['build', `${CORPUS}/invalid/01-network-on-ultra96.ts`, '-o', join(tempDir(), 'out')]);
  t.equal(r.code, 1);
  t.match(r.stderr, /error: test\/fixtures\/composition\/invalid\/01-network-on-ultra96\.ts:8:56: TS2345: .*NetProbe needs a network device, but Ultra96V2 has none: use a board with one \(QemuVirt\) or leave NetProbe out/);
  const js = await kiln(['build', `${CORPUS}/invalid/01-network-on-ultra96.ts`, '--no-typecheck', '-o', join(tempDir(), 'out')]);
  t.equal(js.code, 1);
  t.match(js.stderr, /error: test\/fixtures\/composition\/invalid\/01-network-on-ultra96\.ts:8:\d+ \(edge\/net-probe\): NetProbe needs a network device, but Ultra96V2 has none: use a board with one \(QemuVirt\) or leave NetProbe out/);
});

t.test('GIVEN the valid programs WHEN synthesized with type-checking THEN they write their assembly', async (t) => {
  for (const e of valid) {
    if (readFileSync(join(ROOT, e.file), 'utf8').includes('kiln-expect typecheck-only')) continue;
    const results = await synthFile({ file: e.file, outdir: join(tempDir(), 'kiln.out'), typecheck: true });
    t.ok(results[0].images.length > 0, `${e.file} synthesizes`);
  }
});
