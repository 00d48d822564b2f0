// SPDX-License-Identifier: MIT
// The HttpServer outlasts slow clients (issue 18): slowloris, 500
// connections at once and a normal client run side by side against the
// image on QEMU virt, reached through `kiln run --forward`, and the normal
// client is served within 2 s throughout. Then the head deadline and the
// per-client limit one at a time. Every client talks to 127.0.0.1 only;
// every socket is bounded in time and destroyed at the end, and each QEMU
// run is stopped by the test that started it.
import t from 'tap';
import { Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { kiln, tempDir } from '../helpers/cli.ts';
import { PAGE } from '../fixtures/programs/net-http-robust.ts';
import { bootServer, exchange, freePort, get, hostListenDrops, lwipPool, okBody, serverStats, stopServer, type Exchange } from './net-support.ts';
import { patience } from '../helpers/watchdog.ts';

/** How long the attack and the normal client run, side by side. */
const ATTACK_MS = 40_000;
/** When the 500 connections come, into the attack (slowloris holds every slot by then). */
const FLOOD_AT_MS = 8000;
/** How long each of the 500 may take before the test gives up on it. */
const FLOOD_BOUND_MS = 25_000;
/**
 * The issue's requirement: every request of the normal client is answered
 * within 2 s. The guest's service is measured in real time, which a loaded
 * host stretches for reasons of its own, so the limit is scaled by the
 * machine's load when the test starts (2 s exactly on a quiet machine).
 */
const SERVED_WITHIN_MS = patience(2000);

const out = join(tempDir(), 'kiln.out');

t.before(async () => {
  // Stopped only when it stalls (--progress prints each step; the watchdog scales with the load).
  const build = await kiln(['build', 'test/fixtures/programs/net-http-robust.ts', '-o', out, '--progress'], { timeoutMs: 240_000, env: { CI: 'true' } });
  if (build.code !== 0) throw new Error(`kiln build failed:\n${build.stderr}`);
});

/** What a connection that sends its head a byte at a time saw. */
interface Drip {
  /** The server ended it (FIN or reset) rather than the client. */
  readonly byServer: boolean;
  readonly reply: string;
  /** Bytes of the head sent before it ended. */
  readonly sent: number;
  /** Milliseconds from connected to ended. */
  readonly ms: number;
}

/**
 * Opens a connection and sends a request head that never ends, one byte
 * every `everyMs`, until the server ends the connection or `until`
 * (performance.now()) passes.
 */
function drip(port: number, everyMs: number, until: number, sockets: Set<Socket>): Promise<Drip> {
  const head = `GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(1500)}`;
  return new Promise((resolve) => {
    const sock = new Socket();
    sockets.add(sock);
    let reply = '';
    let sent = 0;
    let byServer = false;
    let connectedAt = NaN;
    let timer: NodeJS.Timeout | undefined;
    const next = (): void => {
      if (performance.now() >= until || sent >= head.length) { sock.destroy(); return; }
      sock.write(head[sent++]);
      timer = setTimeout(next, everyMs);
    };
    sock.on('data', (d) => { reply += d.toString('latin1'); });
    sock.on('end', () => { byServer = true; sock.destroy(); });
    sock.on('error', () => { byServer = true; });
    sock.on('close', () => {
      clearTimeout(timer);
      sockets.delete(sock);
      resolve({ byServer, reply, sent, ms: performance.now() - connectedAt });
    });
    sock.connect(port, '127.0.0.1', () => { connectedAt = performance.now(); next(); });
  });
}

/** What the slowloris clients saw. */
interface SlowlorisReport {
  /** Connections opened in all (a client opens a new one when the server closes its own). */
  readonly opened: number;
  /** Connections the server ended, and how many of those got a 408 first. */
  readonly closedByServer: number;
  readonly answered408: number;
}

/**
 * `count` slowloris clients until `until`: each sends a request head one
 * byte at a time, a byte every 1 to 3 s (spread over the clients), never
 * finishing it, and when the server ends its connection opens a new one at
 * its next tick, as the slowloris tool does. (One that reconnects at once,
 * in a loop, is a connection flood, the other half of the attack.)
 */
async function slowloris(port: number, count: number, until: number, sockets: Set<Socket>): Promise<SlowlorisReport> {
  let opened = 0;
  let closedByServer = 0;
  let answered408 = 0;
  const client = async (i: number): Promise<void> => {
    const everyMs = 1000 + ((i * 137) % 2000);
    while (performance.now() < until) {
      opened++;
      const r = await drip(port, everyMs, until, sockets);
      if (r.byServer) closedByServer++;
      if (/^HTTP\/1\.1 408 /.test(r.reply)) answered408++;
      await sleep(Math.max(0, Math.min(everyMs, until - performance.now())));
    }
  };
  await Promise.all(Array.from({ length: count }, (_, i) => client(i)));
  return { opened, closedByServer, answered408 };
}

/** One request of the normal client: when it started (ms into the attack), how long it took, and whether it got the page. */
interface NormalRequest {
  readonly at: number;
  readonly ms: number;
  readonly ok: boolean;
  readonly ending: Exchange['ending'];
}

/**
 * Local ports for the normal client, taken in turn from below the host's
 * range of ephemeral ports. The attack and the normal client reach the
 * guest through two forwarded ports, but QEMU's forwarder keeps each host
 * connection's source port, so in the guest both are 10.0.2.2:PORT to
 * port 80: had the host given the normal client a port the attack had
 * used, the guest would see its connection as a duplicate of one it still
 * holds (lwIP keeps closed ones in TIME-WAIT for 2 minutes), and the
 * handshake would wait for QEMU's retransmission, 6 s later. A limit of the
 * test's two ports, not of the server, so the test avoids it.
 */
function localPorts(): () => number {
  const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  let next = Math.max(1024, (low || 32768) - 4000);
  return () => next++;
}

/**
 * A normal client: sequential GETs, each on a fresh connection, 250 ms
 * apart, until `until`, from the local ports `localPort` hands out (one
 * taken on the host is skipped).
 */
async function normalClient(port: number, localPort: () => number, start: number, until: number, sockets: Set<Socket>): Promise<NormalRequest[]> {
  const done: NormalRequest[] = [];
  while (performance.now() < until) {
    const at = performance.now() - start;
    const r = await get(port, '/hello.txt', { ms: 10_000, sockets, localPort: localPort() });
    if (r.error === 'EADDRINUSE') continue;
    done.push({ at: Math.round(at), ms: Math.round(r.ms), ok: okBody(r.reply) === PAGE, ending: r.ending });
    await sleep(250);
  }
  return done;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

t.test('HttpServer with its default limits: slowloris, 500 connections at once and a normal client side by side', async (t) => {
  // The attack and the normal client come through two forwarded ports of the
  // same QEMU, to the same guest port, from the same address (10.0.2.2). QEMU's
  // forwarder listens on the host with a backlog of 1 (ss -ltn): a burst of
  // connects overflows it (the host's ListenDrops), and whoever connects
  // through that port then waits for the host kernel's handshake retries, for
  // seconds; after the first hundred or so of the 500, the rest trickle in at
  // about one every two seconds while the guest sits idle. A limit of QEMU's
  // user networking on the host, not of the server: with one port for
  // everything the normal client's handshakes queue behind the attack's, and
  // each one the host drops costs it a second or more.
  const attackPort = await freePort();
  const clientPort = await freePort();
  const server = await bootServer(join(out, 'http-defaults'), [attackPort, clientPort], 80);
  const sockets = new Set<Socket>();
  t.teardown(async () => {
    for (const s of sockets) s.destroy();
    await stopServer(server.child);
  });
  const localPort = localPorts();
  t.equal(okBody((await get(clientPort, '/hello.txt', { ms: 10_000, localPort: localPort() })).reply), PAGE, 'serves before the attack');

  const drops = hostListenDrops();
  const start = performance.now();
  const until = start + ATTACK_MS;
  const loris = slowloris(attackPort, 30, until, sockets);
  const normal = normalClient(clientPort, localPort, start, until, sockets);
  await sleep(FLOOD_AT_MS);
  // Half of them ask for the page, half send nothing.
  const flood = await Promise.all(Array.from({ length: 500 }, (_, i) =>
    exchange(attackPort, i % 2 ? 'GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' : '', { ms: FLOOD_BOUND_MS, sockets })));
  const [lorisReport, requests] = await Promise.all([loris, normal]);

  const latencies = requests.map((r) => r.ms);
  t.comment(`normal client: ${requests.filter((r) => r.ok).length} of ${requests.length} served; latency max ${Math.max(...latencies)} ms, median ${median(latencies)} ms`);
  t.comment(`slowloris: ${lorisReport.opened} connections, ${lorisReport.closedByServer} ended by the server (${lorisReport.answered408} with 408)`);
  const tally = (xs: readonly Exchange[]) => ({
    served: xs.filter((r) => okBody(r.reply) === PAGE).length,
    reset: xs.filter((r) => r.ending === 'reset').length,
    closed: xs.filter((r) => r.ending === 'end' && okBody(r.reply) !== PAGE).length,
    unanswered: xs.filter((r) => r.ending === 'timeout').length,
  });
  // Those unanswered never got past QEMU's forwarder (see above; the guest's
  // counters show them neither accepted nor open).
  t.comment(`500 at once, each given ${FLOOD_BOUND_MS / 1000} s: requests ${JSON.stringify(tally(flood.filter((_, i) => i % 2)))}; silent ${JSON.stringify(tally(flood.filter((_, i) => !(i % 2))))}; host ListenDrops +${hostListenDrops() - drops}`);

  t.ok(requests.length >= ATTACK_MS / (SERVED_WITHIN_MS + 250), `the normal client made ${requests.length} requests`);
  t.same(requests.filter((r) => !r.ok || r.ms > SERVED_WITHIN_MS), [], `every normal request served within ${SERVED_WITHIN_MS} ms`);
  // Ended by the deadline (408) or, more often, to make room for a newer connection
  // (30 of them for 24 slots): the head deadline alone is checked below.
  t.ok(lorisReport.closedByServer >= 30, 'the server ended the slowloris connections rather than waiting on them');
  t.ok(flood.some((r) => okBody(r.reply) === PAGE), 'flood requests that reached the server were served');
  t.same(flood.filter((r) => r.reply && okBody(r.reply) !== PAGE && !/^HTTP\/1\.1 408 /.test(r.reply)), [], 'no answer but the page or 408');

  // Whatever reached the server was answered or closed: once the clients are
  // gone and the idle timeout (5 s) has passed, only the stats request is open.
  for (const s of sockets) s.destroy();
  await sleep(6000);
  const stats = await serverStats(clientPort, localPort());
  const v = stats.values;
  const pcbs = lwipPool(stats.text, 'TCP_PCB');
  t.comment(`stats: ${Object.entries(v).filter(([k]) => k.startsWith('http.')).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  t.comment(`lwIP's TCP_PCB pool: ${JSON.stringify(pcbs)}`);
  t.comment(`the network's figures:\n${stats.text.split('\n').filter((l) => l.startsWith('net.')).join('\n')}`);
  t.ok(v['http.evicted_table_full'] > 0, `a full table made room ${v['http.evicted_table_full']} times`);
  t.equal(v['http.refused_table_full'], 0, 'none refused: there was always a connection waiting for its head to close');
  t.equal(v['http.connections_open'], 1, 'nothing left open but the stats request');
  t.equal(pcbs?.size, 256, 'lwIP has 256 control blocks, sized from the 24 connections and the backlog of 128');
  t.equal(pcbs?.errors, 0, 'and never ran out of them');
  // A frame dropped for want of a packet buffer costs a TCP retransmission; under
  // this flood a few can be (the stats report them), while the normal client's
  // latency above is what must hold.
  t.comment(stats.text.match(/^net\.link .*$/m)?.[0] ?? 'no net.link line');
  t.equal(okBody((await get(clientPort, '/hello.txt', { ms: 10_000, localPort: localPort() })).reply), PAGE, 'still serving');
});

t.test('HttpServer with a 2 s head deadline and 4 connections per client', async (t) => {
  const port = await freePort();
  const server = await bootServer(join(out, 'http-per-client'), [port], 80);
  const sockets = new Set<Socket>();
  t.teardown(async () => {
    for (const s of sockets) s.destroy();
    await stopServer(server.child);
  });

  await t.test('GIVEN a head sent a byte every 300 ms THEN the deadline ends it with 408, the bytes do not extend it', async (t) => {
    const r = await drip(port, 300, performance.now() + 20_000, sockets);
    t.ok(r.byServer, 'the server ended it');
    t.match(r.reply, /^HTTP\/1\.1 408 Request Timeout\r\n/);
    t.ok(r.sent >= 6, `${r.sent} bytes arrived before it, the last well within the 5 s idle timeout`);
    // The deadline counts from the guest's accept, which comes after the host's connect.
    t.ok(r.ms >= 1900 && r.ms < patience(10_000), `ended ${Math.round(r.ms)} ms after connecting (deadline 2000 ms)`);
    const stats = await serverStats(port);
    t.equal(stats.values['http.head_timeouts'], 1, 'counted as a head timeout');
    t.equal(stats.values['http.connections_timed_out'], 0, 'not as idle');
  });

  await t.test('GIVEN a kept-alive connection THEN each request head has its own deadline, from the end of the previous response', async (t) => {
    const sock = new Socket();
    sockets.add(sock);
    let reply = '';
    let endedAt = NaN;
    sock.on('data', (d) => { reply += d.toString('latin1'); });
    const ended = new Promise<void>((resolve) => sock.on('close', () => { endedAt = performance.now(); resolve(); }));
    sock.on('end', () => sock.destroy());
    sock.on('error', () => {});
    await new Promise<void>((resolve) => sock.connect(port, '127.0.0.1', resolve));
    const answers = (): number => reply.match(/HTTP\/1\.1 200 OK/g)?.length ?? 0;
    let lastAnswer = NaN;
    // Three requests 1.2 s apart: 3.6 s in all on one connection, beyond the 2 s deadline.
    for (let i = 1; i <= 3; i++) {
      sock.write('GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      for (let w = 0; w < 100 && answers() < i && Number.isNaN(endedAt); w++) await sleep(20);
      lastAnswer = performance.now();
      if (i < 3) await sleep(1200);
    }
    t.equal(answers(), 3, 'all three answered on the one connection');
    await Promise.race([ended, sleep(10_000)]);
    sock.destroy();
    const quiet = endedAt - lastAnswer;
    t.ok(quiet >= 1900 && quiet < patience(4900), `closed ${Math.round(quiet)} ms after the last answer, at the head deadline (2 s) and before the idle timeout (5 s)`);
    t.notMatch(reply, /408/, 'no 408 for a connection that sent nothing since');
  });

  await t.test('GIVEN a client holding its 4 connections THEN a 5th from it takes the place of the one waiting longest', async (t) => {
    const silent: Socket[] = [];
    const ended: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const s = new Socket();
      sockets.add(s);
      ended.push(false);
      s.on('end', () => { ended[i] = true; s.destroy(); });
      s.on('error', () => { ended[i] = true; });
      await new Promise<void>((resolve) => s.connect(port, '127.0.0.1', resolve));
      silent.push(s);
      // In this order on the guest too.
      await sleep(150);
    }
    const r = await get(port, '/hello.txt', { ms: 10_000, sockets });
    t.equal(okBody(r.reply), PAGE, 'the fifth is served');
    for (let i = 0; i < 20 && !ended[0]; i++) await sleep(50);
    t.same(ended, [true, false, false, false], 'the first one made room; the others are open');
    for (const s of silent) s.destroy();
    await sleep(200);
    const stats = await serverStats(port);
    t.equal(stats.values['http.evicted_client_limit'], 1, 'counted as the client\'s limit making room');
    t.equal(stats.values['http.evicted_table_full'], 0, 'not as a full table (24 slots)');
  });
});
