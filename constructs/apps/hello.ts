// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import type { HelloOptions } from '../generated/hello-options.ts';

/** Options of the Hello application: generated from lib/app-hello/Kconfig by `kiln codegen`. */
export type HelloProps = HelloOptions;

/**
 * Hello: prints its greeting and returns a status. The smallest image that
 * proves the console, the C library and the exit path on a board.
 */
export class Hello extends Application<'Hello', {}> {
  constructor(props: HelloProps = {}) {
    super({ kind: 'hello', name: 'Hello', options: { greeting: props.greeting, exitStatus: props.exitStatus } });
  }
}
