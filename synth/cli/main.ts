// SPDX-License-Identifier: MIT
import { parseArgs } from 'node:util';
import { buildCommand } from './build.ts';
import { codegenCommand } from './codegen.ts';
import { diffCommand } from './diff.ts';
import { explainCommand } from './explain.ts';
import { fetchCommand } from './fetch.ts';
import { initCommand } from './init.ts';
import { lsCommand } from './ls.ts';
import { processOutput } from './private/report.ts';
import { kilnVersion } from '../paths.ts';
import { parseForward, type PortForward } from '../run.ts';
import { runCommand } from './run.ts';
import { synthCommand } from './synth.ts';

const USAGE = `usage: kiln <command> [options]

commands:
  init [DIR]     create a project in DIR (default: here): package.json, tsconfig.json, image.ts
                 and src/main.c (--template cpp: src/main.cpp)
  synth FILE     run the program FILE (image.ts), or load the spec FILE (.yaml/.json), and write
                 the assembly folder, without compiling
  build FILE     synthesize FILE, fetch the upstream sources its images need, and compile every
                 image with ninja
  fetch FILE     synthesize FILE and fetch the upstream sources (Debian source packages) its
                 images build from into the user cache, so later builds need no network
  ls FILE        list the images of a program or spec (id, board, applications) without compiling
                 (--json for tools)
  run IMAGE      boot a built image in QEMU (IMAGE: an image folder, or an image id in the assembly);
                 exits with the guest's exit status
  codegen [LIBDIR]
                 write typed option interfaces from Kconfig: Kiln's into constructs/generated/, or,
                 given LIBDIR, your libraries' into LIBDIR/generated/ (--check: exit 1 if stale)
  diff A B [FILE]
                 what differs between two assemblies, image by image (symbols with their reasons,
                 libraries, link plan, sizes); A and B may be git revisions of the program FILE.
                 --fail exits 1 when anything differs
  explain IMAGE SYMBOL
                 why SYMBOL (a Kconfig symbol) has its value in IMAGE: the chain of
                 select/imply/default back to your line, or the Kconfig default

options:
  -o, --outdir DIR     assembly folder (default: kiln.out)
      --template T     init: the program to start from, c (default) or cpp
      --timeout SEC    run: stop QEMU after SEC seconds
      --forward H:G    run: forward TCP port H on the host's 127.0.0.1 to port G of the guest
                       (images with a network stack; repeatable), e.g. --forward 8080:80
      --progress       build: show each compile step even when output is not a terminal
      --quiet          build: show no compile steps
      --size-study     build: also link each image without --gc-sections and with LTO flipped,
                       and report the bytes each saves
      --no-typecheck   synth/build: run the program without type-checking it first
      --embed-from DIR synth/build/fetch/ls: also allow embedded files (files.from, .files()) from DIR;
                       by default they must be in the project folder (the nearest folder above FILE
                       holding package.json or .git) (repeatable)
      --debug          print stack traces and causes with errors
  -V, --version        print Kiln's version
  -h, --help           this text`;

/**
 * The kiln command line: maps argv to one command function and returns
 * the exit code. Commands never call process.exit.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        outdir: { type: 'string', short: 'o', default: 'kiln.out' },
        timeout: { type: 'string' },
        forward: { type: 'string', multiple: true },
        progress: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        'no-typecheck': { type: 'boolean', default: false },
        'embed-from': { type: 'string', multiple: true },
        check: { type: 'boolean', default: false },
        'size-study': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        fail: { type: 'boolean', default: false },
        version: { type: 'boolean', short: 'V', default: false },
        template: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`kiln: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, target, ...extra] = positionals;
  const output = processOutput(values.debug ?? false);
  if (values.version) {
    output.out(kilnVersion());
    return 0;
  }
  if (values.help || !command) {
    (values.help ? output.out : output.err)(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'codegen') return codegenCommand({ check: values.check ?? false, ...(target ? { libraries: target } : {}), output });
  if (command === 'init') {
    if (extra.length) {
      output.err(`kiln init: expected at most one folder\n${USAGE}`);
      return 2;
    }
    return initCommand({ ...(target ? { dir: target } : {}), ...(values.template ? { template: values.template } : {}), output });
  }
  if (command === 'diff') {
    if (!target || extra.length < 1 || extra.length > 2) {
      output.err(`kiln diff: expected A B [FILE]\n${USAGE}`);
      return 2;
    }
    return diffCommand({ a: target, b: extra[0], ...(extra[1] ? { file: extra[1] } : {}), fail: values.fail ?? false, output });
  }
  const arity = command === 'explain' ? 1 : 0;
  if (!target || extra.length !== arity) {
    const operands = { run: 'IMAGE', explain: 'IMAGE SYMBOL' }[command] ?? 'FILE';
    output.err(`kiln ${command}: expected ${operands}\n${USAGE}`);
    return 2;
  }
  const outdir = values.outdir ?? 'kiln.out';
  const typecheck = !values['no-typecheck'];
  const embedFrom = values['embed-from'] ?? [];
  switch (command) {
    case 'synth':
      return synthCommand({ file: target, outdir, typecheck, embedFrom, output });
    case 'fetch':
      return fetchCommand({ file: target, outdir, typecheck, embedFrom, output });
    case 'build': {
      const progress = !values.quiet && (values.progress || (process.stderr.isTTY && !process.env.CI));
      return buildCommand({ file: target, outdir, progress: Boolean(progress), typecheck, embedFrom, sizeStudy: values['size-study'] ?? false, output });
    }
    case 'run': {
      const timeoutSeconds = values.timeout ? Number(values.timeout) : undefined;
      if (timeoutSeconds !== undefined && !(timeoutSeconds > 0)) {
        output.err(`kiln run: --timeout takes a number of seconds, got "${values.timeout}"`);
        return 2;
      }
      const forwards: PortForward[] = [];
      for (const text of values.forward ?? []) {
        const f = parseForward(text);
        if (!f) {
          output.err(`kiln run: --forward takes HOSTPORT:GUESTPORT (ports 1 to 65535), e.g. 8080:80; got "${text}"`);
          return 2;
        }
        forwards.push(f);
      }
      return runCommand({ image: target, outdir, ...(timeoutSeconds ? { timeoutSeconds } : {}), ...(forwards.length ? { forwards } : {}), output });
    }
    case 'ls':
      return lsCommand({ file: target, json: values.json ?? false, embedFrom, output });
    case 'explain':
      return explainCommand({ image: target, symbol: extra[0], outdir, output });
    default:
      output.err(`kiln: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
