// SPDX-License-Identifier: MIT
// The HttpServer's limits as typed options: construct -> spec -> Kconfig,
// and lwIP's connection pool and the descriptor table sized from the
// connection limit unless the image says otherwise.
import t from 'tap';
import { HttpServer, Image, Lwip, QemuVirt } from '../../constructs/index.ts';
import { Testing } from '../../constructs/testing.ts';
import { loadCatalog } from '../../synth/catalog/index.ts';
import { formatExplanation } from '../../synth/kconfig/index.ts';
import { resolveImage } from '../../synth/image-config.ts';
import { KilnError } from '../../synth/errors.ts';
import { synthesize } from '../../synth/synthesize.ts';
import { tempDir } from '../helpers/cli.ts';

/** The .config of each image, by id, from synthesizing `build`'s images in one App. */
function dotConfigs(build: (app: ReturnType<typeof Testing.app>) => void): Map<string, Map<string, string>> {
  const app = Testing.app();
  build(app);
  const result = Testing.synth(app);
  return new Map(result.images.map((image) => {
    const values = new Map<string, string>();
    for (const line of (image.files.get('.config') ?? '').split('\n')) {
      const m = /^CONFIG_([A-Z0-9_]+)=(.*)$/.exec(line);
      if (m) values.set(m[1], m[2]);
    }
    return [image.id, values];
  }));
}

t.test('GIVEN HttpServer limits WHEN given as props THEN they are its spec options', async (t) => {
  const server = new HttpServer({ headTimeoutMs: 3000, maxConnectionsPerClient: 6, maxConnections: 48, backlog: 64 });
  t.same(server.toSpec(), { kind: 'http-server', options: { maxConnections: 48, maxConnectionsPerClient: 6, backlog: 64, headTimeoutMs: 3000 } });
  t.same(new HttpServer().toSpec(), { kind: 'http-server' }, 'none given: the Kconfig defaults');
});

t.test('GIVEN images with and without limits WHEN synthesized THEN .config holds the values and the pools follow the connection limit', async (t) => {
  const configs = dotConfigs((app) => {
    new Image(app, 'defaults', { board: new QemuVirt() }).use(new HttpServer());
    new Image(app, 'limits', { board: new QemuVirt() })
      .use(new HttpServer({ headTimeoutMs: 3000, maxConnectionsPerClient: 6, idleTimeoutMs: 2000 }));
    new Image(app, 'big', { board: new QemuVirt() }).use(new HttpServer({ maxConnections: 100, backlog: 64 }));
    new Image(app, 'huge', { board: new QemuVirt() }).use(new HttpServer({ maxConnections: 500, backlog: 128 }));
    new Image(app, 'own-pool', { board: new QemuVirt() })
      .use(new HttpServer({ maxConnections: 100 }))
      .use(new Lwip({ tcpPcbs: 48 }));
  });
  const defaults = configs.get('defaults')!;
  t.equal(defaults.get('APP_HTTP_HEAD_TIMEOUT_MS'), '10000', 'a 10 s deadline for a request head by default');
  t.equal(defaults.get('APP_HTTP_MAX_CONNECTIONS_PER_CLIENT'), '0', 'no per-client limit by default (every QEMU client is 10.0.2.2)');
  t.equal(defaults.get('APP_HTTP_MAX_CONNECTIONS'), '24');
  t.equal(defaults.get('APP_HTTP_BACKLOG'), '128');
  t.equal(defaults.get('LIBLWIP_TCP_PCBS'), '256', 'twice the 24 connections and the backlog of 128, rounded up');
  t.equal(defaults.get('LIBPOSIX_FD_MAX'), '32', 'a descriptor per connection and five more');

  const limits = configs.get('limits')!;
  t.equal(limits.get('APP_HTTP_HEAD_TIMEOUT_MS'), '3000');
  t.equal(limits.get('APP_HTTP_MAX_CONNECTIONS_PER_CLIENT'), '6');
  t.equal(limits.get('APP_HTTP_IDLE_TIMEOUT_MS'), '2000');

  t.equal(configs.get('big')!.get('LIBLWIP_TCP_PCBS'), '512', '100 connections and a backlog of 64: 2 x 100 + 64, rounded up');
  t.equal(configs.get('big')!.get('LIBPOSIX_FD_MAX'), '128');
  t.equal(configs.get('huge')!.get('LIBLWIP_TCP_PCBS'), '1024', 'as many as lwIP takes');
  t.equal(configs.get('huge')!.get('LIBPOSIX_FD_MAX'), '512', '500 connections and five more');
  t.equal(configs.get('own-pool')!.get('LIBLWIP_TCP_PCBS'), '48', 'an Lwip({ tcpPcbs }) wins over the size the server asks for');
  t.equal(configs.get('own-pool')!.get('LIBPOSIX_FD_MAX'), '128');
});

t.test('GIVEN an HttpServer image WHEN lwIP\'s pool size is explained THEN it names the server\'s default', async (t) => {
  const app = Testing.app();
  const image = new Image(app, 'web', { board: new QemuVirt() }).use(new HttpServer({ maxConnections: 60 }));
  const resolution = resolveImage(image.toSpec(), new QemuVirt().info, loadCatalog());
  t.equal(resolution.value('LIBLWIP_TCP_PCBS'), '256');
  t.match(formatExplanation(resolution.explain('LIBLWIP_TCP_PCBS')), /default APP_HTTP_TCP_PCBS if APP_HTTP at lib\/app-http\/Kconfig:\d+/);
  t.match(formatExplanation(resolution.explain('APP_HTTP_TCP_PCBS')), /default 256 if APP_HTTP_MAX_CONNECTIONS <= 64 at lib\/app-http\/Kconfig:\d+/);
  const without = resolveImage(new Image(Testing.app(), 'bare', { board: new QemuVirt() }).use(new Lwip()).toSpec(), new QemuVirt().info, loadCatalog());
  t.equal(without.value('LIBLWIP_TCP_PCBS'), '32', 'lwIP\'s own default without the server');
});

t.test('GIVEN limits outside their ranges WHEN synthesized THEN each is the user\'s error naming the symbol and range', async (t) => {
  const app = Testing.app();
  new Image(app, 'bad', { board: new QemuVirt() })
    .use(new HttpServer({ headTimeoutMs: 50 as number, maxConnectionsPerClient: 5000 as number }));
  const err = (() => { try { Testing.synth(app); } catch (e) { return e; } })();
  t.ok(KilnError.isKilnError(err), 'a KilnError');
  const text = (err as KilnError).problems.map((p) => p.message).join('\n');
  t.match(text, /option "headTimeoutMs" of application "http-server" in image "bad" is 50, outside its range 100 to 3600000 \(Kconfig APP_HTTP_HEAD_TIMEOUT_MS\)/);
  t.match(text, /option "maxConnectionsPerClient" .* is 5000, outside its range 0 to 1000 \(Kconfig APP_HTTP_MAX_CONNECTIONS_PER_CLIENT\)/);
});

t.test('GIVEN the same limits as plain spec data WHEN synthesized THEN the .config is the construct\'s', async (t) => {
  const app = Testing.app();
  const image = new Image(app, 'web', { board: new QemuVirt() }).use(new HttpServer({ headTimeoutMs: 3000, maxConnectionsPerClient: 6 }));
  const fromConstruct = Testing.synth(app).images[0].files.get('.config');
  const fromData = synthesize([{
    id: 'web',
    board: 'qemu-virt',
    applications: [{ kind: 'http-server', options: { headTimeoutMs: 3000, maxConnectionsPerClient: 6 } }],
  }], { outdir: tempDir() }).images[0].files.get('.config');
  t.ok(fromConstruct?.includes('CONFIG_APP_HTTP_HEAD_TIMEOUT_MS=3000\n'));
  t.equal(fromData, fromConstruct);
  t.same(image.toSpec().applications, [{ kind: 'http-server', options: { maxConnectionsPerClient: 6, headTimeoutMs: 3000 } }]);
});
