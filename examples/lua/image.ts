// SPDX-License-Identifier: MIT
// Lua from Debian's source, unmodified, in an image: a word count over a
// text embedded from ./texts, with the top N from the environment.
//
//   kiln build examples/lua/image.ts && kiln run kiln.out/lua
import { App, Image, Lua, QemuVirt, RaspberryPi3BPlus } from 'kiln';

const app = new App();

for (const [id, board] of [['lua', new QemuVirt()], ['lua-rpi3', new RaspberryPi3BPlus()]] as const) {
  new Image(app, id, { board })
    .use(new Lua({ scriptFile: 'wordcount.lua', args: ['/texts/kiln.txt'], env: { TOP: '5' } }))
    .files('./texts');
}

app.synth();
