// SPDX-License-Identifier: MIT
// Redis from Debian's source, unmodified, on QEMU virt: a cache of at most
// 16 MiB that evicts the least recently used keys, persistence off.
//
//   kiln build examples/redis/image.ts
//   kiln run kiln.out/redis --forward 6379:6379 --timeout 0   # then: redis-cli -h 127.0.0.1 PING
import { App, CooperativeScheduler, Image, QemuVirt, Redis } from 'kiln';

const app = new App();

new Image(app, 'redis', { board: new QemuVirt() })
  .scheduler(CooperativeScheduler)
  .use(new Redis({ port: 6379, maxmemory: '16mb', maxmemoryPolicy: 'allkeys-lru' }));

app.synth();
