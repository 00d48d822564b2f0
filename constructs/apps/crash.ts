// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import { KilnError } from '../../synth/errors.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** The faults the Crash test application can make. */
export const CRASH_FAULTS = ['null', 'text', 'rodata-exec', 'stack', 'thread-stack', 'undefined'] as const;

/** One of CRASH_FAULTS. */
export type CrashFault = (typeof CRASH_FAULTS)[number];

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
export class Crash<const P extends CrashProps = {}> extends Application<'Crash', P['fault'] extends 'thread-stack' ? { threads: true } : {}> {
  constructor(props?: P) {
    const origin = callerOrigin();
    assertProps('Crash', props, { fault: 'string' }, origin);
    const fault = props?.fault;
    if (fault !== undefined && !(CRASH_FAULTS as readonly string[]).includes(fault)) {
      throw new KilnError([{ message: `Crash's fault must be one of ${CRASH_FAULTS.map((f) => `'${f}'`).join(', ')}, got "${String(fault)}"`, origin }]);
    }
    // Overflowing a thread's stack needs threads: the image's scheduler must run them.
    const requires = (fault === 'thread-stack' ? { threads: true } : {}) as P['fault'] extends 'thread-stack' ? { threads: true } : {};
    super({ kind: 'crash', name: 'Crash', requires, options: { fault } });
  }
}
