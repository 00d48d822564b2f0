// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import type { PiOptionRanges, PiOptions } from '../generated/pi-options.ts';
import type { CheckedOptions } from '../options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** Options of the Pi application: generated from lib/app-pi/Kconfig by `kiln codegen`. */
export type PiProps = PiOptions;

/**
 * Pi: prints the first `digits` digits of pi ("3." and the rest), computed
 * with Rabinowitz and Wagon's spigot algorithm. Integer arithmetic only,
 * quadratic time: the CPU-bound benchmark.
 */
export class Pi<const P extends PiProps = {}> extends Application<'Pi', {}> {
  constructor(given?: CheckedOptions<'Pi', P, PiOptionRanges>) {
    assertProps('Pi', given, {}, callerOrigin());
    const props: PiProps = given ?? {};
    super({ kind: 'pi', name: 'Pi', options: { digits: props.digits, line: props.line } });
  }
}
