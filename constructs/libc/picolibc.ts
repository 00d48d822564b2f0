// SPDX-License-Identifier: MIT
import { Library } from '../component.ts';
import type { PicolibcOptions } from '../generated/picolibc-options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** Options of the C library: generated from lib/picolibc/Kconfig by `kiln codegen`. */
export type PicolibcProps = PicolibcOptions;

/**
 * The C library (picolibc with Kiln's glue, exact printf, scanf and
 * strtod). Every application brings it; `.use()` it only to change its
 * options, e.g. the small, inexact printf for an image that counts bytes:
 * `.use(new Picolibc({ printfSmall: true }))`. Its options are its Kconfig
 * symbols (LIBPICOLIBC_*).
 */
export class Picolibc<const P extends PicolibcProps = {}> extends Library<'Picolibc'> {
  constructor(given?: P & PicolibcProps) {
    assertProps('Picolibc', given, {}, callerOrigin());
    const props: PicolibcProps = given ?? {};
    super({ kind: 'picolibc', name: 'Picolibc', options: { ...props } });
  }
}
