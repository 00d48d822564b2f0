// SPDX-License-Identifier: MIT
import { Library } from './component.ts';

/** What every scheduler class declares statically. */
export interface SchedulerClass<Kind extends string = string, Threads extends boolean = boolean, Name extends string = string> {
  /** The library's catalog name, e.g. 'cooperative'; 'none' for no scheduler. */
  readonly kind: Kind;
  /** The class name shown in messages, e.g. 'CooperativeScheduler'. */
  readonly displayName: Name;
  /** Whether it runs threads (false for run-to-completion). */
  readonly threads: Threads;
  readonly isSchedulerClass: true;
}

/** Base of scheduler micro-libraries; images take the class: `.scheduler(CooperativeScheduler)`. */
export abstract class Scheduler extends Library {
  static readonly isSchedulerClass = true as const;
}

/**
 * No scheduler: the image runs to completion, as one event loop. Its kind
 * is 'none', which ImageSpec reads as "no scheduler library".
 */
export class NoScheduler extends Scheduler {
  static readonly kind = 'none';
  static readonly displayName = 'NoScheduler';
  static readonly threads = false as const;

  private constructor() {
    super({ kind: 'none', name: 'NoScheduler' });
  }
}

/** True when `x` is a scheduler class (from any copy of Kiln). */
export function isSchedulerClass(x: unknown): x is SchedulerClass {
  return typeof x === 'function' && (x as unknown as SchedulerClass).isSchedulerClass === true
    && typeof (x as unknown as SchedulerClass).kind === 'string';
}
