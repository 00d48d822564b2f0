// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';

/** The faults the Crash test application can make. */
export type CrashFault = 'null' | 'text' | 'rodata-exec' | 'stack' | 'thread-stack' | 'undefined';

/** Options of the Crash test application. */
export interface CrashProps {
  /**
   * What to do: read through a null pointer ('null'), write to the
   * image's code ('text'), jump into read-only data ('rodata-exec'),
   * overflow the boot stack into its guard page ('stack'), overflow a
   * thread's stack likewise ('thread-stack', with a thread scheduler), or
   * run an undefined instruction ('undefined').
   * @default 'null'
   */
  readonly fault?: CrashFault;
}

/**
 * Crash: makes the fault it is told to. The image must end in a crash
 * report naming the fault and a failure status (134 by default), never a
 * hang: a test of the MMU's protections and the exception vectors.
 */
export class Crash extends Application<'Crash', {}> {
  constructor(props: CrashProps = {}) {
    super({ kind: 'crash', name: 'Crash', options: { fault: props.fault } });
  }
}
