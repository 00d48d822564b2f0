// SPDX-License-Identifier: MIT
// NGINX end to end (issue 17): Debian's NGINX 1.22.1, built by the Nginx
// construct, boots on QEMU virt; QEMU's user networking forwards a port of
// the host's 127.0.0.1 to it, and curl and raw sockets fetch its pages. One
// image is built for the whole file. Every client talks to 127.0.0.1 only,
// with bounded request counts and times; the QEMU run is bounded and
// stopped by the test.
import t from 'tap';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/cli.ts';
import { freePort, stopServer } from './net-support.ts';
import { patience, waitForOutput } from '../helpers/watchdog.ts';

/** Runs a program with a time limit; resolves with its output whatever its status. */
function run(program: string, args: readonly string[], timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(program, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const curl = (url: string, ...extra: string[]) => run('curl', ['-sS', '--max-time', '10', ...extra, url], 20_000);

/** Sends @data on a fresh connection; collects the reply until the server closes it or @ms pass. */
function exchange(port: number, data: string, ms = 5000): Promise<{ reply: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const sock = new Socket();
    let reply = '';
    let closedByServer = false;
    const timer = setTimeout(() => sock.destroy(), ms);
    sock.on('data', (d) => { reply += d.toString('latin1'); });
    sock.on('end', () => { closedByServer = true; });
    sock.on('error', () => { closedByServer = true; });
    sock.on('close', () => { clearTimeout(timer); resolve({ reply, closedByServer }); });
    sock.connect(port, '127.0.0.1', () => sock.write(data));
  });
}

const www = tempDir('kiln-nginx-www-');
const out = join(tempDir(), 'kiln.out');
const PAGES: Record<string, string> = {
  'index.html': '<!doctype html><title>Kiln</title><h1>NGINX on Kiln</h1>\n',
  'about/index.html': '<!doctype html><title>About</title><p>About page.</p>\n',
  'style.css': 'body { font-family: sans-serif; }\n',
  'files/a.txt': 'first file\n',
  'files/b.txt': 'second file\n',
};
const BIG = randomBytes(1 << 20);

t.before(async () => {
  for (const [path, body] of Object.entries(PAGES)) {
    mkdirSync(join(www, path, '..'), { recursive: true });
    writeFileSync(join(www, path), body);
  }
  writeFileSync(join(www, 'big.bin'), BIG);
  const build = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/kiln.js'), 'build', 'test/fixtures/programs/nginx.ts', '-o', out, '--sizes'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true', NGINX_WWW: www },
    });
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { t.comment(d.trimEnd()); });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGTERM'), patience(600_000));
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
  });
  if (build.code !== 0) throw new Error(`kiln build failed:\n${build.stderr}`);
});

/** Boots the image with `kiln run --forward` and waits for NGINX's listening line. */
async function boot(port: number): Promise<{ child: ChildProcess; console: () => string; listening: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/kiln.js'), 'run', join(out, 'nginx'), '--forward', `${port}:80`, '--timeout', String(Math.round(patience(150_000) / 1000))], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' },
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { output += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { output += d; });
  const LISTENING = /nginx: listening on [^\n]*(?=\n)/;
  if (!(await waitForOutput(() => output, LISTENING, 30_000, () => child.exitCode !== null))) {
    await stopServer(child);
    throw new Error(`no listening line; console:\n${output}`);
  }
  return { child, console: () => output, listening: LISTENING.exec(output)![0] };
}

t.test('NGINX on QEMU virt', async (t) => {
  const port = await freePort();
  const server = await boot(port);
  t.teardown(() => stopServer(server.child));
  const base = `http://127.0.0.1:${port}`;
  t.match(server.listening, /^nginx: listening on 0\.0\.0\.0:80, \d+ ms after boot, heap \d+ bytes \(peak \d+\)\r?$/, 'NGINX says where it listens, and when');
  t.match(server.console(), /using the "poll" event method/, 'with the poll event module');
  t.comment(server.listening);

  await t.test('GIVEN the image\'s files WHEN curl fetches pages THEN the bodies are the files\'', async (t) => {
    t.equal((await curl(`${base}/`)).stdout, PAGES['index.html'], 'the index of /');
    t.equal((await curl(`${base}/about/`)).stdout, PAGES['about/index.html'], 'a folder\'s index');
    const css = await curl(`${base}/style.css`, '-i');
    t.match(css.stdout, /^HTTP\/1\.1 200 OK\r\n/);
    t.match(css.stdout, /Server: nginx\/1\.22\.1\r\n/);
    t.match(css.stdout, /Content-Type: text\/css\r\n/, 'the type from the construct\'s types block');
    t.ok(css.stdout.endsWith(PAGES['style.css']), 'the stylesheet\'s body');
    const redirect = await curl(`${base}/about`, '-i');
    t.match(redirect.stdout, /^HTTP\/1\.1 301 Moved Permanently\r\n[\s\S]*Location: http:\/\/127\.0\.0\.1\/about\/\r\n/, 'a folder without its slash is redirected to it, as NGINX does');
  });

  await t.test('GIVEN a 1 MiB file WHEN curl fetches it twice THEN both bodies are its bytes', async (t) => {
    const dir = tempDir('kiln-nginx-get-');
    for (const name of ['one', 'two']) {
      const r = await curl(`${base}/big.bin`, '-o', join(dir, name), '-w', '%{http_code} %{size_download}');
      t.equal(r.stdout, `200 ${BIG.length}`, `${name}: status and size (${r.stderr})`);
      t.ok(existsSync(join(dir, name)) && readFileSync(join(dir, name)).equals(BIG), `${name}: byte for byte`);
    }
    const range = await curl(`${base}/big.bin`, '-r', '1000-1999', '-o', join(dir, 'range'), '-w', '%{http_code}');
    t.equal(range.stdout, '206', 'a range request gets 206');
    t.ok(readFileSync(join(dir, 'range')).equals(BIG.subarray(1000, 2000)), 'with the bytes of the range');
  });

  await t.test('GIVEN no such file, a return 301 and a return with text WHEN fetched THEN they answer as configured', async (t) => {
    const missing = await curl(`${base}/missing.html`, '-i');
    t.match(missing.stdout, /^HTTP\/1\.1 404 Not Found\r\n/);
    t.match(missing.stdout, /<center><h1>404 Not Found<\/h1><\/center>/, 'NGINX\'s own 404 page');
    const old = await curl(`${base}/old`, '-i');
    t.match(old.stdout, /^HTTP\/1\.1 301 Moved Permanently\r\n/);
    t.match(old.stdout, /Location: http:\/\/127\.0\.0\.1\/new\/\r\n/, 'to the configured URL, completed with the host');
    const tea = await curl(`${base}/teapot`, '-i');
    t.match(tea.stdout, /^HTTP\/1\.1 418 /);
    t.ok(tea.stdout.endsWith('\r\n\r\nshort and stout\n'), 'the configured body');
  });

  await t.test('GIVEN autoindex on a location WHEN its folder is fetched THEN the files are listed', async (t) => {
    const r = await curl(`${base}/files/`);
    t.match(r.stdout, /<title>Index of \/files\/<\/title>/);
    t.match(r.stdout, /<a href="a\.txt">a\.txt<\/a>/);
    t.match(r.stdout, /<a href="b\.txt">b\.txt<\/a>/);
    t.match((await curl(`${base}/about/../files/`, '--path-as-is')).stdout, /Index of \/files\//, 'dot segments are resolved');
  });

  await t.test('GIVEN a page\'s Last-Modified WHEN asked If-Modified-Since it THEN the answer is 304', async (t) => {
    const first = await curl(`${base}/`, '-I');
    const lastModified = /Last-Modified: ([^\r\n]+)\r\n/.exec(first.stdout)?.[1];
    t.ok(lastModified, `the page has a Last-Modified (${lastModified})`);
    const again = await curl(`${base}/`, '-i', '-H', `If-Modified-Since: ${lastModified}`);
    t.match(again.stdout, /^HTTP\/1\.1 304 Not Modified\r\n/);
    t.notMatch(again.stdout, /<h1>/, 'no body');
    const older = await curl(`${base}/`, '-i', '-H', 'If-Modified-Since: Thu, 01 Jan 2015 00:00:00 GMT');
    t.match(older.stdout, /^HTTP\/1\.1 200 OK\r\n/, 'a date before it gets the page');
  });

  await t.test('GIVEN one connection WHEN requests are sent one after the other and pipelined THEN each is answered in order', async (t) => {
    const req = (path: string, close = false) => `GET ${path} HTTP/1.1\r\nHost: kiln\r\n${close ? 'Connection: close\r\n' : ''}\r\n`;
    const kept = await curl(`${base}/`, '-s', '-o', '/dev/null', '-o', '/dev/null', '-w', '%{num_connects} ', `${base}/style.css`);
    t.equal(kept.stdout.trim(), '1 0', 'curl reuses the kept-alive connection for its second request');
    const piped = await exchange(port, req('/') + req('/style.css') + req('/about/', true));
    t.ok(piped.closedByServer, 'the server closes after the request that asked it to');
    t.equal(piped.reply.match(/HTTP\/1\.1 200 OK\r\n/g)?.length, 3, 'three answers');
    const order = [PAGES['index.html'], PAGES['style.css'], PAGES['about/index.html']].map((b) => piped.reply.indexOf(b));
    t.ok(order.every((i) => i > 0) && order[0] < order[1] && order[1] < order[2], 'in the order asked');
    const bad = await exchange(port, 'GARBAGE\r\n\r\n');
    t.match(bad.reply, /^HTTP\/1\.1 400 Bad Request\r\n/, 'a malformed request gets 400');
    t.equal((await curl(`${base}/`)).stdout, PAGES['index.html'], 'and the server still serves');
  });

  await t.test('GIVEN the build WHEN its posix-calls.json is read THEN it names what NGINX reaches', async (t) => {
    const report = JSON.parse(readFileSync(join(out, 'nginx', 'posix-calls.json'), 'utf8')) as { satisfied: string[]; enosys: string[]; missing: string[] };
    for (const call of ['socket', 'accept4', 'poll', 'writev', 'pread', 'getrlimit', 'glob']) t.ok(report.satisfied.includes(call), `${call} is Kiln's`);
    for (const call of ['fork', 'sigsuspend', 'setitimer']) t.ok(report.enosys.includes(call), `${call} is ENOSYS`);
    t.same(report.missing, [], 'nothing is missing');
    t.comment(`satisfied: ${report.satisfied.length}, enosys: ${report.enosys.join(' ')}`);
  });
});
