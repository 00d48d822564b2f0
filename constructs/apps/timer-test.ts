// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import type { TimerTestOptions } from '../generated/timer-test-options.ts';

/** Options of the TimerTest test application: generated from lib/app-timer-test/Kconfig. */
export type TimerTestProps = TimerTestOptions;

/**
 * TimerTest: sleeps `sleepMs` of guest time with nanosleep() and checks
 * the counter moved by that much. Prints "timer-test: sleeping" and
 * "timer-test: woke" around the sleep, so a host can measure what an idle
 * guest costs it.
 */
export class TimerTest extends Application<'TimerTest', {}> {
  constructor(props: TimerTestProps = {}) {
    super({ kind: 'timer-test', name: 'TimerTest', options: { sleepMs: props.sleepMs, toleranceMs: props.toleranceMs } });
  }
}
