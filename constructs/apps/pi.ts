// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import type { PiOptions } from '../generated/pi-options.ts';

/** Options of the Pi application: generated from lib/app-pi/Kconfig by `kiln codegen`. */
export type PiProps = PiOptions;

/**
 * Pi: prints the first `digits` digits of pi ("3." and the rest), computed
 * with Rabinowitz and Wagon's spigot algorithm. Integer arithmetic only,
 * quadratic time: the CPU-bound benchmark.
 */
export class Pi extends Application<'Pi', {}> {
  constructor(props: PiProps = {}) {
    super({ kind: 'pi', name: 'Pi', options: { digits: props.digits, line: props.line } });
  }
}
