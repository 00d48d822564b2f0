// SPDX-License-Identifier: MIT
import { dirname, resolve } from 'node:path';
import { Application } from '../component.ts';
import { KilnError } from '../../synth/errors.ts';
import type { Origin } from '../../synth/spec/image-spec.ts';
import type { HttpServerOptions } from '../generated/http-server-options.ts';
import { callerOrigin } from '../private/origin.ts';
import { contributeToProcess } from '../process.ts';
import type { HttpServerOptionRanges } from '../generated/http-server-options.ts';
import type { CheckedOptions } from '../options.ts';
import { assertProps } from '../private/props.ts';

/** Options of the HttpServer application. */
export interface HttpServerProps extends Pick<HttpServerOptions,
  'port' | 'maxConnections' | 'maxConnectionsPerClient' | 'backlog' | 'idleTimeoutMs' | 'headTimeoutMs' | 'requestBytes' | 'stats' | 'root'> {
  /**
   * A host folder (relative to the file that creates the server) whose
   * files are served: it is embedded in the image's RAM file system at
   * `root`, and paths that are not in `content` are looked up there (a
   * folder serves its index.html).
   * @default no files, only `content`
   */
  readonly files?: string;
  /**
   * The pages it serves: path (starting with '/') to body. The
   * Content-Type follows the path's extension; paths without one are
   * served as text/html.
   * @default a one-line HTML page at '/'
   */
  readonly content?: Readonly<Record<string, string>>;
}

/**
 * HttpServer: an HTTP/1.1 server for static pages (GET and HEAD,
 * keep-alive), one thread with non-blocking sockets and poll(), over
 * lwIP. Needs a network device, so it does not compile for a board
 * without one. Under QEMU, reach it with `kiln run IMAGE --forward
 * 8080:80`; `GET /_kiln/stats` reports memory and network figures.
 *
 * Slow clients are bounded by `idleTimeoutMs`, `headTimeoutMs` (the
 * whole request head, however its bytes trickle in) and
 * `maxConnectionsPerClient`; a full table makes room by closing the
 * connection that has waited longest for its head. lwIP's connection
 * pool and the descriptor table are sized from `maxConnections` and
 * `backlog` unless an `Lwip({ tcpPcbs })` says otherwise.
 */
export class HttpServer<const P extends HttpServerProps = {}> extends Application<'HttpServer', HttpServerNeeds<P>> {
  constructor(given?: CheckedOptions<'HttpServer', P, HttpServerOptionRanges>) {
    const origin = callerOrigin();
    assertProps('HttpServer', given, { files: 'string', content: 'string-map', root: 'string' }, origin);
    const props: HttpServerProps = given ?? {};
    super({
      kind: 'http-server',
      name: 'HttpServer',
      requires: (props.files !== undefined ? { network: true, files: true } : { network: true }) as HttpServerNeeds<P>,
      options: {
        port: props.port,
        maxConnections: props.maxConnections,
        maxConnectionsPerClient: props.maxConnectionsPerClient,
        backlog: props.backlog,
        idleTimeoutMs: props.idleTimeoutMs,
        headTimeoutMs: props.headTimeoutMs,
        requestBytes: props.requestBytes,
        stats: props.stats,
        content: props.content ? encodeContent(props.content, origin) : undefined,
        files: props.files !== undefined ? true : undefined,
        root: props.files !== undefined ? props.root : undefined,
      },
    });
    if (props.files !== undefined) {
      const from = resolve(origin.file ? dirname(resolve(origin.file)) : process.cwd(), props.files);
      contributeToProcess(this, { files: [{ at: props.root ?? HttpServer.DEFAULT_ROOT, from }] });
    }
  }

  /** Where `files` go in the image's file system unless `root` says otherwise. */
  static readonly DEFAULT_ROOT = '/www';
}

/** What an HttpServer needs: a network device, and the RAM file system when it serves `files`. */
export type HttpServerNeeds<P> = P extends { readonly files: string } ? { network: true; files: true } : { network: true };

/**
 * The pages as APP_HTTP_CONTENT holds them: "PATH BODY PATH BODY ...",
 * each percent-encoded (UTF-8) so that no item holds a space, a quote,
 * a backslash or a line break.
 */
export function encodeContent(content: Readonly<Record<string, string>>, origin?: Origin): string {
  const bad = Object.keys(content).filter((path) => !path.startsWith('/') || /[\s?#]/.test(path));
  if (bad.length) {
    throw new KilnError(bad.map((path) => ({
      message: `HttpServer content path "${path}" is not a URL path`,
      ...(origin ? { origin } : {}),
      hint: 'paths start with "/" and hold no whitespace, "?" or "#", e.g. "/index.html"',
    })));
  }
  return Object.entries(content).map(([path, body]) => `${percent(path)} ${percent(body)}`).join(' ');
}

function percent(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~/:]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
