// SPDX-License-Identifier: MIT
// A web server on QEMU virt: lwIP over virtio-net, sockets, poll(). Pages
// come from the content map and from the www/ folder, embedded in the
// image's RAM file system.
//
//   kiln build examples/http/image.ts
//   kiln run kiln.out/http --forward 8080:80 --timeout 0   # then: curl http://127.0.0.1:8080/
import { App, HttpServer, Image, QemuVirt } from 'kiln';

const app = new App();

new Image(app, 'http', { board: new QemuVirt() })
  .use(new HttpServer({
    port: 80,
    files: './www',
    content: {
      '/hello.txt': 'Hello, world!\n',
      '/api/info.json': '{"os":"kiln","board":"qemu-virt","stack":"lwip 2.1.3"}\n',
    },
  }));

app.synth();
