// SPDX-License-Identifier: MIT
// NGINX from Debian's source, unmodified, on QEMU virt: a site embedded
// from ./www, a folder listing, a permanent redirect and a health check.
//
//   kiln build examples/nginx/image.ts
//   kiln run kiln.out/nginx --forward 8080:80 --timeout 0   # then: curl http://127.0.0.1:8080/
import { App, Image, Nginx, QemuVirt } from 'kiln';

const app = new App();

new Image(app, 'nginx', { board: new QemuVirt() })
  .use(new Nginx({
    servers: [{
      listen: 80,
      root: '/www',
      locations: [
        { path: '/downloads/', autoindex: true },
        { path: '/old-docs', return: { code: 301, url: '/docs/' } },
        { path: '/health', exact: true, return: { code: 200, text: 'ok\n' } },
      ],
    }],
  }))
  .files('./www', { at: '/www' });

app.synth();
