// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import type { HelloOptionRanges, HelloOptions } from '../generated/hello-options.ts';
import type { CheckedOptions } from '../options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** Options of the Hello application: generated from lib/app-hello/Kconfig by `kiln codegen`. */
export type HelloProps = HelloOptions;

/**
 * Hello: prints its greeting and returns a status. The smallest image that
 * proves the console, the C library and the exit path on a board.
 */
export class Hello<const P extends HelloProps = {}> extends Application<'Hello', {}> {
  constructor(given?: CheckedOptions<'Hello', P, HelloOptionRanges>) {
    assertProps('Hello', given, {}, callerOrigin());
    const props: HelloProps = given ?? {};
    super({ kind: 'hello', name: 'Hello', options: { greeting: props.greeting, exitStatus: props.exitStatus } });
  }
}
