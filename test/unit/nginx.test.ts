// SPDX-License-Identifier: MIT
// The Nginx construct: the nginx.conf it writes from typed server blocks,
// the mistakes it refuses at the user's line, a raw configuration instead,
// and what the image's configuration becomes (descriptors, lwIP's pool and
// the wall clock sized for NGINX).
import t from 'tap';
import { Image, Nginx, QemuVirt } from '../../constructs/index.ts';
import { renderNginxConf } from '../../constructs/apps/nginx.ts';
import { Testing } from '../../constructs/testing.ts';
import { KilnError } from '../../synth/errors.ts';

/** The .config of the first image `build` makes, as symbol to value. */
function dotConfig(build: (app: ReturnType<typeof Testing.app>) => void): Map<string, string> {
  const app = Testing.app();
  build(app);
  const values = new Map<string, string>();
  for (const line of (Testing.synth(app).images[0]!.files.get('.config') ?? '').split('\n')) {
    const m = /^CONFIG_([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) values.set(m[1]!, m[2]!);
  }
  return values;
}

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

t.test('GIVEN typed server blocks WHEN rendered THEN nginx.conf has one process, the console log and each block', async (t) => {
  const conf = renderNginxConf({
    connections: 32,
    accessLog: '/var/log/nginx/access.log',
    servers: [{
      listen: 8080, serverNames: ['kiln.example'], root: '/site', index: ['index.htm', 'index.html'], autoindex: true,
      locations: [
        { path: '/old', exact: true, return: { code: 301, url: 'https://kiln.example$request_uri' } },
        { path: '/files/', root: '/data', autoindex: false },
        { path: '/hello', return: { code: 200, text: 'say "hi"\n' } },
        { path: '/gone', return: { code: 410 } },
      ],
    }, {}],
  });
  for (const line of ['master_process off;', 'daemon off;', 'error_log stderr notice;', 'sendfile off;', 'worker_connections 32;', 'access_log /var/log/nginx/access.log;']) {
    t.match(conf, `\n${line}`.replace('\n', ''), line);
  }
  t.match(conf, /server \{\n {8}listen 8080;\n {8}server_name kiln\.example;\n {8}root \/site;\n {8}index index\.htm index\.html;\n {8}autoindex on;/);
  t.match(conf, /location = \/old \{\n {12}return 301 "https:\/\/kiln\.example\$request_uri";/, 'a variable stays a variable');
  t.match(conf, /location \/files\/ \{\n {12}root \/data;\n {12}autoindex off;/);
  t.match(conf, /return 200 "say \\"hi\\"\\n";/, 'quotes and the line break in NGINX\'s escapes');
  t.match(conf, /location \/gone \{\n {12}return 410;/);
  t.match(conf, /server \{\n {8}listen 80;\n {8}root \/www;\n {8}index index\.html;\n {4}\}/, 'an empty server block has the defaults');
  t.match(conf, /text\/css css;/, 'the content types');
  t.equal(conf.split('{').length, conf.split('}').length, 'braces balance');
});

t.test('GIVEN mistakes in server blocks WHEN the Nginx is made THEN every one is refused at once', async (t) => {
  const message = refusal(() => new Nginx({
    servers: [{
      listen: 70000,
      root: 'www',
      locations: [
        { path: '/a', return: { code: 301 } },
        { path: '/a' },
        { path: '/b', return: { code: 200, url: '/c' } },
      ],
    }],
  }));
  t.match(message, /server 1 listens on port 70000, not a TCP port from 1 to 65535/);
  t.match(message, /server 1 root "www" is not an absolute path/);
  t.match(message, /location "\/a" return 301 needs the url to redirect to/);
  t.match(message, /location "\/a" is given twice/);
  t.match(message, /location "\/b" return url goes with a redirect code/);
  t.match(refusal(() => new Nginx({ conf: 'x', servers: [] })), /Nginx takes one of servers, conf and confFile/);
  t.match(refusal(() => new Nginx({ accessLog: 'logs/access.log' })), /accessLog "logs\/access\.log" is not an absolute path or 'off'/);
  t.match(refusal(() => new Nginx({ errorLogLevel: 'loud' as 'info' })), /errorLogLevel "loud" is not one of debug, info/);
});

t.test('GIVEN an Nginx WHEN synthesized THEN the image runs nginx with its configuration, sized for its connections', async (t) => {
  const app = Testing.app();
  new Image(app, 'web', { board: new QemuVirt() }).use(new Nginx({ connections: 100, accessLog: '/var/log/nginx/access.log' }));
  const image = Testing.synth(app).images[0]!.manifest.spec;
  t.same(image.applications, [{ kind: 'nginx', options: { connections: 100 } }]);
  t.same(image.args, ['nginx']);
  const files = image.files ?? [];
  t.match(files.find((f) => f.at === Nginx.CONF_PATH), { content: /worker_connections 100;/ }, 'nginx.conf at NGINX\'s compiled-in path');
  t.match(files.find((f) => f.at === '/var/log/nginx/access.log'), { content: '' }, 'the access log\'s folder exists');
  const config = dotConfig((a) => { new Image(a, 'web', { board: new QemuVirt() }).use(new Nginx({ connections: 100 })); });
  t.equal(config.get('APP_NGINX'), 'y');
  t.equal(config.get('LIBPOSIX_FD_MAX'), '128', 'descriptors for 100 connections');
  t.equal(config.get('LIBLWIP_TCP_PCBS'), '256', 'lwIP\'s pool for 100 connections');
  t.equal(config.get('LIBPOSIX_SOCKET'), 'y');
  t.equal(config.get('LIBTIME_EPOCH'), '1767225600', 'the wall clock starts in 2026, not 1970');
});

t.test('GIVEN a raw configuration WHEN the Nginx is made THEN it is embedded as it is', async (t) => {
  const conf = 'master_process off;\ndaemon off;\nevents {}\nhttp { server { listen 81; } }\n';
  const app = Testing.app();
  new Image(app, 'raw', { board: new QemuVirt() }).use(new Nginx({ conf }));
  const files = Testing.synth(app).images[0]!.manifest.spec.files ?? [];
  t.same(files.filter((f) => f.at === Nginx.CONF_PATH), [{ at: Nginx.CONF_PATH, content: conf }]);
});
