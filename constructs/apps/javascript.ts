// SPDX-License-Identifier: MIT
import { dirname, resolve } from 'node:path';
import { Application } from '../component.ts';
import type { JavascriptOptions } from '../generated/javascript-options.ts';
import { callerOrigin } from '../private/origin.ts';
import { contributeToProcess } from '../process.ts';
import { KilnError } from '../../synth/errors.ts';
import type { FileSpec } from '../../synth/spec/image-spec.ts';
import { assertProps } from '../private/props.ts';

/** Properties of the JavaScript application: its Kconfig options (generated), and the script to run. */
export interface JavaScriptProps extends JavascriptOptions {
  /**
   * The program's source text, embedded in the image at `scriptPath`.
   * Give this or `scriptFile`, not both.
   * @default none: the script must come from the image's `.files()`
   */
  readonly script?: string;
  /**
   * A JavaScript file on the host, embedded at `scriptPath`: relative to
   * the file that creates the JavaScript, or absolute.
   * @default none
   */
  readonly scriptFile?: string;
}

/**
 * JavaScript: runs a script with Duktape 2.7 (ECMAScript 5.1 and part of
 * ES2015+), built unmodified from Debian's duktape source. The script has
 * what Debian's `duk` gives it (`print`, `alert`, `console`), and in the
 * image: `require()` of modules in the file system, a global `fs` object
 * for files, and `setTimeout`/`setInterval` on Kiln's event loop.
 *
 * ```ts
 * new Image(app, 'js', { board: new QemuVirt() })
 *   .use(new JavaScript({ script: 'print(JSON.stringify({ answer: 6 * 7 }));' }));
 * ```
 */
export class JavaScript extends Application<'JavaScript', { files: true }> {
  /** Where the script is embedded unless `scriptPath` says otherwise. */
  static readonly SCRIPT_PATH = '/main.js';

  constructor(props: JavaScriptProps = {}) {
    const origin = callerOrigin();
    assertProps('JavaScript', props, { script: 'string', scriptFile: 'string' }, origin);
    props ??= {};
    super({
      kind: 'javascript',
      name: 'JavaScript',
      requires: { files: true },
      options: { modulePath: props.modulePath, scriptPath: props.scriptPath, timers: props.timers, timing: props.timing },
    });
    if (props.script !== undefined && props.scriptFile !== undefined) {
      throw new KilnError([{ message: 'JavaScript takes script or scriptFile, not both', origin, hint: 'keep the one that holds the program' }]);
    }
    const at = props.scriptPath ?? JavaScript.SCRIPT_PATH;
    const files: FileSpec[] = [];
    if (props.script !== undefined) files.push({ at, content: props.script });
    if (props.scriptFile !== undefined) files.push({ at, from: resolve(origin.file ? dirname(resolve(origin.file)) : process.cwd(), props.scriptFile) });
    if (files.length) contributeToProcess(this, { files });
  }
}
