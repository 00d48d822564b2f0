// SPDX-License-Identifier: MIT
// Kiln's libc conformance suite (issue 19): the same C probes
// (test/fixtures/libc-conformance/probes) compiled for the host with gcc
// and glibc, and as a Program in an image on QEMU virt, outputs compared
// line by line; and the same Lua probes (probes.lua) run by the image's
// Lua and by the host's lua5.4. Every case is "category<TAB>case<TAB>result". The cases
// that still differ are listed, with why, in known-differences.tsv: a new
// difference fails the test, and so does a listed one that went away.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, ROOT, tempDir } from '../helpers/cli.ts';

const FIXTURE = join(ROOT, 'test/fixtures/libc-conformance');
/** The number of cases the probes print: fixed, so a probe that stops early or a lost line is noticed. */
const CASES = 2766;
/** The number of cases the Lua probes print. */
const LUA_CASES = 638;

/** Probe output as case key ("category<TAB>case") to result. */
function cases(output: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of output.split('\n')) {
    const fields = line.replace(/\r$/, '').split('\t');
    if (fields.length !== 3) continue;
    out.set(`${fields[0]}\t${fields[1]}`, fields[2]);
  }
  return out;
}

function knownDifferences(): Map<string, string> {
  const known = new Map<string, string>();
  for (const line of readFileSync(join(FIXTURE, 'known-differences.tsv'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [category, name, reason] = line.split('\t');
    known.set(`${category}\t${name}`, reason ?? '');
  }
  return known;
}

t.test('GIVEN the libc probes WHEN run in a Kiln image and on the host THEN every case agrees but the listed ones', async (t) => {
  const out = tempDir();
  const build = await kiln(['build', join(FIXTURE, 'image.ts'), '-o', out, '--quiet'], { timeoutMs: 600_000 });
  t.equal(build.code, 0, `the image builds (stderr: ${build.stderr.slice(-1500)})`);
  const run = await kiln(['run', join(out, 'libc-conformance'), '--timeout', '300'], { timeoutMs: 330_000 });
  t.equal(run.code, 0, `the probes exit 0 (stderr: ${run.stderr.slice(-500)})`);
  t.match(run.stdout, /conformance: done/, 'the guest ran every probe');

  const hostExe = join(out, 'probes-host');
  const sources = readdirSync(join(FIXTURE, 'probes')).filter((f) => f.endsWith('.c')).map((f) => join(FIXTURE, 'probes', f));
  execFileSync('gcc', ['-std=gnu11', '-O2', '-o', hostExe, ...sources, '-lm']);
  const hostDir = join(out, 'host-files');
  mkdirSync(hostDir);
  const hostOut = execFileSync(hostExe, [hostDir], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } });

  const luaRun = await kiln(['run', join(out, 'libc-conformance-lua'), '--timeout', '300'], { timeoutMs: 330_000 });
  t.equal(luaRun.code, 0, `the Lua probes exit 0 (stderr: ${luaRun.stderr.slice(-500)})`);
  t.match(luaRun.stdout, /lua conformance: done/, 'the guest ran every Lua probe');
  const luaHostOut = execFileSync('lua5.4', [join(FIXTURE, 'probes.lua')], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C', PROBE_DIR: `${hostDir}/` } });

  const luaHost = cases(luaHostOut);
  const luaGuest = cases(luaRun.stdout);
  t.equal(luaHost.size, LUA_CASES, `the host's lua5.4 prints ${LUA_CASES} cases`);
  t.equal(luaGuest.size, LUA_CASES, `the image's Lua prints ${LUA_CASES} cases`);
  const cHost = cases(hostOut);
  const cGuest = cases(run.stdout);
  t.equal(cHost.size, CASES, `the host prints ${CASES} cases`);
  t.equal(cGuest.size, CASES, `the guest prints ${CASES} cases`);
  const host = new Map([...cHost, ...luaHost]);
  const guest = new Map([...cGuest, ...luaGuest]);
  const known = knownDifferences();

  const byCategory = new Map<string, { cases: number; agree: number; differ: number }>();
  const differing: string[] = [];
  for (const [key, want] of host) {
    const category = key.split('\t')[0];
    const row = byCategory.get(category) ?? { cases: 0, agree: 0, differ: 0 };
    row.cases++;
    if (guest.get(key) === want) row.agree++;
    else {
      row.differ++;
      differing.push(key);
    }
    byCategory.set(category, row);
  }
  const total = [...byCategory.values()].reduce((a, r) => ({ cases: a.cases + r.cases, agree: a.agree + r.agree, differ: a.differ + r.differ }), { cases: 0, agree: 0, differ: 0 });
  t.comment(`libc conformance: ${total.cases} cases, ${total.agree} agree, ${total.differ} differ`);
  for (const [category, r] of [...byCategory].sort()) t.comment(`  ${category.padEnd(14)} ${String(r.cases).padStart(5)} cases ${String(r.agree).padStart(5)} agree ${String(r.differ).padStart(4)} differ`);
  for (const key of differing) t.comment(`  differs: ${key.replace('\t', ' | ')}: host ${JSON.stringify(host.get(key))}, guest ${JSON.stringify(guest.get(key) ?? null)}${known.has(key) ? ` (known: ${known.get(key)})` : ''}`);

  const unexpected = differing.filter((k) => !known.has(k));
  t.same(unexpected, [], 'no difference beyond the listed ones');
  const gone = [...known.keys()].filter((k) => !differing.includes(k));
  t.same(gone, [], 'every listed difference still differs (remove the ones fixed)');

  // Issue 19's defects, each by name.
  const mustAgree = [
    'printf-float\t%.20f of #2',
    'printf-float\t%.0f of #12',
    'printf-float\t%e of #22',
    'printf-float\t%.0f of #3',
    'parse-strtod\tstrtod "0x.1"',
    'parse-strtod\tstrtod "0xA.8"',
    'parse-strtod\tstrtod "0xAA.0"',
    'parse-strtod\tstrtod "0x"',
    'parse-strtod\tstrtod "00x2"',
    'parse-strtod\tstrtod "  -0x "',
    'stdio\tfgetc on w',
    'stdio\tfread on w',
    'stdio\tfputc on r',
    'stdio\tfprintf on r',
    'parse-sscanf\t%lf "0x.1"',
    'parse-sscanf\t%lf "0xA.8"',
    'lua-tonumber\t0x.1',
    'lua-tonumber\t0xA.8',
    'lua-tonumber\t0xAA.0',
    'lua-tonumber\t0x',
    'lua-tonumber\t00x2',
    'lua-tonumber\t  -0x ',
    'lua-load\t0x',
    'lua-format\t%.20f of #4',
    'lua-format\t%.0f of #8',
    'lua-format\t%.0f of #5',
    'lua-io\tread on w',
  ];
  for (const key of mustAgree) t.equal(guest.get(key), host.get(key), `${key.replace('\t', ': ')} as on the host (${host.get(key)})`);
  t.equal(host.get('printf-float\t%.20f of #2'), '0.10000000000000000555 (22)');
  t.equal(host.get('printf-float\t%.0f of #12'), '1180591620717411303424 (22)');
  t.equal(host.get('printf-float\t%e of #22'), '4.940656e-324 (13)');
  t.equal(host.get('printf-float\t%.0f of #3'), '0 (1)');
});
