// SPDX-License-Identifier: MIT
// Your own board and your own micro-library, outside Kiln: libs/ holds a
// board (small-virt: QEMU virt with 64 MiB) and an application (counter,
// whose Kconfig option `limit` is set here). The spec twin is image.yaml.
import { App, Application, Board, Image, readBoard } from 'kiln';
// Typed options of libs/counter, from its Kconfig: `npx kiln codegen examples/custom/libs`.
import type { CounterOptions } from './libs/generated/index.js';

/** QEMU virt with 64 MiB, described in libs/small-virt/board.yaml. */
class SmallVirt extends Board<'SmallVirt', { network: 'virtio-net'; cores: 1 }> {
  constructor() {
    super(readBoard(new URL('./libs/small-virt/board.yaml', import.meta.url)));
  }
}

/** The counter application of libs/counter: prints 1..limit's sum and returns it modulo 256. */
class Counter extends Application<'Counter', {}> {
  constructor(props: CounterOptions = {}) {
    super({ kind: 'counter', name: 'Counter', options: { limit: props.limit } });
  }
}

const app = new App({ libraries: ['./libs'] });
new Image(app, 'counter', { board: new SmallVirt() }).use(new Counter({ limit: 20 }));
app.synth();
