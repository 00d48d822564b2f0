// SPDX-License-Identifier: MIT
import { Library } from '../component.ts';
import type { LwipOptionRanges, LwipOptions } from '../generated/lwip-options.ts';
import type { CheckedOptions } from '../options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** Options of the lwIP TCP/IP stack: generated from lib/lwip/Kconfig by `kiln codegen`. */
export type LwipProps = LwipOptions;

/**
 * lwIP, the TCP/IP stack network applications bring in: `.use()` it to
 * size its pools or change its addressing, e.g.
 * `.use(new Lwip({ tcpPcbs: 64, dhcp: false }))`. Its options are its
 * Kconfig symbols (LIBLWIP_*).
 */
export class Lwip<const P extends LwipProps = {}> extends Library<'Lwip', { network: true }> {
  constructor(given?: CheckedOptions<'Lwip', P, LwipOptionRanges>) {
    assertProps('Lwip', given, {}, callerOrigin());
    const props: LwipProps = given ?? {};
    super({ kind: 'lwip', name: 'Lwip', requires: { network: true }, options: { ...props } });
  }
}
