// SPDX-License-Identifier: MIT
import { dirname, resolve } from 'node:path';
import { Application } from '../component.ts';
import { callerOrigin } from '../private/origin.ts';
import { contributeToProcess } from '../process.ts';
import { KilnError } from '../../synth/errors.ts';
import type { FileSpec } from '../../synth/spec/image-spec.ts';
import { assertProps } from '../private/props.ts';

/** Properties of the Ruby application. */
export interface RubyProps {
  /**
   * The Ruby program's source text, embedded in the image at
   * `Ruby.SCRIPT_PATH`. Give this or `scriptFile`, not both.
   * @default no script: `args` are mruby's own (e.g. `['-e', 'p 1']`)
   */
  readonly script?: string;
  /**
   * A Ruby file on the host, embedded in the image at `Ruby.SCRIPT_PATH`:
   * relative to the file that creates the Ruby, or absolute.
   * @default no script file
   */
  readonly scriptFile?: string;
  /**
   * The script's arguments, its `ARGV` (with no script, mruby's own).
   * @default none
   */
  readonly args?: readonly string[];
  /**
   * Environment variables of the process (the C library's getenv).
   * @default none
   */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Ruby: mruby 3.1's command line, built unmodified from Debian's mruby
 * source with its compiler and the gems that need no more than Kiln's
 * POSIX layer (String, Array, Hash and the other core extensions, Struct,
 * Fiber, Enumerator, pack, sprintf, Time, Random, Math, Rational, Complex,
 * IO and File, eval), running a script given in image.ts or embedded from
 * a file. The image's process is `mruby /main.rb ARGS`; the script's files
 * are in the RAM file system, where it can also write.
 *
 * ```ts
 * new Image(app, 'calc', { board: new QemuVirt() })
 *   .use(new Ruby({ script: 'puts 6 * 7' }));
 * ```
 */
export class Ruby extends Application<'Ruby', { files: true }> {
  /** Where the script is embedded in the image's file system. */
  static readonly SCRIPT_PATH = '/main.rb';

  constructor(props: RubyProps = {}) {
    super({ kind: 'ruby', name: 'Ruby', requires: { files: true } });
    const origin = callerOrigin();
    assertProps('Ruby', props, { script: 'string', scriptFile: 'string', args: 'strings', env: 'string-map' }, origin);
    props ??= {};
    if (props.script !== undefined && props.scriptFile !== undefined) {
      throw new KilnError([{ message: 'Ruby takes script or scriptFile, not both', origin, hint: 'keep the one that holds the program' }]);
    }
    const files: FileSpec[] = [];
    if (props.script !== undefined) files.push({ at: Ruby.SCRIPT_PATH, content: props.script });
    if (props.scriptFile !== undefined) {
      files.push({ at: Ruby.SCRIPT_PATH, from: resolve(origin.file ? dirname(resolve(origin.file)) : process.cwd(), props.scriptFile) });
    }
    contributeToProcess(this, {
      files,
      args: ['mruby', ...(files.length ? [Ruby.SCRIPT_PATH] : []), ...(props.args ?? [])],
      ...(props.env ? { env: { ...props.env } } : {}),
    });
  }
}
