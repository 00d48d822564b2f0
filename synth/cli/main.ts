// SPDX-License-Identifier: MIT
import { resolve } from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { buildCommand } from './build.ts';
import { codegenCommand } from './codegen.ts';
import { completionCommand } from './completion.ts';
import { diffCommand } from './diff.ts';
import { explainCommand } from './explain.ts';
import { reportCommand } from './report.ts';
import { fetchCommand } from './fetch.ts';
import { initCommand } from './init.ts';
import { lsCommand } from './ls.ts';
import { processOutput, reportError, type Output } from './private/report.ts';
import { kilnVersion } from '../paths.ts';
import { parseForward, type PortForward } from '../run.ts';
import { DEFAULT_RUN_TIMEOUT_SECONDS, runCommand } from './run.ts';
import { synthCommand } from './synth.ts';

/** Where the command line writes: lines to stdout and to stderr. */
export interface Streams {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Exit status of a usage error (unknown command or option, missing operand). */
export const USAGE_ERROR = 2;

/**
 * The kiln command line: maps argv to one command function and returns
 * the exit code. Commands never call process.exit: commander's own exits
 * (help, version, usage errors) are turned into return values here.
 */
export async function main(argv: readonly string[], streams: Streams = processOutput(false)): Promise<number> {
  let code = 0;
  const program = kilnProgram(streams, (run) => async (...args) => {
    code = await run(...(args as never[]));
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : USAGE_ERROR;
    return reportError(err, { ...streams, debug: argv.includes('--debug') });
  }
}

/** What an action does with commander's arguments: returns the exit code. */
type Action = (...args: never[]) => Promise<number>;

/**
 * The whole command line as a commander program: every command with its
 * operands and only the options it uses. `bind` wraps each command's
 * function into the action commander calls. `kiln completion` reads this
 * same definition to write shell completion.
 */
export function kilnProgram(streams: Streams, bind: (run: Action) => (...args: unknown[]) => Promise<void>): Command {
  const program = new Command('kiln')
    .description('Typed infrastructure as code for ARM64 library-OS images.')
    .version(kilnVersion(), '-V, --version', "print Kiln's version")
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [COMMAND]', 'show help for COMMAND')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.out(text.replace(/\n$/, '')),
      writeErr: (text) => streams.err(text.replace(/\n$/, '')),
      outputError: (text, write) => write(text.replace(/^error: /, 'kiln: ')),
    })
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run "kiln --help" for the commands)')
    .addHelpText('after', `
Run "kiln COMMAND --help" for a command's options and examples.
Exit status: 0 success, 1 a problem in your input, 2 a usage error, 70 a bug in Kiln.`);
  const out = (debug: boolean | undefined): Output => ({ ...streams, debug: debug ?? false });
  const cmd = (nameAndArgs: string, summary: string, description: string, example: string): Command => {
    const c = program.command(nameAndArgs).summary(summary).description(description);
    c.showHelpAfterError(`(run "kiln ${c.name()} --help" for its usage)`);
    c.addHelpText('after', `\nExample:\n${example.replace(/^/gm, '  ')}`);
    return c;
  };
  // Options several commands share; each command gets an Option of its own.
  const debug = () => new Option('--debug', 'print stack traces and causes with errors');
  const outdir = () => new Option('-o, --outdir <DIR>', 'assembly folder').default('kiln.out');
  const typecheck = () => new Option('--no-typecheck', 'run the program without type-checking it first');
  const embedFrom = () => new Option('--embed-from <DIR>', 'also allow embedded files (files.from, .files()) from DIR; by default they must be in the project folder (the nearest folder above FILE holding package.json or .git) (repeatable)')
    .argParser(collect);

  cmd('init [DIR]', 'create a project in DIR (default: here)',
    'Create a project in DIR (default: the current folder): package.json, tsconfig.json, image.ts and src/main.c (src/main.cpp with --template cpp).',
    'kiln init blink && cd blink && npm install')
    .option('--template <c|cpp>', 'the program to start from, c (default) or cpp')
    .addOption(debug())
    .action(bind(async (dir?: string, opts?: { template?: string; debug?: boolean }) =>
      initCommand({ ...(dir ? { dir } : {}), ...(opts?.template ? { template: opts.template } : {}), output: out(opts?.debug) })));

  cmd('synth <FILE>', 'write the assembly folder without compiling',
    'Run the program FILE (image.ts), or load the spec FILE (.yaml/.json), and write the assembly folder, without compiling.',
    'kiln synth examples/hello/image.ts -o kiln.out')
    .addOption(outdir()).addOption(typecheck()).addOption(embedFrom()).addOption(debug())
    .action(bind(async (file: string, opts: FileOptions) =>
      synthCommand({ file, outdir: opts.outdir, typecheck: opts.typecheck, embedFrom: opts.embedFrom, output: out(opts.debug) })));

  cmd('build <FILE>', 'synthesize and compile every image',
    'Synthesize FILE, fetch the upstream sources its images need, and compile every image with ninja. Prints one line per image: id, artifact, size and the change since the last build in the same assembly folder.',
    'kiln build examples/hello/image.ts\nkiln build examples/fleet/fleet.yaml --sizes\nkiln build examples/fleet/fleet.yaml --json > build.json')
    .addOption(outdir())
    .option('--progress', 'show each compile step even when output is not a terminal')
    .option('--quiet', 'show no compile steps')
    .option('--sizes', 'also print each image\'s bytes per micro-library and static RAM')
    .option('-v, --verbose', 'the same as --sizes')
    .option('--size-study', 'also link each image without --gc-sections and with LTO flipped, and report the bytes each saves')
    .option('--json', 'print the result as JSON (schema/build-result.schema.json) instead of lines')
    .option('--medium', 'also write each real board\'s boot medium into its image folder: sdcard.img and boot/ for the Raspberry Pi 3 B+, boot/ with boot.scr and README.txt for the Ultra96-V2 (images need target \'hardware\')')
    .addOption(new Option('--firmware <DIR>', 'take the Raspberry Pi firmware (bootcode.bin, start.elf, fixup.dat) from DIR instead of Debian\'s raspi-firmware (implies --medium)').implies({ medium: true }))
    .option('--cache <DIR|URL>', 'send compiles through the shared compile cache (ccache): a folder, or redis://HOST:PORT shared by machines (default: $KILN_CACHE, else none)')
    .addOption(typecheck()).addOption(embedFrom()).addOption(debug())
    .action(bind(async (file: string, opts: BuildOptions) => {
      const progress = !opts.quiet && (opts.progress || (process.stderr.isTTY && !process.env.CI));
      return buildCommand({
        file, outdir: opts.outdir, progress: Boolean(progress), typecheck: opts.typecheck, embedFrom: opts.embedFrom,
        sizeStudy: opts.sizeStudy ?? false, sizes: Boolean(opts.sizes || opts.verbose), json: opts.json ?? false, output: out(opts.debug),
        medium: opts.medium ?? false, ...(opts.firmware ? { firmwareDir: resolve(opts.firmware) } : {}),
        ...(opts.cache !== undefined ? { cache: opts.cache } : {}),
      });
    }));

  cmd('fetch <FILE>', 'fetch the upstream sources FILE\'s images build from',
    'Synthesize FILE and fetch the upstream sources (Debian source packages) its images build from into the user cache, so later builds need no network.',
    'kiln fetch examples/lua/image.ts')
    .addOption(outdir()).addOption(typecheck()).addOption(embedFrom()).addOption(debug())
    .action(bind(async (file: string, opts: FileOptions) =>
      fetchCommand({ file, outdir: opts.outdir, typecheck: opts.typecheck, embedFrom: opts.embedFrom, output: out(opts.debug) })));

  cmd('ls <FILE>', 'list the images of a program or spec without compiling',
    'List the images of a program or spec (id, board, applications) without compiling.',
    'kiln ls examples/fleet/fleet.yaml\nkiln ls examples/fleet/image.ts --json')
    .option('--json', 'print JSON (schema/ls-result.schema.json) instead of a table')
    .addOption(embedFrom()).addOption(debug())
    .action(bind(async (file: string, opts: { json?: boolean; embedFrom?: string[]; debug?: boolean }) =>
      lsCommand({ file, json: opts.json ?? false, embedFrom: opts.embedFrom, output: out(opts.debug) })));

  cmd('run <IMAGE>', 'boot a built image in QEMU',
    'Boot a built image in QEMU (IMAGE: an image folder, or an image id in the assembly folder); exits with the guest\'s exit status. The guest\'s console reads kiln\'s standard input: a terminal as it is (Ctrl-D ends the input), a pipe or file followed by an end of file.',
    'kiln run kiln.out/hello\nkiln run lua --stdin words.txt\nkiln run http --forward 8080:80 --timeout 0')
    .addOption(outdir())
    .option('--timeout <SEC>', `stop QEMU after SEC seconds, status 124 (default ${DEFAULT_RUN_TIMEOUT_SECONDS}; 0: never)`, seconds)
    .option('--stdin <FILE>', 'give the guest FILE as its console input, then an end of file')
    .option('--forward <HOST:GUEST>', 'forward TCP port HOST on the host\'s 127.0.0.1 to port GUEST of the guest (images with a network stack; repeatable)', forward, [])
    .addOption(debug())
    .action(bind(async (image: string, opts: { outdir: string; timeout?: number; stdin?: string; forward?: PortForward[]; debug?: boolean }) =>
      runCommand({
        image, outdir: opts.outdir, ...(opts.timeout !== undefined ? { timeoutSeconds: opts.timeout } : {}),
        ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}), ...(opts.forward ? { forwards: opts.forward } : {}), output: out(opts.debug),
      })));

  cmd('codegen [LIBDIR]', 'write typed option interfaces from Kconfig',
    'Write typed option interfaces from Kconfig: Kiln\'s into constructs/generated/, or, given LIBDIR, your libraries\' into LIBDIR/generated/.',
    'kiln codegen examples/custom/libs\nkiln codegen --check')
    .option('--check', 'write nothing; exit 1 if the files are stale')
    .addOption(debug())
    .action(bind(async (libraries?: string, opts?: { check?: boolean; debug?: boolean }) =>
      codegenCommand({ check: opts?.check ?? false, ...(libraries ? { libraries } : {}), output: out(opts?.debug) })));

  cmd('diff <A> <B> [FILE]', 'what differs between two assemblies, image by image',
    'What differs between two assemblies, image by image (symbols with their reasons, libraries, link plan, sizes); A and B may be git revisions of the program FILE. Images with the same change are shown once; the last line sums it up.',
    'kiln diff old.out kiln.out\nkiln diff HEAD~1 HEAD examples/fleet/fleet.yaml --fail')
    .option('--fail', 'exit 1 when anything differs')
    .option('--json', 'print JSON (schema/diff-result.schema.json) instead of lines')
    .addOption(debug())
    .action(bind(async (a: string, b: string, file?: string, opts?: { fail?: boolean; json?: boolean; debug?: boolean }) =>
      diffCommand({ a, b, ...(file ? { file } : {}), fail: opts?.fail ?? false, json: opts?.json ?? false, output: out(opts?.debug) })));

  cmd('explain <IMAGE> <SYMBOL>', 'why a Kconfig symbol has its value',
    'Why SYMBOL (a Kconfig symbol) has its value in IMAGE: the chain of select/imply/default back to your line, or the Kconfig default.',
    'kiln explain kiln.out/hello LIBPL011')
    .addOption(outdir()).addOption(debug())
    .action(bind(async (image: string, symbol: string, opts: { outdir: string; debug?: boolean }) =>
      explainCommand({ image, symbol, outdir: opts.outdir, output: out(opts.debug) })));

  cmd('report <IMAGE>', 'write the image explorer (report.html) for a built image or a fleet',
    'Write IMAGE/report.html: one self-contained page (no network) with a size treemap by library and function, why each library is in the image, every option set, the SBOM, the POSIX calls reached and the boot facts. Given an assembly folder, write every image\'s page and index.html, which compares the images (sizes, libraries, the options that differ).',
    'kiln report kiln.out/hello\nkiln report hello --file /tmp/hello.html\nkiln report kiln.out')
    .option('-f, --file <FILE>', 'where to write the page (default: IMAGE/report.html, or ASSEMBLY/index.html)')
    .addOption(outdir()).addOption(debug())
    .action(bind(async (image: string, opts: { file?: string; outdir: string; debug?: boolean }) =>
      reportCommand({ image, outdir: opts.outdir, ...(opts.file ? { file: opts.file } : {}), output: out(opts.debug) })));

  cmd('completion', 'print a shell completion script (bash or zsh)',
    'Print a completion script for SHELL (bash or zsh) to stdout.',
    'kiln completion bash > ~/.local/share/bash-completion/completions/kiln\nkiln completion zsh > "${fpath[1]}/_kiln"')
    .addArgument(new Argument('<SHELL>', 'the shell to complete for').choices(['bash', 'zsh']))
    .action(bind(async (shell: 'bash' | 'zsh') => completionCommand({ shell, program, output: out(false) })));

  return program;
}

/** Options of the commands that take FILE and write an assembly folder. */
interface FileOptions {
  readonly outdir: string;
  readonly typecheck: boolean;
  readonly embedFrom?: string[];
  readonly debug?: boolean;
}

/** Options of `kiln build`. */
interface BuildOptions extends FileOptions {
  readonly progress?: boolean;
  readonly quiet?: boolean;
  readonly sizes?: boolean;
  readonly verbose?: boolean;
  readonly sizeStudy?: boolean;
  readonly json?: boolean;
  readonly medium?: boolean;
  readonly firmware?: string;
  readonly cache?: string;
}

/** A repeatable option's values, in order. */
function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0) || !Number.isFinite(n)) throw new InvalidArgumentError('--timeout takes a number of seconds, or 0 for no timeout.');
  return n;
}

function forward(value: string, previous: readonly PortForward[] | undefined): PortForward[] {
  const f = parseForward(value);
  if (!f) throw new InvalidArgumentError('--forward takes HOSTPORT:GUESTPORT (ports 1 to 65535), e.g. 8080:80.');
  return [...(previous ?? []), f];
}
