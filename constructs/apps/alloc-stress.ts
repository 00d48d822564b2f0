// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import type { AllocStressOptionRanges, AllocStressOptions } from '../generated/alloc-stress-options.ts';
import type { CheckedOptions } from '../options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** Options of the AllocStress test application: generated from lib/app-alloc-stress/Kconfig. */
export type AllocStressProps = AllocStressOptions;

/**
 * AllocStress: a test of the image's allocators. Exercises the boot
 * allocator during init, then makes a seeded random mix of malloc,
 * calloc, realloc, free and the aligned allocations with content checks,
 * and ends with "alloc-stress: ok" and status 0 when everything held.
 */
export class AllocStress<const P extends AllocStressProps = {}> extends Application<'AllocStress', {}> {
  constructor(given?: CheckedOptions<'AllocStress', P, AllocStressOptionRanges>) {
    assertProps('AllocStress', given, {}, callerOrigin());
    const props: AllocStressProps = given ?? {};
    super({
      kind: 'alloc-stress',
      name: 'AllocStress',
      options: { seed: props.seed, operations: props.operations, maxSize: props.maxSize },
    });
  }
}
