// SPDX-License-Identifier: MIT
// Ruby with mruby from Debian's source: a word count over a text embedded
// from ./texts, named on the command line, with the counts written to a
// file of the RAM file system.
//
//   kiln build examples/ruby/image.ts && kiln run kiln.out/ruby
import { App, Image, QemuVirt, RaspberryPi3BPlus, Ruby } from 'kiln';

const app = new App();

for (const [id, board] of [['ruby', new QemuVirt()], ['ruby-rpi3', new RaspberryPi3BPlus()]] as const) {
  new Image(app, id, { board })
    .use(new Ruby({ scriptFile: 'report.rb', args: ['/texts/kiln.txt'] }))
    .files('./texts');
}

app.synth();
