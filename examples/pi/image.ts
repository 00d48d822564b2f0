// SPDX-License-Identifier: MIT
// The CPU-bound benchmark: the first 1000 digits of pi on every board,
// with the memory report printed at exit.
//
//   kiln build examples/pi/image.ts && kiln run kiln.out/pi
import { App, BumpAllocator, Image, MemReport, Pi, QemuVirt, RaspberryPi3BPlus, TlsfAllocator, Ultra96V2 } from 'kiln';

const app = new App();

new Image(app, 'pi', { board: new QemuVirt() })
  .use(new Pi({ digits: 1000 }))
  .use(new MemReport())
  .allocator(BumpAllocator, TlsfAllocator);

new Image(app, 'pi-rpi3', { board: new RaspberryPi3BPlus() })
  .use(new Pi({ digits: 1000 }))
  .use(new MemReport())
  .allocator(BumpAllocator, TlsfAllocator);

new Image(app, 'pi-ultra96', { board: new Ultra96V2() })
  .use(new Pi({ digits: 1000 }))
  .use(new MemReport())
  .allocator(BumpAllocator, TlsfAllocator);

app.synth();
