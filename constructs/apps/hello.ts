// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';

/** Options of the Hello application (lib/app-hello/Kconfig). */
export interface HelloProps {
  /**
   * The line hello prints.
   * @default 'Hello from Kiln!'
   */
  readonly greeting?: string;
  /**
   * The status main() returns; under QEMU, `kiln run` exits with it.
   * @default 0
   */
  readonly exitStatus?: number;
}

/**
 * Hello: prints its greeting and returns a status. The smallest image that
 * proves the console, the C library and the exit path on a board.
 */
export class Hello extends Application {
  constructor(props: HelloProps = {}) {
    super('hello', { greeting: props.greeting, exitStatus: props.exitStatus });
  }
}
