// SPDX-License-Identifier: MIT
// The bench's hello: the hello example on every board, with image ids the
// bench derives from the board (hello-<board id>), printing its boot
// timeline ("kiln: boot ticks N") before main.
import { App, Hello, Image, QemuVirt, RaspberryPi3BPlus, Ultra96V2 } from 'kiln';

const app = new App();

for (const board of [new QemuVirt(), new RaspberryPi3BPlus(), new Ultra96V2()]) {
  new Image(app, `hello-${board.id}`, { board })
    .use(new Hello({ greeting: `Hello from Kiln on ${board.id}` }))
    .configure({ LIBBOOT_TIMELINE: true });
}

app.synth();
