// SPDX-License-Identifier: MIT
import { dirname, resolve } from 'node:path';
import { KilnError } from '../synth/errors.ts';
import { projectFolder } from '../synth/host-files.ts';
import type { ProgramSpec } from '../synth/spec/image-spec.ts';
import { resolveProgramPaths } from '../synth/spec/program-sources.ts';
import type { Requirements } from './capabilities.ts';
import { Application } from './component.ts';
import { callerOrigin } from './private/origin.ts';
import { contributeToProcess } from './process.ts';
import { assertProps } from './private/props.ts';

const PROGRAM_BRAND = Symbol.for('kiln.Program');

/** What a program needs from its image, besides the C library, clocks and main()'s arguments. */
export type ProgramRequirements = Requirements;

/** Properties of a Program. */
export interface ProgramProps<Name extends string, R extends ProgramRequirements> {
  /**
   * The program's name: the name of its library in the image and in size
   * reports. Lowercase letters, digits and dashes.
   */
  readonly name: Name;
  /**
   * Its sources: files or globs (`src/*.c`, `src/**\/*.cpp`), relative to
   * the file that creates the Program, inside the project folder. C
   * (.c), C++ (.cc, .cpp, .cxx) and assembly (.S).
   */
  readonly sources: string | readonly string[];
  /** Include folders, relative to the file that creates the Program. @default none */
  readonly include?: readonly string[];
  /** Preprocessor definitions: `{ LED_PIN: 17, NAME: '"blink"', VERBOSE: true }` (true is -DNAME, false leaves it out). @default none */
  readonly defines?: Readonly<Record<string, string | number | boolean>>;
  /** More compiler flags for these sources only, e.g. `['-Wall', '-Werror']`. @default none */
  readonly cflags?: readonly string[];
  /**
   * What it needs: `network` (sockets; the board must have a network
   * device), `threads` (pthreads; the image needs a scheduler that runs
   * them), `files`. Checked at compile time like the built-in applications.
   * @default nothing more
   */
  readonly requires?: R;
  /** main()'s arguments after argv[0] (which is the program's name). @default none */
  readonly args?: readonly string[];
  /** The environment the program starts with (getenv). @default empty */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Your own program, from your project's C, C++ and assembly sources: it is
 * compiled in the image's build with the image's toolchain, flags and LTO,
 * as a micro-library of its own, and its main() is the image's. It gets
 * the C library, clocks (clock_gettime, nanosleep) and main()'s arguments;
 * `requires` adds files, sockets or threads.
 *
 * ```ts
 * new Image(app, 'blink', { board: new QemuVirt() })
 *   .use(new Program({ name: 'blink', sources: 'src/*.c', cflags: ['-Wall'] }));
 * ```
 */
export class Program<const Name extends string = string, const R extends ProgramRequirements = {}> extends Application<Name, R> {
  /** True when `x` is a Program from any copy of Kiln. */
  static isProgram(x: unknown): x is Program {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[PROGRAM_BRAND] === true;
  }

  /** The program as plain data: sources expanded to absolute files. */
  readonly spec: ProgramSpec;

  constructor(props: ProgramProps<Name, R>) {
    const origin = callerOrigin();
    assertProps('Program', props, {
      name: 'string', sources: 'path-or-paths', include: 'strings', defines: 'scalar-map', cflags: 'strings', requires: 'requirements', args: 'strings', env: 'string-map',
    }, origin, ['name', 'sources']);
    super({ kind: props.name, name: props.name, requires: props.requires ?? ({} as R) });
    Object.defineProperty(this, PROGRAM_BRAND, { value: true });
    const file = origin.file ? resolve(origin.file) : undefined;
    const base = file ? dirname(file) : process.cwd();
    const sources = typeof props.sources === 'string' ? [props.sources] : [...props.sources];
    const resolved = resolveProgramPaths(props.name, { sources, ...(props.include ? { include: props.include } : {}) }, base, projectFolder(file ?? base));
    if (resolved.problems.length) throw new KilnError(resolved.problems.map((p) => ({ message: p.message, origin, ...(p.hint ? { hint: p.hint } : {}) })));
    const defines = Object.entries(props.defines ?? {}).filter(([, v]) => v !== false).map(([k, v]) => [k, v === true ? '' : String(v)] as const);
    const requires = (['network', 'threads', 'files'] as const).filter((k) => props.requires?.[k] === true);
    if (props.args?.length || Object.keys(props.env ?? {}).length) {
      contributeToProcess(this, { ...(props.args?.length ? { args: [props.name, ...props.args] } : {}), ...(props.env ? { env: { ...props.env } } : {}) });
    }
    this.spec = {
      name: props.name,
      sources: resolved.sources,
      ...(props.include?.length ? { include: resolved.include } : {}),
      ...(defines.length ? { defines: Object.fromEntries(defines) } : {}),
      ...(props.cflags?.length ? { cflags: [...props.cflags] } : {}),
      ...(requires.length ? { requires: Object.fromEntries(requires.map((k) => [k, true])) } : {}),
    };
  }
}
