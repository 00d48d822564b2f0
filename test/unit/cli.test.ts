// SPDX-License-Identifier: MIT
// The command line itself: commands, options, help, version, usage errors
// and shell completion, through the real bin/kiln.js.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../synth/cli/main.ts';
import { ROOT, kiln, tempDir } from '../helpers/cli.ts';
import { schemaValidator } from '../helpers/schema.ts';

const COMMANDS = ['init', 'synth', 'build', 'fetch', 'ls', 'run', 'codegen', 'diff', 'explain', 'report', 'completion'];
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Each command's options: every one it takes, and some it must refuse because another command owns them. */
const OPTIONS: Readonly<Record<string, { takes: readonly string[]; refuses: readonly string[] }>> = {
  init: { takes: ['--template', '--debug'], refuses: ['--outdir', '--json'] },
  synth: { takes: ['-o, --outdir', '--no-typecheck', '--embed-from', '--debug'], refuses: ['--json', '--quiet', '--check'] },
  build: { takes: ['-o, --outdir', '--progress', '--quiet', '--sizes', '-v, --verbose', '--size-study', '--json', '--medium', '--firmware', '--no-typecheck', '--embed-from', '--debug'], refuses: ['--fail', '--forward', '--check'] },
  fetch: { takes: ['-o, --outdir', '--no-typecheck', '--embed-from', '--debug'], refuses: ['--json', '--progress'] },
  ls: { takes: ['--json', '--embed-from', '--debug'], refuses: ['--outdir', '--no-typecheck', '--fail'] },
  run: { takes: ['-o, --outdir', '--timeout', '--stdin', '--forward', '--debug'], refuses: ['--json', '--quiet'] },
  codegen: { takes: ['--check', '--debug'], refuses: ['--outdir', '--json'] },
  diff: { takes: ['--fail', '--json', '--debug'], refuses: ['--outdir', '--check', '--embed-from'] },
  explain: { takes: ['-o, --outdir', '--debug'], refuses: ['--json', '--fail'] },
  report: { takes: ['-o, --outdir', '-f, --file', '--debug'], refuses: ['--json', '--fail'] },
  completion: { takes: [], refuses: ['--debug', '--json'] },
};

t.test('GIVEN an unknown command WHEN kiln runs THEN it says "unknown command", suggests the near one, and exits 2', async (t) => {
  const r = await kiln(['deploy', 'x']);
  t.equal(r.code, 2);
  t.match(r.stderr, /^kiln: unknown command 'deploy'\n/);
  t.match(r.stderr, /run "kiln --help" for the commands/);
  t.notMatch(r.stderr, /expected FILE/);
  t.equal(r.stdout, '');
  const typo = await kiln(['biuld', 'examples/hello/image.ts']);
  t.equal(typo.code, 2);
  t.match(typo.stderr, /unknown command 'biuld'\n\(Did you mean build\?\)/);
});

t.test('GIVEN no command WHEN kiln runs THEN the help goes to stderr with every command, and it exits 2', async (t) => {
  const r = await kiln([]);
  t.equal(r.code, 2);
  t.match(r.stderr, /^Usage: kiln \[options\] \[command\]/);
  for (const c of COMMANDS) t.match(r.stderr, new RegExp(`\\n  ${c} `), `lists ${c}`);
  t.equal(r.stdout, '');
});

t.test('GIVEN an option the command does not take WHEN kiln runs THEN it is refused with exit 2, nothing done', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const r = await kiln(['synth', 'examples/hello/image.yaml', '-o', out, '--json']);
  t.equal(r.code, 2);
  t.match(r.stderr, /^kiln: unknown option '--json'\n\(run "kiln synth --help" for its usage\)/);
  t.equal(r.stdout, '');
  const typo = await kiln(['build', 'examples/hello/image.ts', '--jsn']);
  t.equal(typo.code, 2);
  t.match(typo.stderr, /unknown option '--jsn'\n\(Did you mean --json\?\)/);
  const ls = await kiln(['ls', 'examples/hello/image.yaml', '-o', out]);
  t.equal(ls.code, 2, 'ls writes no assembly, so it takes no -o');
  t.match(ls.stderr, /unknown option '-o'/);
});

t.test('GIVEN a missing or extra operand, or a bad option value WHEN kiln runs THEN a usage error: exit 2, naming it', async (t) => {
  const cases: [string[], RegExp][] = [
    [['build'], /missing required argument 'FILE'/],
    [['explain', 'kiln.out/hello'], /missing required argument 'SYMBOL'/],
    [['diff', 'a'], /missing required argument 'B'/],
    [['ls', 'a.yaml', 'b.yaml'], /too many arguments for 'ls'/],
    [['init', 'a', 'b'], /too many arguments for 'init'/],
    [['run', 'hello', '--timeout', 'soon'], /--timeout takes a number of seconds/],
    [['run', 'hello', '--timeout', '-1'], /--timeout takes a number of seconds, or 0 for no timeout/],
    [['run', 'hello', '--stdin'], /option '--stdin <FILE>' argument missing/],
    [['run', 'hello', '--forward', '80'], /--forward takes HOSTPORT:GUESTPORT/],
    [['run', 'hello', '--outdir'], /option '-o, --outdir <DIR>' argument missing/],
    [['completion', 'fish'], /Allowed choices are bash, zsh/],
  ];
  for (const [args, message] of cases) {
    const r = await kiln(args);
    t.equal(r.code, 2, `kiln ${args.join(' ')}: exit 2`);
    t.match(r.stderr, message, `kiln ${args.join(' ')}: ${message}`);
  }
});

t.test('GIVEN --version or -V WHEN kiln runs THEN it prints the package version on stdout and exits 0', async (t) => {
  for (const flag of ['--version', '-V']) {
    const r = await kiln([flag]);
    t.equal(r.code, 0);
    t.equal(r.stdout, `${VERSION}\n`);
    t.equal(r.stderr, '');
  }
});

t.test('GIVEN --help WHEN kiln runs THEN kiln --help lists the commands and each command\'s help lists exactly its own options', async (t) => {
  const top = await kiln(['--help']);
  t.equal(top.code, 0);
  t.match(top.stdout, /^Usage: kiln \[options\] \[command\]/);
  for (const c of COMMANDS) t.match(top.stdout, new RegExp(`\\n  ${c} `), `lists ${c}`);
  t.match(top.stdout, /-V, --version/);
  for (const c of COMMANDS) {
    const r = await kiln([c, '--help']);
    t.equal(r.code, 0, `${c} --help`);
    t.match(r.stdout, new RegExp(`^Usage: kiln ${c} `), `${c}: its usage line`);
    t.match(r.stdout, /\nExample:\n  kiln /, `${c}: an example`);
    for (const o of OPTIONS[c].takes) t.match(r.stdout, `\n  ${o}`, `${c} --help lists ${o}`);
    for (const o of OPTIONS[c].refuses) t.notMatch(r.stdout, new RegExp(`\\s${o}\\b`), `${c} --help does not list ${o}`);
  }
  const viaHelp = await kiln(['help', 'build']);
  t.equal(viaHelp.code, 0);
  t.equal(viaHelp.stdout, (await kiln(['build', '--help'])).stdout, 'kiln help build is kiln build --help');
});

t.test('GIVEN commander\'s exits (help, version, usage errors) WHEN main() runs in-process THEN it returns the code and writes through the given streams, never exiting', async (t) => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  t.same(await run(['--version']), { code: 0, out: VERSION, err: '' });
  const help = await run(['diff', '--help']);
  t.equal(help.code, 0);
  t.match(help.out, /^Usage: kiln diff \[options\] <A> <B> \[FILE\]/);
  const unknown = await run(['deploy']);
  t.equal(unknown.code, 2);
  t.match(unknown.err, /unknown command 'deploy'/);
  const option = await run(['codegen', '--json']);
  t.equal(option.code, 2);
  t.match(option.err, /unknown option '--json'/);
  t.equal((await run([])).code, 2);
});

t.test('GIVEN kiln completion bash WHEN bash loads it THEN it parses, names every command, and completes commands, options, values and files', async (t) => {
  const r = await kiln(['completion', 'bash']);
  t.equal(r.code, 0, r.stderr);
  const script = join(tempDir(), 'kiln.bash');
  writeFileSync(script, r.stdout);
  const syntax = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
  t.equal(syntax.status, 0, `bash -n accepts it: ${syntax.stderr}`);
  for (const c of COMMANDS) t.match(r.stdout, new RegExp(`\\n    ${c}\\)`), `a case for ${c}`);
  t.match(r.stdout, /\ncomplete -F _kiln_complete kiln\n$/);
  // What bash would offer at the cursor (the last word) for each command line.
  const cases: [string[], string][] = [
    [['kiln', ''], `${COMMANDS.join(' ')} help`],
    [['kiln', 'bu'], 'build'],
    [['kiln', '-'], '-V --version -h --help'],
    [['kiln', 'build', '--si'], '--sizes --size-study'],
    [['kiln', 'ls', '--'], '--json --embed-from --debug --help'],
    [['kiln', 'init', '--template', ''], 'c cpp'],
    [['kiln', 'completion', ''], 'bash zsh'],
    [['kiln', 'help', 'ex'], 'explain'],
    [['kiln', 'build', 'examples/hello/image.y'], 'examples/hello/image.yaml'],
    [['kiln', 'build', '-o', 'examples/hel'], 'examples/hello'],
    [['kiln', 'build', '-o', 'out', 'examples/hello/image.y'], 'examples/hello/image.yaml'],
    [['kiln', 'explain', 'kiln.out/hello', 'LIB'], ''],
    [['kiln', 'run', '--timeout', ''], ''],
  ];
  for (const [words, expected] of cases) {
    const probe = `source ${JSON.stringify(script)}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _kiln_complete; echo "\${COMPREPLY[*]}"`;
    const got = spawnSync('bash', ['-c', probe], { cwd: ROOT, encoding: 'utf8' });
    t.equal(got.stdout.trim(), expected, `${words.join(' ')}<TAB>`);
  }
});

t.test('GIVEN kiln completion zsh THEN it is a #compdef function naming every command with its options, values and operands', async (t) => {
  const r = await kiln(['completion', 'zsh']);
  t.equal(r.code, 0, r.stderr);
  t.match(r.stdout, /^#compdef kiln\n/);
  for (const c of COMMANDS) {
    t.match(r.stdout, new RegExp(`\\n      '${c}:`), `${c} in the command list`);
    t.match(r.stdout, new RegExp(`\\n        ${c}\\)\\n          _arguments `), `a case for ${c}`);
  }
  t.match(r.stdout, /'\(-o --outdir\)--outdir=\[assembly folder\]:DIR:_files -\/'/, 'folders for --outdir');
  t.match(r.stdout, /'\*--forward=\[[^\]]*\]:HOST\\:GUEST: '/, 'a repeatable option, its value named');
  t.match(r.stdout, /'--template=\[[^\]]*\]:c\|cpp:\(c cpp\)'/, 'choices');
  t.match(r.stdout, /':FILE:_files'/, 'files for FILE');
  t.match(r.stdout, /':SHELL:\(bash zsh\)'/);
  t.match(r.stdout, /\n  compdef _kiln kiln\nfi\n$/);
  // zsh is not one of Kiln's required tools; where it is installed, it must accept the script.
  const zsh = spawnSync('zsh', ['-n'], { input: r.stdout, encoding: 'utf8' });
  if (zsh.error) t.comment('zsh is not installed: syntax not checked by zsh itself');
  else t.equal(zsh.status, 0, `zsh -n accepts it: ${zsh.stderr}`);
});

t.test('GIVEN a fleet WHEN kiln ls --json THEN the output conforms to schema/ls-result.schema.json, and the schema refuses what it must', async (t) => {
  const validate = schemaValidator('ls-result');
  for (const file of ['examples/fleet/fleet.yaml', 'examples/fleet/image.ts', 'examples/hello/image.yaml']) {
    const r = await kiln(['ls', file, '--json']);
    t.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { id: string; board: string; applications: string[] }[];
    t.equal(validate(doc), '', `${file}: conforms`);
    t.ok(doc.length > 0);
  }
  const fleet = JSON.parse((await kiln(['ls', 'examples/fleet/fleet.yaml', '--json'])).stdout) as object[];
  t.same(fleet[0], { id: 'lisbon-sensor', board: 'raspberry-pi-3b-plus', applications: ['hello'] });
  t.not(validate([{ id: 'x', board: 'qemu-virt' }]), '', 'applications are required');
  t.not(validate([{ id: 'Bad_Id', board: 'qemu-virt', applications: [] }]), '', 'ids are image ids');
});
