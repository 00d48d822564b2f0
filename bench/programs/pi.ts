// SPDX-License-Identifier: MIT
// The bench's CPU-bound application: 1000 digits of pi on every board.
import { App, Image, Pi, QemuVirt, RaspberryPi3BPlus, Ultra96V2 } from 'kiln';

const app = new App();

for (const board of [new QemuVirt(), new RaspberryPi3BPlus(), new Ultra96V2()]) {
  new Image(app, `pi-${board.id}`, { board })
    .use(new Pi({ digits: 1000 }))
    .configure({ LIBBOOT_TIMELINE: true });
}

app.synth();
