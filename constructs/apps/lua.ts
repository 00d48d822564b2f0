// SPDX-License-Identifier: MIT
import { dirname, resolve } from 'node:path';
import { Application } from '../component.ts';
import { callerOrigin } from '../private/origin.ts';
import { contributeToProcess } from '../process.ts';
import { KilnError } from '../../synth/errors.ts';
import type { FileSpec } from '../../synth/spec/image-spec.ts';
import { assertProps } from '../private/props.ts';

/** Properties of the Lua application. */
export interface LuaProps {
  /**
   * The Lua program's source text, embedded in the image at
   * `Lua.SCRIPT_PATH`. Give this or `scriptFile`, not both.
   * @default no script: the interactive interpreter, on the console
   */
  readonly script?: string;
  /**
   * A Lua file on the host, embedded in the image at `Lua.SCRIPT_PATH`:
   * relative to the file that creates the Lua, or absolute.
   * @default no script file
   */
  readonly scriptFile?: string;
  /**
   * The script's arguments: `arg[1]`, `arg[2]`... (with no script, the
   * interpreter's own, e.g. `['-e', 'print(1)']`).
   * @default none
   */
  readonly args?: readonly string[];
  /**
   * Environment variables the script sees with os.getenv.
   * @default none
   */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Lua: the Lua 5.4 standalone interpreter, built unmodified from Debian's
 * lua5.4 source, running a script given in image.ts or embedded from a
 * file. The image's process is `lua /main.lua ARGS`; the script's files
 * are in the RAM file system, where it can also write.
 *
 * The image's main stack is at least the 512 KiB Lua declares
 * (lib/lua/library.yaml `stack`), so a script that recurses without
 * bound gets Lua's "stack overflow" error rather than a crash; give more
 * with `.configure({ LIBBOOT_STACK_SIZE: ... })`.
 *
 * ```ts
 * new Image(app, 'calc', { board: new QemuVirt() })
 *   .use(new Lua({ script: 'print(6 * 7)' }));
 * ```
 */
export class Lua extends Application<'Lua', { files: true }> {
  /** Where the script is embedded in the image's file system. */
  static readonly SCRIPT_PATH = '/main.lua';

  constructor(props: LuaProps = {}) {
    super({ kind: 'lua', name: 'Lua', requires: { files: true } });
    const origin = callerOrigin();
    assertProps('Lua', props, { script: 'string', scriptFile: 'string', args: 'strings', env: 'string-map' }, origin);
    props ??= {};
    if (props.script !== undefined && props.scriptFile !== undefined) {
      throw new KilnError([{ message: 'Lua takes script or scriptFile, not both', origin, hint: 'keep the one that holds the program' }]);
    }
    const files: FileSpec[] = [];
    if (props.script !== undefined) files.push({ at: Lua.SCRIPT_PATH, content: props.script });
    if (props.scriptFile !== undefined) {
      files.push({ at: Lua.SCRIPT_PATH, from: resolve(origin.file ? dirname(resolve(origin.file)) : process.cwd(), props.scriptFile) });
    }
    contributeToProcess(this, {
      files,
      args: ['lua', ...(files.length ? [Lua.SCRIPT_PATH] : []), ...(props.args ?? [])],
      ...(props.env ? { env: { ...props.env } } : {}),
    });
  }
}
