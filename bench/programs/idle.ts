// SPDX-License-Identifier: MIT
// The bench's idle guest: sleeps in WFI for a long time, so the host CPU
// QEMU burns while Kiln idles can be measured (the power proxy).
import { App, Image, QemuVirt, RaspberryPi3BPlus, TimerTest, Ultra96V2 } from 'kiln';

const app = new App();

for (const board of [new QemuVirt(), new RaspberryPi3BPlus(), new Ultra96V2()]) {
  new Image(app, `idle-${board.id}`, { board })
    .use(new TimerTest({ sleepMs: 60_000, toleranceMs: 10_000 }))
    .configure({ LIBBOOT_TIMELINE: true });
}

app.synth();
