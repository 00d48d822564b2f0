// SPDX-License-Identifier: MIT
import type { IntRange } from '../capabilities.ts';
import { Application } from '../component.ts';

/** Options of the Hello application (lib/app-hello/Kconfig). */
export interface HelloProps {
  /**
   * The line hello prints.
   * @default 'Hello from Kiln!'
   */
  readonly greeting?: string;
  /**
   * The status main() returns, 0 to 255; under QEMU, `kiln run` exits with it.
   * @default 0
   */
  readonly exitStatus?: IntRange<0, 255>;
}

/**
 * Hello: prints its greeting and returns a status. The smallest image that
 * proves the console, the C library and the exit path on a board.
 */
export class Hello extends Application<'Hello', {}> {
  constructor(props: HelloProps = {}) {
    super({ kind: 'hello', name: 'Hello', options: { greeting: props.greeting, exitStatus: props.exitStatus } });
  }
}
