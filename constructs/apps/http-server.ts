// SPDX-License-Identifier: MIT
import { Application } from '../component.ts';
import { KilnError } from '../../synth/errors.ts';
import type { HttpServerOptions } from '../generated/http-server-options.ts';

/** Options of the HttpServer application. */
export interface HttpServerProps extends Pick<HttpServerOptions, 'port' | 'maxConnections' | 'backlog' | 'idleTimeoutMs' | 'requestBytes' | 'stats'> {
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
 */
export class HttpServer extends Application<'HttpServer', { network: true }> {
  constructor(props: HttpServerProps = {}) {
    super({
      kind: 'http-server',
      name: 'HttpServer',
      requires: { network: true },
      options: {
        port: props.port,
        maxConnections: props.maxConnections,
        backlog: props.backlog,
        idleTimeoutMs: props.idleTimeoutMs,
        requestBytes: props.requestBytes,
        stats: props.stats,
        content: props.content ? encodeContent(props.content) : undefined,
      },
    });
  }
}

/**
 * The pages as APP_HTTP_CONTENT holds them: "PATH BODY PATH BODY ...",
 * each percent-encoded (UTF-8) so that no item holds a space, a quote,
 * a backslash or a line break.
 */
export function encodeContent(content: Readonly<Record<string, string>>): string {
  const bad = Object.keys(content).filter((path) => !path.startsWith('/') || /[\s?#]/.test(path));
  if (bad.length) {
    throw new KilnError(bad.map((path) => ({
      message: `HttpServer content path "${path}" is not a URL path`,
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
