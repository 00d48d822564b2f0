// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import type { TimerTestOptionRanges, TimerTestOptions } from '../generated/timer-test-options.ts';
import type { CheckedOptions } from '../options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** Options of the TimerTest test application: generated from lib/app-timer-test/Kconfig. */
export type TimerTestProps = TimerTestOptions;

/**
 * TimerTest: sleeps `sleepMs` of guest time with nanosleep() and checks
 * the counter moved by that much. Prints "timer-test: sleeping" and
 * "timer-test: woke" around the sleep, so a host can measure what an idle
 * guest costs it.
 */
export class TimerTest<const P extends TimerTestProps = {}> extends Application<'TimerTest', {}> {
  constructor(given?: CheckedOptions<'TimerTest', P, TimerTestOptionRanges>) {
    assertProps('TimerTest', given, {}, callerOrigin());
    const props: TimerTestProps = given ?? {};
    super({ kind: 'timer-test', name: 'TimerTest', options: { sleepMs: props.sleepMs, toleranceMs: props.toleranceMs } });
  }
}
