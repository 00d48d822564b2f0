// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import type { PingpongOptionRanges, PingpongOptions } from '../generated/pingpong-options.ts';
import type { CheckedOptions } from '../options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';

/** Options of the PingPong test application (its choice of threads or events follows the scheduler). */
export type PingPongProps = Pick<PingpongOptions, 'rounds' | 'pauseEvery'>;

/**
 * PingPong: two players take turns for a number of rounds. With a
 * scheduler that runs threads they are two threads that block and wake
 * each other; with NoScheduler, two events of the event loop that post
 * each other. Ends with "pingpong: ok" and status 0 when every turn
 * alternated.
 */
export class PingPong<const P extends PingPongProps = {}> extends Application<'PingPong', {}> {
  constructor(given?: CheckedOptions<'PingPong', P, PingpongOptionRanges>) {
    assertProps('PingPong', given, {}, callerOrigin());
    const props: PingPongProps = given ?? {};
    super({ kind: 'pingpong', name: 'PingPong', options: { rounds: props.rounds, pauseEvery: props.pauseEvery } });
  }
}
