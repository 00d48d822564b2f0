// SPDX-License-Identifier: MIT
// What the network integration tests share: a free port on 127.0.0.1, an
// HttpServer image booted with `kiln run --forward`, raw HTTP exchanges and
// the server's /_kiln/stats. Every client talks to 127.0.0.1 only, every
// socket is bounded in time, and every run is stopped by the test that
// started it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.ts';
import { patience, waitForOutput } from '../helpers/watchdog.ts';

/** A TCP port on 127.0.0.1 nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A booted image: its `kiln run` process, the console so far, and its listening line. */
export interface BootedServer {
  readonly child: ChildProcess;
  readonly console: () => string;
  readonly listening: string;
}

/**
 * Boots an image with `kiln run --forward HOST:GUEST` for each host port
 * (QEMU stops after `timeoutS`, 150 s scaled by the machine's load) and
 * waits for the server's listening line for as long as the boot prints
 * (30 s of silence, scaled, means it hung).
 */
export async function bootServer(imageDir: string, ports: readonly number[], guestPort: number, timeoutS = Math.round(patience(150_000) / 1000)): Promise<BootedServer> {
  const forwards = ports.flatMap((port) => ['--forward', `${port}:${guestPort}`]);
  const child = spawn(process.execPath, [join(ROOT, 'bin/kiln.js'), 'run', imageDir, ...forwards, '--timeout', String(timeoutS)], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' },
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { output += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { output += d; });
  try {
    // The whole line (output comes in chunks that may end mid-line), for as long as the boot makes progress.
    const LISTENING = /http: listening on [^\n]*(?=\n)/;
    if (!(await waitForOutput(() => output, LISTENING, 30_000, () => child.exitCode !== null))) {
      throw new Error(`no listening line; console:\n${output}`);
    }
    const listening = LISTENING.exec(output)![0];
    return { child, console: () => output, listening };
  } catch (err) {
    await stopServer(child);
    throw err;
  }
}

/** Stops a `kiln run` (it stops its QEMU) and waits for it to end. */
export function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => { clearTimeout(hard); resolve(code); });
    child.kill('SIGTERM');
  });
}

/** How an exchange ended. */
export interface Exchange {
  /** Everything the server sent. */
  readonly reply: string;
  /** 'end': the server closed it; 'reset': an error (ECONNRESET...); 'timeout': still open after the time allowed. */
  readonly ending: 'end' | 'reset' | 'timeout';
  /** The error's code when `ending` is 'reset'. */
  readonly error?: string;
  /** Milliseconds from the connect call to the end. */
  readonly ms: number;
}

/** How long an exchange may take, and where its socket is kept. */
export interface ExchangeOptions {
  /** Milliseconds before the socket is destroyed. */
  readonly ms: number;
  /** Holds the socket while it is open, so a test can destroy whatever is left. */
  readonly sockets?: Set<Socket>;
  /** The local port to connect from. @default one the host picks */
  readonly localPort?: number;
}

/**
 * Opens a connection, sends `data` once connected, and collects what comes
 * back until the server ends it or `opts.ms` pass.
 */
export function exchange(port: number, data: string | Buffer, opts: ExchangeOptions): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = performance.now();
    const sock = new Socket();
    opts.sockets?.add(sock);
    let reply = '';
    let ending: Exchange['ending'] = 'timeout';
    let error: string | undefined;
    const timer = setTimeout(() => sock.destroy(), opts.ms);
    sock.on('data', (d) => { reply += d.toString('latin1'); });
    sock.on('end', () => { ending = 'end'; sock.destroy(); });
    sock.on('error', (err: NodeJS.ErrnoException) => { ending = 'reset'; error = err.code ?? err.message; });
    sock.on('close', () => {
      clearTimeout(timer);
      opts.sockets?.delete(sock);
      resolve({ reply, ending, ms: performance.now() - started, ...(error ? { error } : {}) });
    });
    const to = { port, host: '127.0.0.1', ...(opts.localPort ? { localAddress: '127.0.0.1', localPort: opts.localPort } : {}) };
    sock.connect(to, () => { if (data.length) sock.write(data); });
  });
}

/** A GET of `path` on a fresh connection that asks to be closed after the answer. */
export function get(port: number, path: string, opts: ExchangeOptions): Promise<Exchange> {
  return exchange(port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, opts);
}

/** The body of an HTTP/1.1 200 answer, or undefined for anything else. */
export function okBody(reply: string): string | undefined {
  const m = /^HTTP\/1\.1 200 OK\r\n[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(reply);
  return m?.[1];
}

/** The server's /_kiln/stats: its "name number" lines by name, and the text itself. */
export async function serverStats(port: number, localPort?: number): Promise<{ values: Record<string, number>; text: string }> {
  const r = await get(port, '/_kiln/stats', { ms: 10_000, ...(localPort ? { localPort } : {}) });
  const text = okBody(r.reply) ?? '';
  const values: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(\S+) (\d+)$/.exec(line);
    if (m) values[m[1]] = Number(m[2]);
  }
  return { values, text };
}

/**
 * The host's count of handshakes dropped because a listening socket's
 * queue was full (TcpExt ListenDrops, Linux), for every socket on the host.
 */
export function hostListenDrops(): number {
  const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
  const names = lines[0]?.split(/\s+/) ?? [];
  const values = lines[1]?.split(/\s+/) ?? [];
  const i = names.indexOf('ListenDrops');
  return i > 0 ? Number(values[i]) : NaN;
}

/** The figures of lwIP's pool `name` from a stats text ("net.pool NAME used=.. max=.. size=.. errors=.."). */
export function lwipPool(text: string, name: string): Record<string, number> | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`net.pool ${name} `));
  if (!line) return undefined;
  return Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
}
