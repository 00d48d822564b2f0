// SPDX-License-Identifier: MIT
// The Redis construct: the redis.conf it writes from typed options (with
// persistence off), the mistakes it refuses, a raw configuration instead,
// and the image's configuration (descriptors sized for Redis's reserve).
import t from 'tap';
import { CooperativeScheduler, Image, QemuVirt, Redis } from '../../constructs/index.ts';
import { renderRedisConf } from '../../constructs/apps/redis.ts';
import { Testing } from '../../constructs/testing.ts';
import { KilnError } from '../../synth/errors.ts';

/** The message of the KilnError `f` throws, or '' when it throws none. */
function refusal(f: () => unknown): string {
  try {
    f();
    return '';
  } catch (err) {
    if (err instanceof KilnError) return err.message;
    throw err;
  }
}

t.test('GIVEN no options WHEN the conf is written THEN persistence is off and Redis listens on 6379', async (t) => {
  const conf = renderRedisConf({});
  for (const line of ['port 6379', 'save ""', 'appendonly no', 'io-threads 1', 'maxmemory 0', 'maxmemory-policy noeviction', 'logfile ""', 'daemonize no', 'maxclients 64']) {
    t.ok(conf.split('\n').includes(line), line);
  }
});

t.test('GIVEN typed options WHEN the conf is written THEN they are its lines', async (t) => {
  const conf = renderRedisConf({ port: 7000, maxmemory: '16mb', maxmemoryPolicy: 'volatile-ttl', loglevel: 'warning' }).split('\n');
  t.ok(conf.includes('port 7000'));
  t.ok(conf.includes('maxmemory 16mb'));
  t.ok(conf.includes('maxmemory-policy volatile-ttl'));
  t.ok(conf.includes('loglevel warning'));
  t.ok(renderRedisConf({ maxmemory: 1048576 }).split('\n').includes('maxmemory 1048576'), 'bytes as a number');
});

t.test('GIVEN mistakes WHEN the construct is made THEN it refuses them', async (t) => {
  t.match(refusal(() => new Redis({ port: 70000 })), /port 70000 is not a TCP port/);
  t.match(refusal(() => new Redis({ maxmemory: '16 megs' as '16mb' })), /maxmemory "16 megs" is not a size/);
  t.match(refusal(() => new Redis({ maxmemory: -1 })), /maxmemory -1 is not a whole number/);
  t.match(refusal(() => new Redis({ maxmemoryPolicy: 'lru' as 'allkeys-lru' })), /maxmemoryPolicy "lru" is not one of/);
  t.match(refusal(() => new Redis({ conf: 'port 1\n', port: 2 })), /either a raw conf\/confFile or the typed options/);
  t.match(refusal(() => new Redis({ conf: 'port 1\n', confFile: 'x.conf' })), /conf or confFile, not both/);
  t.equal(refusal(() => new Redis({ conf: 'port 1\n' })), '', 'a raw conf alone is fine');
});

t.test('GIVEN a Redis image WHEN it is synthesized THEN the descriptor table leaves Redis its 32 and 64 clients', async (t) => {
  const app = Testing.app();
  new Image(app, 'redis', { board: new QemuVirt() }).scheduler(CooperativeScheduler).use(new Redis({ maxmemory: '2mb' }));
  const config = Testing.synth(app).images[0]!.files.get('.config') ?? '';
  t.match(config, /^CONFIG_APP_REDIS=y$/m);
  t.match(config, /^CONFIG_LIBPOSIX_FD_MAX=96$/m);
  t.match(config, /^CONFIG_LIBPOSIX_PTHREAD=y$/m);
});
