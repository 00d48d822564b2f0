// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import type { NetEchoOptionRanges, NetEchoOptions } from '../generated/net-echo-options.ts';
import type { CheckedOptions } from '../options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** Options of the NetEcho application: generated from lib/app-net-echo/Kconfig by `kiln codegen`. */
export type NetEchoProps = NetEchoOptions;

/**
 * NetEcho: a TCP echo server on cooperative threads with blocking
 * sockets (one thread per connection), which can also greet the host
 * over TCP and UDP through QEMU's gateway. Needs a network device and a
 * scheduler that runs threads: `.scheduler(CooperativeScheduler)`.
 */
export class NetEcho<const P extends NetEchoProps = {}> extends Application<'NetEcho', { network: true; threads: true }> {
  constructor(given?: CheckedOptions<'NetEcho', P, NetEchoOptionRanges>) {
    assertProps('NetEcho', given, {}, callerOrigin());
    const props: NetEchoProps = given ?? {};
    super({ kind: 'net-echo', name: 'NetEcho', requires: { network: true, threads: true }, options: { ...props } });
  }
}
