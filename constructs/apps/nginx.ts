// SPDX-License-Identifier: MIT
import { dirname, resolve } from 'node:path';
import { Application } from '../component.ts';
import type { NginxOptionRanges, NginxOptions } from '../generated/nginx-options.ts';
import type { CheckedOptions } from '../options.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';
import { contributeToProcess } from '../process.ts';
import { KilnError, type Problem } from '../../synth/errors.ts';
import type { FileSpec, Origin } from '../../synth/spec/image-spec.ts';

/**
 * What a `return` answers: a redirect (`url` with a 3xx code), a body
 * (`text`), or NGINX's own page for the code (neither). 444 closes the
 * connection without an answer.
 */
export interface NginxReturn {
  /** The HTTP status, 0 to 999 (301, 302, 404, 444...). */
  readonly code: number;
  /**
   * Where a redirect (301, 302, 303, 307, 308) sends the client: an
   * absolute URL, or a path NGINX completes with the request's host.
   * @default none
   */
  readonly url?: string;
  /**
   * The body sent with another code (Content-Type from `default_type`,
   * text/plain here). May hold NGINX variables such as `$uri`.
   * @default none: NGINX's page for the code
   */
  readonly text?: string;
}

/** A `location` block: how the requests under one path are answered. */
export interface NginxLocation {
  /** The path: requests whose path starts with it (or equals it, with `exact`). */
  readonly path: string;
  /**
   * Match the path exactly (`location = /path`) instead of as a prefix.
   * @default false
   */
  readonly exact?: boolean;
  /**
   * The folder of the image's file system its files come from.
   * @default the server's root
   */
  readonly root?: string;
  /**
   * Files served for a path that names a folder, first found first.
   * @default the server's index
   */
  readonly index?: readonly string[];
  /**
   * List a folder that has no index file.
   * @default the server's autoindex
   */
  readonly autoindex?: boolean;
  /**
   * Answer every request here with this, instead of a file.
   * @default none: serve files
   */
  readonly return?: NginxReturn;
}

/** A `server` block: one site on one port. */
export interface NginxServer {
  /**
   * The guest's TCP port; `kiln run --forward 8080:80` reaches it.
   * @default 80
   */
  readonly listen?: number;
  /**
   * Host names this server answers for (`server_name`).
   * @default any (the first server on a port answers every name)
   */
  readonly serverNames?: readonly string[];
  /**
   * The folder of the image's file system whose files it serves: put
   * them there with the image's `.files(HOST_FOLDER, { at: root })`.
   * @default Nginx.DEFAULT_ROOT ('/www')
   */
  readonly root?: string;
  /**
   * Files served for a path that names a folder.
   * @default ['index.html']
   */
  readonly index?: readonly string[];
  /**
   * List folders that have no index file.
   * @default false
   */
  readonly autoindex?: boolean;
  /**
   * Answer every request of this server with this, before any location
   * (e.g. `{ code: 301, url: 'https://example.org$request_uri' }`).
   * @default none
   */
  readonly return?: NginxReturn;
  /** @default none: every path is served from `root` */
  readonly locations?: readonly NginxLocation[];
}

/** Properties of the Nginx application. */
export interface NginxProps extends NginxOptions {
  /**
   * The sites, written into nginx.conf as `server` blocks. Give these, or
   * `conf`, or `confFile`.
   * @default one server on port 80 serving '/www'
   */
  readonly servers?: readonly NginxServer[];
  /**
   * A whole nginx.conf, written into the image as it is, instead of the
   * one `servers` would make. It must say `master_process off;` and
   * `daemon off;` (a Kiln image is one process).
   * @default none
   */
  readonly conf?: string;
  /**
   * An nginx.conf on the host, embedded as `conf` is: relative to the
   * file that creates the Nginx, or absolute.
   * @default none
   */
  readonly confFile?: string;
  /**
   * The access log: a file of the RAM file system, or 'off'.
   * @default 'off'
   */
  readonly accessLog?: string;
  /**
   * The least severe error log messages printed on the console.
   * @default 'notice'
   */
  readonly errorLogLevel?: 'debug' | 'info' | 'notice' | 'warn' | 'error' | 'crit' | 'alert' | 'emerg';
}

/**
 * Nginx: NGINX 1.22.1, built unmodified from Debian's nginx source, as
 * one process with the poll event module, serving the image's files over
 * lwIP. The construct writes /etc/nginx/nginx.conf from typed server
 * blocks (or embeds a raw one); errors go to the console, and the image
 * prints `nginx: listening on ADDR:PORT, N ms after boot, heap N bytes (peak N)` when it serves.
 *
 * ```ts
 * new Image(app, 'web', { board: new QemuVirt() })
 *   .use(new Nginx({ servers: [{ listen: 80, root: '/www', locations: [{ path: '/old', return: { code: 301, url: '/new' } }] }] }))
 *   .files('./site', { at: '/www' });
 * ```
 */
export class Nginx<const P extends NginxProps = {}> extends Application<'Nginx', { network: true; files: true }> {
  /** Where the configuration is written: NGINX's compiled-in path. */
  static readonly CONF_PATH = '/etc/nginx/nginx.conf';
  /** The root of a server that names none. */
  static readonly DEFAULT_ROOT = '/www';

  constructor(given?: CheckedOptions<'Nginx', P, NginxOptionRanges>) {
    const origin = callerOrigin();
    assertProps('Nginx', given, { conf: 'string', confFile: 'string', accessLog: 'string', errorLogLevel: 'string' }, origin);
    const props: NginxProps = given ?? {};
    super({ kind: 'nginx', name: 'Nginx', requires: { network: true, files: true }, options: { connections: props.connections } });
    const given3 = [props.servers, props.conf, props.confFile].filter((x) => x !== undefined).length;
    if (given3 > 1) {
      throw new KilnError([{ message: 'Nginx takes one of servers, conf and confFile', origin, hint: 'keep the one that describes the sites' }]);
    }
    const files: FileSpec[] = [];
    if (props.conf !== undefined) files.push({ at: Nginx.CONF_PATH, content: props.conf });
    else if (props.confFile !== undefined) {
      files.push({ at: Nginx.CONF_PATH, from: resolve(origin.file ? dirname(resolve(origin.file)) : process.cwd(), props.confFile) });
    } else {
      const problems = nginxServerProblems(props.servers ?? [{}], origin);
      if (props.accessLog !== undefined && props.accessLog !== 'off' && !props.accessLog.startsWith('/')) {
        problems.push({ message: `Nginx accessLog "${props.accessLog}" is not an absolute path or 'off'`, origin, hint: "e.g. accessLog: '/var/log/nginx/access.log'" });
      }
      const levels = ['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg'];
      if (props.errorLogLevel !== undefined && !levels.includes(props.errorLogLevel)) {
        problems.push({ message: `Nginx errorLogLevel "${props.errorLogLevel}" is not one of ${levels.join(', ')}`, origin });
      }
      if (problems.length) throw new KilnError(problems);
      files.push({ at: Nginx.CONF_PATH, content: renderNginxConf(props) });
      // The log's folder must exist before NGINX opens the log (an empty file makes it).
      if (props.accessLog !== undefined && props.accessLog !== 'off') files.push({ at: props.accessLog, content: '' });
    }
    contributeToProcess(this, { files, args: ['nginx'] });
  }
}

/** The problems with typed server blocks, each at the user's line. */
export function nginxServerProblems(servers: readonly NginxServer[], origin?: Origin): Problem[] {
  const problems: Problem[] = [];
  const at = origin ? { origin } : {};
  const checkPath = (what: string, path: string | undefined) => {
    if (path !== undefined && (!path.startsWith('/') || /[\s;{}"'\\$]/.test(path))) {
      problems.push({ message: `Nginx ${what} "${path}" is not an absolute path without spaces, quotes, braces, semicolons or $`, ...at });
    }
  };
  const checkReturn = (what: string, r: NginxReturn | undefined) => {
    if (r === undefined) return;
    if (!Number.isInteger(r.code) || r.code < 0 || r.code > 999) problems.push({ message: `Nginx ${what} return code ${r.code} is not a status from 0 to 999`, ...at });
    if (r.url !== undefined && r.text !== undefined) problems.push({ message: `Nginx ${what} return takes url or text, not both`, ...at });
    const redirect = [301, 302, 303, 307, 308].includes(r.code);
    if (r.url !== undefined && !redirect) problems.push({ message: `Nginx ${what} return url goes with a redirect code (301, 302, 303, 307, 308), not ${r.code}`, ...at });
    if (redirect && r.url === undefined) problems.push({ message: `Nginx ${what} return ${r.code} needs the url to redirect to`, ...at });
  };
  servers.forEach((s, i) => {
    const name = `server ${i + 1}`;
    if (s.listen !== undefined && (!Number.isInteger(s.listen) || s.listen < 1 || s.listen > 65535)) {
      problems.push({ message: `Nginx ${name} listens on port ${s.listen}, not a TCP port from 1 to 65535`, ...at });
    }
    checkPath(`${name} root`, s.root);
    for (const n of s.serverNames ?? []) if (!/^[A-Za-z0-9.*_-]+$/.test(n)) problems.push({ message: `Nginx ${name} server name "${n}" is not a host name`, ...at });
    for (const f of s.index ?? []) if (!/^[A-Za-z0-9._-]+$/.test(f)) problems.push({ message: `Nginx ${name} index "${f}" is not a file name`, ...at });
    checkReturn(name, s.return);
    const seen = new Set<string>();
    for (const l of s.locations ?? []) {
      const lname = `${name} location "${l.path}"`;
      checkPath(`${name} location`, l.path);
      const key = `${l.exact ? '=' : ''}${l.path}`;
      if (seen.has(key)) problems.push({ message: `Nginx ${lname} is given twice`, ...at });
      seen.add(key);
      checkPath(`${lname} root`, l.root);
      for (const f of l.index ?? []) if (!/^[A-Za-z0-9._-]+$/.test(f)) problems.push({ message: `Nginx ${lname} index "${f}" is not a file name`, ...at });
      checkReturn(lname, l.return);
    }
  });
  return problems;
}

/** Content types by extension: the common part of NGINX's mime.types. */
const TYPES: ReadonlyArray<readonly [string, string]> = [
  ['text/html', 'html htm'], ['text/css', 'css'], ['text/plain', 'txt'], ['text/xml', 'xml'],
  ['application/javascript', 'js mjs'], ['application/json', 'json'], ['application/wasm', 'wasm'],
  ['application/pdf', 'pdf'], ['application/octet-stream', 'bin'],
  ['image/png', 'png'], ['image/jpeg', 'jpeg jpg'], ['image/gif', 'gif'], ['image/svg+xml', 'svg svgz'],
  ['image/x-icon', 'ico'], ['image/webp', 'webp'], ['font/woff2', 'woff2'],
];

/** A string in nginx.conf's double quotes, with NGINX's escapes (variables stay variables). */
function quoted(text: string): string {
  const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return `"${text.replace(/[\\"\n\r\t]/g, (c) => escapes[c]!)}"`;
}

function returnLine(r: NginxReturn): string {
  if (r.url !== undefined) return `return ${r.code} ${quoted(r.url)};`;
  if (r.text !== undefined) return `return ${r.code} ${quoted(r.text)};`;
  return `return ${r.code};`;
}

/**
 * The nginx.conf the typed props make: one process, no daemon, errors on
 * the console, read and write instead of sendfile, the common content
 * types, and a `server` block per server.
 */
export function renderNginxConf(props: NginxProps): string {
  const servers = props.servers ?? [{}];
  const out: string[] = [
    '# Written by Kiln\'s Nginx construct.',
    'master_process off;',
    'daemon off;',
    'worker_processes 1;',
    `error_log stderr ${props.errorLogLevel ?? 'notice'};`,
    'pid /nginx.pid;',
    '',
    'events {',
    `    worker_connections ${props.connections ?? 64};`,
    '}',
    '',
    'http {',
    '    types {',
    ...TYPES.map(([type, exts]) => `        ${type} ${exts};`),
    '    }',
    '    default_type text/plain;',
    `    access_log ${props.accessLog === undefined || props.accessLog === 'off' ? 'off' : props.accessLog};`,
    '    sendfile off;',
    '    keepalive_timeout 65;',
  ];
  for (const s of servers) {
    out.push('', '    server {', `        listen ${s.listen ?? 80};`);
    if (s.serverNames?.length) out.push(`        server_name ${s.serverNames.join(' ')};`);
    out.push(`        root ${s.root ?? Nginx.DEFAULT_ROOT};`);
    out.push(`        index ${(s.index ?? ['index.html']).join(' ')};`);
    if (s.autoindex) out.push('        autoindex on;');
    if (s.return) out.push(`        ${returnLine(s.return)}`);
    for (const l of s.locations ?? []) {
      out.push(`        location ${l.exact ? '= ' : ''}${l.path} {`);
      if (l.root !== undefined) out.push(`            root ${l.root};`);
      if (l.index !== undefined) out.push(`            index ${l.index.join(' ')};`);
      if (l.autoindex !== undefined) out.push(`            autoindex ${l.autoindex ? 'on' : 'off'};`);
      if (l.return) out.push(`            ${returnLine(l.return)}`);
      out.push('        }');
    }
    out.push('    }');
  }
  out.push('}', '');
  return out.join('\n');
}
