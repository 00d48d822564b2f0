// SPDX-License-Identifier: MIT
// A fleet as a program: one App, one image per device in an inventory, with
// fleet-wide policies checked on every image at synth.
//
//   npx kiln ls examples/fleet/image.ts
//   npx kiln build examples/fleet/image.ts
import { App, Hello, Image, Policies, QemuVirt, RaspberryPi3BPlus, Ultra96V2, boardRegistry } from 'kiln';

/** The devices this team runs, as a deployment tool would export them. */
const inventory = [
  { site: 'lisbon', role: 'gateway', board: 'ultra96' },
  { site: 'lisbon', role: 'sensor', board: 'rpi3' },
  { site: 'porto', role: 'sensor', board: 'rpi3' },
  { site: 'lab', role: 'ci', board: 'virt' },
] as const;

// A typed registry: boards[device.board]() has the type of the boards the
// inventory names (not plain Board), so each .use() below is checked
// against every one of them: an HttpServer here would not compile, since
// the Pi and the Ultra96-V2 have no network device.
const boards = boardRegistry({ virt: QemuVirt, rpi3: RaspberryPi3BPlus, ultra96: Ultra96V2 });

const app = new App()
  // Every image declares a size budget, and none may exceed 512 KiB.
  .addPolicy(Policies.maxImageBytes(512 * 1024));

for (const device of inventory) {
  new Image(app, `${device.site}-${device.role}`, {
    board: boards[device.board](),
    budget: { imageBytes: 64 * 1024 },
  }).use(new Hello({ greeting: `${device.role} at ${device.site} is up` }));
}

app.synth();
