// SPDX-License-Identifier: MIT
// The default example: one image per board, each printing a greeting.
//
//   kiln build examples/hello/image.ts && kiln run kiln.out/hello
import { App, Hello, Image, QemuVirt, RaspberryPi3BPlus, Ultra96V2 } from 'kiln';

const app = new App();

new Image(app, 'hello', { board: new QemuVirt() })
  .use(new Hello({ greeting: 'Hello from Kiln on QEMU virt!' }));

new Image(app, 'hello-rpi3', { board: new RaspberryPi3BPlus() })
  .use(new Hello({ greeting: 'Hello from Kiln on the Raspberry Pi 3 B+!' }));

new Image(app, 'hello-ultra96', { board: new Ultra96V2() })
  .use(new Hello({ greeting: 'Hello from Kiln on the Ultra96-V2!' }));

app.synth();
