// SPDX-License-Identifier: MIT
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { KilnError } from '../errors.ts';
import { displayPath, KILN_ROOT } from '../paths.ts';
import { reportError, type Output } from './private/report.ts';

/** The programs `kiln init` can start a project with. */
export const INIT_TEMPLATES = ['c', 'cpp'] as const;
export type InitTemplate = (typeof INIT_TEMPLATES)[number];

/** Options of `kiln init [DIR]`. */
export interface InitCommandOptions {
  /** The project folder; made when missing. @default the current folder */
  readonly dir?: string;
  /** @default 'c' */
  readonly template?: string;
  readonly output: Output;
}

/** Kiln's own version, which the project depends on. */
function kilnVersion(): string {
  return (JSON.parse(readFileSync(join(KILN_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** An image id from a folder name: lowercase letters, digits and dashes, starting with a letter. */
export function projectId(dir: string): string {
  const id = basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '').slice(0, 63);
  return id || 'app';
}

const C_MAIN = `// Your program: Kiln boots the board, brings up the C library, clocks and
// main()'s arguments, then calls main(). Its status is kiln run's exit status.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
\tstruct timespec now;

\tclock_gettime(CLOCK_MONOTONIC, &now);
\tprintf("Hello from %s, %ld ms after boot\\n", argc > 0 ? argv[0] : "kiln", (long)(now.tv_nsec / 1000000 + now.tv_sec * 1000));
\treturn EXIT_SUCCESS;
}
`;

const CPP_MAIN = `// Your program, in C++: Kiln runs static constructors before main() and
// destructors after it; new and delete use Kiln's allocator.
#include <algorithm>
#include <array>
#include <cstdio>

namespace {

struct Greeter {
\tGreeter() { std::puts("constructed before main()"); }
\t~Greeter() { std::puts("destroyed after main()"); }
};

Greeter greeter;

} // namespace

int main()
{
\tstd::array<int, 5> values{5, 3, 4, 1, 2};

\tstd::sort(values.begin(), values.end());
\tstd::printf("Hello from C++: smallest %d, largest %d\\n", values.front(), values.back());
\treturn 0;
}
`;

/** The files of a new project, by path relative to it. */
export function initFiles(id: string, template: InitTemplate): Map<string, string> {
  const source = template === 'cpp' ? 'src/main.cpp' : 'src/main.c';
  const pattern = template === 'cpp' ? 'src/*.cpp' : 'src/*.c';
  const packageJson = {
    name: id,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      build: 'kiln build image.ts',
      start: `kiln run kiln.out/${id}`,
      typecheck: 'tsc --noEmit',
    },
    dependencies: { kiln: `^${kilnVersion()}` },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    include: ['image.ts'],
  };
  const image = `// The image: a board, your program, and the micro-libraries Kiln finds it needs.
// npx kiln build image.ts && npx kiln run kiln.out/${id}
import { App, Image, Program, QemuVirt } from 'kiln';

const app = new App();
new Image(app, '${id}', { board: new QemuVirt() })
  .use(new Program({ name: '${id}', sources: '${pattern}', cflags: ['-Wall', '-Wextra'] }));
app.synth();
`;
  const readme = `# ${id}

An OS image for ARM64 boards, built with Kiln: \`image.ts\` describes it,
\`${source}\` is your program.

\`\`\`sh
npm install && npx kiln build image.ts   # compile the image into kiln.out/${id}
npx kiln run kiln.out/${id}              # boot it in QEMU; exits with main()'s status
\`\`\`

Other boards: \`RaspberryPi3BPlus\` and \`Ultra96V2\` in place of \`QemuVirt\`.
Files for your program: \`new Program({ ..., requires: { files: true } })\`
and \`.files('./data')\` on the image.
`;
  return new Map([
    ['package.json', `${JSON.stringify(packageJson, null, 2)}\n`],
    ['tsconfig.json', `${JSON.stringify(tsconfig, null, 2)}\n`],
    ['image.ts', image],
    [source, template === 'cpp' ? CPP_MAIN : C_MAIN],
    ['.gitignore', 'node_modules/\nkiln.out/\n'],
    ['README.md', readme],
  ]);
}

/**
 * Writes a new project into DIR: package.json (ESM, Kiln as a dependency),
 * tsconfig.json, image.ts, the program's source, .gitignore and a README.
 * Refuses, writing nothing, when any of those files is already there.
 */
export function initCommand(opts: InitCommandOptions): number {
  try {
    const template = opts.template ?? 'c';
    if (!(INIT_TEMPLATES as readonly string[]).includes(template)) {
      throw new KilnError([{ message: `kiln init: no template "${template.slice(0, 40)}"`, hint: `templates: ${INIT_TEMPLATES.join(', ')}` }]);
    }
    const dir = resolve(opts.dir ?? '.');
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) throw new KilnError([{ message: `kiln init: ${dir} is not a folder`, hint: 'give a new or existing folder' }]);
    const id = projectId(dir);
    const files = initFiles(id, template as InitTemplate);
    const present = [...files.keys()].filter((f) => existsSync(join(dir, f)));
    if (present.length) {
      throw new KilnError([{ message: `kiln init: ${dir} already has ${present.join(', ')}`, hint: 'run it in a new folder (kiln init my-image), or move those files away' }]);
    }
    for (const [file, content] of files) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), content, { flag: 'wx' });
    }
    const shown = displayPath(dir) || '.';
    opts.output.out(`created ${shown}: ${[...files.keys()].join(', ')}`);
    opts.output.out(`next: ${shown === '.' ? '' : `cd ${shown} && `}npm install && npx kiln build image.ts && npx kiln run kiln.out/${id}`);
    return 0;
  } catch (err) {
    return reportError(err, opts.output);
  }
}
