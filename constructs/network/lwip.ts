// SPDX-License-Identifier: MIT
import { Library } from '../component.ts';
import type { LwipOptions } from '../generated/lwip-options.ts';

/** Options of the lwIP TCP/IP stack: generated from lib/lwip/Kconfig by `kiln codegen`. */
export type LwipProps = LwipOptions;

/**
 * lwIP, the TCP/IP stack network applications bring in: `.use()` it to
 * size its pools or change its addressing, e.g.
 * `.use(new Lwip({ tcpPcbs: 64, dhcp: false }))`. Its options are its
 * Kconfig symbols (LIBLWIP_*).
 */
export class Lwip extends Library<'Lwip', { network: true }> {
  constructor(props: LwipProps = {}) {
    super({ kind: 'lwip', name: 'Lwip', requires: { network: true }, options: { ...props } });
  }
}
