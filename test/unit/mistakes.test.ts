// SPDX-License-Identifier: MIT
// The corpus of realistic mistakes (test/fixtures/mistakes/): each file
// marks the line it must be reported at and by whom,
//
//     new Image(...).use(new HttpServer()); // mistake: tsc+synth network
//
// "tsc" means the compiler refuses that line with the rule's sentence;
// "synth" means Kiln refuses it, naming that line, when the program runs
// without type-checking (JavaScript, --no-typecheck). Every mistake must be
// refused by synth, also those the compiler catches: the JavaScript path
// applies every rule the types apply. The rule table (constructs/rules.ts)
// is walked to prove each rule has a case of each kind. The valid fleet
// programs (test/fixtures/fleets/) must type-check with no casts and
// synthesize. One tsc process checks both folders.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, Sentences, type RuleId } from '../../constructs/rules.ts';
import { KilnError, formatProblem, type Problem } from '../../synth/errors.ts';
import { synthFile } from '../../synth/cli/private/program.ts';
import { POLICY_RESULT_SENTENCE, synthesize } from '../../synth/synthesize.ts';
import { ROOT, tempDir } from '../helpers/cli.ts';

const CORPUS = 'test/fixtures/mistakes';
const FLEETS = 'test/fixtures/fleets';

interface Marker {
  readonly file: string;
  readonly line: number;
  readonly routes: readonly ('tsc' | 'synth')[];
  readonly rule: RuleId;
  /** Text the message must hold instead of the rule's pattern. */
  readonly text?: string;
}

const MARKER = /\/\/ mistake: (tsc\+synth|tsc|synth) ([\w-]+)(?: "(.+)")?\s*$/;

function programs(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts')).sort().map((f) => `${dir}/${f}`);
}

function markersOf(file: string): Marker[] {
  return readFileSync(join(ROOT, file), 'utf8').split('\n').flatMap((text, i) => {
    const m = MARKER.exec(text);
    if (!m) return [];
    return [{ file, line: i + 1, routes: m[1].split('+') as ('tsc' | 'synth')[], rule: m[2] as RuleId, ...(m[3] ? { text: m[3] } : {}) }];
  });
}

/** What a marker's message must match. */
function expected(marker: Marker): RegExp {
  if (marker.text) return new RegExp(marker.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return RULES[marker.rule].pattern;
}

interface Diagnostic { readonly line: number; readonly text: string; readonly raw: string }

/** One run of the real tsc over the corpus and the fleets; errors by file, continuation lines joined. */
function tsc(): Map<string, Diagnostic[]> {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', `${CORPUS}/tsconfig.json`], { cwd: ROOT, encoding: 'utf8' });
  const errors = new Map<string, Diagnostic[]>();
  let last: { line: number; text: string; raw: string } | undefined;
  for (const raw of r.stdout.split('\n')) {
    const m = /^(.+?)\((\d+),\d+\): error (.+)$/.exec(raw);
    if (m) {
      last = { line: Number(m[2]), text: m[3], raw };
      errors.set(m[1], [...(errors.get(m[1]) ?? []), last]);
    } else if (last && raw.startsWith(' ')) {
      last.text += `\n${raw.trim()}`;
      last.raw += `\n${raw}`;
    }
  }
  return errors;
}

const files = programs(CORPUS);
const markers = files.flatMap(markersOf);
const fleets = programs(FLEETS);
const diagnostics = tsc();

t.test(`GIVEN the corpus WHEN counted THEN it holds at least 60 mistakes, each marked with its line, route and rule`, async (t) => {
  t.ok(files.length >= 60, `${files.length} mistakes`);
  for (const file of files) {
    const own = markersOf(file);
    t.ok(own.length > 0, `${file} marks where it must be reported`);
    t.ok(own.some((m) => m.routes.includes('synth')), `${file} says where synth must report it`);
    for (const m of own) t.ok(Object.hasOwn(RULES, m.rule), `${file}:${m.line} names a rule of the table (${m.rule})`);
  }
  const tscRoute = files.filter((f) => markersOf(f).some((m) => m.routes.includes('tsc')));
  t.comment(`corpus: ${files.length} mistakes; rejected by tsc: ${tscRoute.length}; by synth only (no type can know): ${files.length - tscRoute.length}; valid fleet programs: ${fleets.length}`);
});

t.test('GIVEN the rule table WHEN walked THEN every rule has a compile-time case and a run-time case in the corpus', async (t) => {
  for (const [id, rule] of Object.entries(RULES)) {
    const cases = markers.filter((m) => m.rule === id && !m.text);
    t.ok(cases.some((m) => m.routes.includes('tsc')), `${id} (${rule.summary}): a program tsc refuses`);
    t.ok(cases.some((m) => m.routes.includes('synth')), `${id}: a program synth refuses`);
  }
  t.equal(POLICY_RESULT_SENTENCE, Sentences.policyResult(), 'synth states the policy rule in the table\'s words');
});

t.test('GIVEN the corpus WHEN tsc checks it THEN each compile-time mistake is refused at its line with its sentence, and nothing else is', async (t) => {
  for (const file of files) {
    const found = diagnostics.get(file) ?? [];
    const own = markersOf(file).filter((m) => m.routes.includes('tsc'));
    for (const m of own) {
      const at = found.filter((d) => d.line === m.line);
      t.ok(at.some((d) => expected(m).test(d.text)), `${file}:${m.line}: tsc says ${expected(m)} (got: ${found.map((d) => `${d.line}: ${d.text}`).join(' | ') || 'nothing'})`);
    }
    const unexpected = found.filter((d) => !own.some((m) => m.line === d.line));
    t.same(unexpected.map((d) => `${d.line}: ${d.text}`), [], `${file}: no other compile error${own.length ? '' : ' (no type can know this one)'}`);
  }
});

t.test('GIVEN the corpus WHEN each program runs without type-checking THEN synth refuses it at the marked line with the same sentence, and never crashes', async (t) => {
  for (const file of files) {
    const err = await synthFile({ file, outdir: join(tempDir(), 'kiln.out'), typecheck: false }).then(() => undefined, (x: unknown) => x);
    if (!KilnError.isKilnError(err)) {
      t.fail(`${file}: refused with a Kiln error (got ${err === undefined ? 'success' : String(err)})`);
      continue;
    }
    const problems: readonly Problem[] = err.problems;
    t.notOk(problems.some((p) => /TypeError|is not a function|is not iterable|Cannot read properties/.test(p.message)), `${file}: no crash in Kiln`);
    for (const m of markersOf(file).filter((x) => x.routes.includes('synth'))) {
      const ok = problems.some((p) => p.origin?.file === file && p.origin.line === m.line && expected(m).test(p.message));
      t.ok(ok, `${file}:${m.line}: synth says ${expected(m)} at that line (got:\n${problems.map(formatProblem).join('\n')})`);
    }
  }
});

t.test('GIVEN the valid fleet programs WHEN checked THEN they type-check with no casts, and synthesize', async (t) => {
  t.ok(fleets.length >= 10, `${fleets.length} fleet programs`);
  for (const file of fleets) {
    t.same((diagnostics.get(file) ?? []).map((d) => `${d.line}: ${d.text}`), [], `${file} type-checks`);
    const code = readFileSync(join(ROOT, file), 'utf8').split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n');
    t.notMatch(code, /\bas (?!const\b)\w|<\w+>\s*\w|@ts-(ignore|expect-error)|\bany\b/, `${file} has no casts`);
    const results = await synthFile({ file, outdir: join(tempDir(), 'kiln.out'), typecheck: false });
    t.ok(results[0].images.length > 0, `${file} synthesizes`);
  }
});

t.test('GIVEN three representative mistakes WHEN tsc checks them THEN it prints exactly these sentences', async (t) => {
  const text = (file: string) => (diagnostics.get(`${CORPUS}/${file}`) ?? []).map((d) => d.raw).join('\n');
  t.equal(text('net-01-http-on-ultra96.ts'), [
    'test/fixtures/mistakes/net-01-http-on-ultra96.ts(6,56): error TS2345: Argument of type \'HttpServer<{ readonly port: 8080; }>\' is not assignable to parameter of type \'HttpServer<{ readonly port: 8080; }> & Refused<"HttpServer needs a network device, but Ultra96V2 has none: use a board with one (QemuVirt) or leave HttpServer out">\'.',
    '  Property \'"HttpServer needs a network device, but Ultra96V2 has none: use a board with one (QemuVirt) or leave HttpServer out"\' is missing in type \'HttpServer<{ readonly port: 8080; }>\' but required in type \'Refused<"HttpServer needs a network device, but Ultra96V2 has none: use a board with one (QemuVirt) or leave HttpServer out">\'.',
  ].join('\n'));
  t.equal(text('thr-01-netecho-default.ts'), [
    'test/fixtures/mistakes/thr-01-netecho-default.ts(6,55): error TS2345: Argument of type \'NetEcho<{ readonly port: 7; }>\' is not assignable to parameter of type \'NetEcho<{ readonly port: 7; }> & Refused<"NetEcho runs threads, but this image\'s scheduler is the default (none): choose one that runs threads before .use(NetEcho) in the same chain, or pass it to new Image(app, id, { board, scheduler: CooperativeScheduler })">\'.',
    '  Property \'"NetEcho runs threads, but this image\'s scheduler is the default (none): choose one that runs threads before .use(NetEcho) in the same chain, or pass it to new Image(app, id, { board, scheduler: CooperativeScheduler })"\' is missing in type \'NetEcho<{ readonly port: 7; }>\' but required in type \'Refused<"NetEcho runs threads, but this image\'s scheduler is the default (none): choose one that runs threads before .use(NetEcho) in the same chain, or pass it to new Image(app, id, { board, scheduler: CooperativeScheduler })">\'.',
  ].join('\n'));
  t.equal(text('range-02-port-high.ts'),
    'test/fixtures/mistakes/range-02-port-high.ts(6,71): error TS2322: Type \'number\' is not assignable to type \'"HttpServer\'s option port is 70000, outside its range 1 to 65535 (Kconfig APP_HTTP_PORT)"\'.');
});

t.test('GIVEN a spec (plain data, as YAML gives) with two applications WHEN synthesized THEN it is refused before anything is compiled', async (t) => {
  const outdir = join(tempDir(), 'kiln.out');
  const err = (() => { try { synthesize([{ id: 'two', board: 'qemu-virt', applications: [{ kind: 'hello' }, { kind: 'pi' }] }], { outdir }); } catch (e) { return e; } })();
  t.ok(KilnError.isKilnError(err), 'a Kiln error');
  t.match(KilnError.isKilnError(err) ? err.problems.map((p) => p.message).join('\n') : '', /image "two" runs 2 applications \(hello, pi\), but an image runs one/);
});
