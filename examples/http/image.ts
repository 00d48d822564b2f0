// SPDX-License-Identifier: MIT
// A web server on QEMU virt: lwIP over virtio-net, sockets, poll().
//
//   kiln build examples/http/image.ts
//   kiln run kiln.out/http --forward 8080:80     # then: curl http://127.0.0.1:8080/
import { App, HttpServer, Image, QemuVirt } from 'kiln';

const app = new App();

new Image(app, 'http', { board: new QemuVirt() })
  .use(new HttpServer({
    port: 80,
    content: {
      '/': '<!doctype html><title>Kiln</title><h1>Hello from Kiln</h1><p>Served by lwIP on a library OS.</p>\n',
      '/hello.txt': 'Hello, world!\n',
      '/api/info.json': '{"os":"kiln","board":"qemu-virt","stack":"lwip 2.1.3"}\n',
    },
  }));

app.synth();
