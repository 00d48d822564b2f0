// SPDX-License-Identifier: MIT
// JavaScript with Duktape from Debian's source: a script that requires a
// module, reads JSON from an embedded file, writes a report and prints it
// from a timer.
//
//   kiln build examples/javascript/image.ts && kiln run kiln.out/javascript
import { App, Image, JavaScript, QemuVirt, RaspberryPi3BPlus } from 'kiln';

const app = new App();

for (const [id, board] of [['javascript', new QemuVirt()], ['javascript-rpi3', new RaspberryPi3BPlus()]] as const) {
  new Image(app, id, { board })
    .use(new JavaScript({ scriptFile: 'inventory.js' }))
    .files('./modules', { at: '/modules' })
    .files('./data', { at: '/data' });
}

app.synth();
