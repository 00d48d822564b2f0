// SPDX-License-Identifier: MIT
import { Scheduler } from '../scheduler.ts';

/**
 * The cooperative scheduler (lib/sched-coop): threads run until they
 * yield, sleep, block or end; each stack has an unmapped guard page
 * below it. Give the class itself to `.scheduler()`:
 * `.scheduler(CooperativeScheduler)`.
 */
export class CooperativeScheduler extends Scheduler {
  static readonly kind = 'cooperative';
  static readonly displayName = 'CooperativeScheduler';
  static readonly threads = true as const;

  private constructor() {
    super({ kind: 'cooperative', name: 'CooperativeScheduler' });
  }
}
