// SPDX-License-Identifier: MIT
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadBoards } from './catalog/index.ts';
import type { BuildReport } from './build.ts';
import { readJsonFile } from './assembly.ts';
import { KilnError } from './errors.ts';
import { qemuInvocation, type ImageManifest } from './plan/image-manifest.ts';
import type { BoardInfo } from './spec/board-info.ts';
import { boardProblems } from './spec/board-file.ts';
import { consoleInputEncoder } from './console-input.ts';
import { requireTools } from './tools.ts';

/** Options of runImage(). */
export interface RunOptions {
  /** The image's folder in the assembly (holding manifest.json). */
  readonly imageDir: string;
  /** Where the guest console goes: inherited (the terminal) or captured. */
  readonly console?: 'inherit' | 'capture';
  /** Called with console output when capturing. */
  readonly onOutput?: (text: string) => void;
  /** Stop QEMU after this many milliseconds. @default no limit */
  readonly timeoutMs?: number;
  /** Arguments added to QEMU's command line. */
  readonly qemuArgs?: readonly string[];
  /** Host TCP ports on 127.0.0.1 forwarded to guest ports (images with a network stack only). @default none */
  readonly forwards?: readonly PortForward[];
  /** Stops QEMU when aborted (the run then ends with status 130). @default never */
  readonly signal?: AbortSignal;
  /**
   * What the guest's console reads. A host file or bytes are sent as
   * data, followed by an end of file (synth/console-input.ts). 'inherit'
   * is this process's standard input: a terminal is handed to QEMU as it
   * is (Ctrl-D ends the guest's input), a pipe or a file is sent as data
   * followed by an end of file.
   * @default 'inherit' when the console is inherited, else nothing (the guest reads an end of file at once)
   */
  readonly input?: RunInput;
}

/** The guest console's input: this process's standard input, a host file, or bytes. */
export type RunInput = 'inherit' | { readonly file: string } | { readonly bytes: Uint8Array | string };

/** A TCP port on the host's 127.0.0.1 forwarded to a port of the guest. */
export interface PortForward {
  readonly host: number;
  readonly guest: number;
}

/** Parses `HOSTPORT:GUESTPORT` (e.g. 8080:80); undefined when it is not that. */
export function parseForward(text: string): PortForward | undefined {
  const m = /^(\d{1,5}):(\d{1,5})$/.exec(text);
  if (!m) return undefined;
  const host = Number(m[1]);
  const guest = Number(m[2]);
  return host >= 1 && host <= 65535 && guest >= 1 && guest <= 65535 ? { host, guest } : undefined;
}

/** How a run ended. */
export interface RunResult {
  /** The guest's exit status (QEMU's), or 124 on timeout. */
  readonly status: number;
  readonly timedOut: boolean;
  /** Captured console output (empty when inherited). */
  readonly output: string;
  /** The full QEMU command line. */
  readonly command: readonly string[];
}

/** Whether a board description is exactly one of the catalog's (Kiln's boards, or the image's library folders'). */
function isKnownBoard(board: BoardInfo, folders: readonly string[] | undefined): boolean {
  try {
    const known = loadBoards({ folders: (folders ?? []).filter((f) => typeof f === 'string') }).get(board.id);
    return known !== undefined && isDeepStrictEqual(JSON.parse(JSON.stringify(known)), JSON.parse(JSON.stringify(board)));
  } catch {
    return false;
  }
}

/** A file name inside an image folder: no folders, nothing hidden. */
const PLAIN_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Reads and checks an image folder before anything runs from it: built
 * (report.json present), the manifest, the ELF and the artifact exactly
 * as that build recorded them (SHA-256), and a board description that is
 * valid. The QEMU command is then derived again from that description
 * (qemuInvocation), never taken from the manifest: an image folder is
 * data, possibly from a CI artifact or a colleague, and must not be able
 * to name the program kiln runs.
 */
export function loadRunnableImage(imageDir: string): ImageManifest {
  const manifestFile = join(imageDir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new KilnError([{ message: `${imageDir} is not a Kiln image folder (no manifest.json)`, hint: 'pass the image folder, e.g. kiln.out/hello' }]);
  }
  const manifest = readJsonFile(manifestFile, 'image manifest') as unknown as ImageManifest;
  const id = typeof manifest.id === 'string' ? manifest.id : imageDir;
  const reportFile = join(imageDir, 'report.json');
  if (!existsSync(reportFile)) {
    throw new KilnError([{ message: `image "${id}" is not built (or its last build failed)`, hint: 'run kiln build first' }]);
  }
  const report = readJsonFile(reportFile, 'build report') as unknown as Partial<BuildReport>;
  const changed = (what: string) => new KilnError([{ message: `image "${id}": ${what} is missing or changed since it was built`, hint: 'run kiln build again' }]);
  const hashOf = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : '');
  if (typeof report.manifestSha256 !== 'string' || hashOf(manifestFile) !== report.manifestSha256) throw changed('manifest.json');
  const board = manifest.spec?.board;
  const boardIssues = typeof board === 'object' ? boardProblems(board) : ['the manifest names its board without describing it'];
  if (boardIssues.length) throw new KilnError([{ message: `image "${id}": the board in manifest.json is not valid: ${boardIssues.join('; ')}`, hint: 'run kiln build again' }]);
  const info = board as BoardInfo;
  if ((info.qemu.extraArgs.length > 0 || Object.keys(info.qemu.env ?? {}).length > 0) && !isKnownBoard(info, manifest.spec.libraryFolders)) {
    throw new KilnError([{
      message: `image "${id}": its board "${info.id}" is not one this Kiln knows, and it adds QEMU arguments or environment (${[...info.qemu.extraArgs, ...Object.keys(info.qemu.env ?? {})].join(' ')})`,
      hint: 'kiln run passes extra QEMU arguments only for boards it knows (its own, or one in your library folders); build the image from its source here',
    }]);
  }
  const elf = manifest.files?.elf;
  if (typeof elf !== 'string' || !PLAIN_FILE.test(elf) || !PLAIN_FILE.test(info.artifact.file)) throw changed('the manifest\'s file names');
  if (!report.artifact || typeof report.artifact.sha256 !== 'string' || hashOf(join(imageDir, info.artifact.file)) !== report.artifact.sha256) throw changed(info.artifact.file);
  if (manifest.exit !== 'semihosting' && manifest.exit !== 'halt') throw changed('the manifest\'s exit path');
  const qemu = qemuInvocation(info, { exit: manifest.exit, network: Boolean(manifest.qemu?.network), elf, artifact: info.artifact.file });
  return { ...manifest, qemu };
}

/**
 * The full QEMU command line for an image folder. Port forwards go on the
 * image's user-mode network (QEMU's hostfwd, bound to 127.0.0.1 only).
 */
export function qemuCommand(imageDir: string, manifest: ImageManifest, extra: readonly string[] = [], forwards: readonly PortForward[] = []): string[] {
  const net = manifest.qemu.network;
  if (forwards.length && !net) {
    throw new KilnError([{
      message: `image "${manifest.id}" has no network stack, so no port can be forwarded to it`,
      hint: 'forward ports to images that use a network application, e.g. HttpServer on QemuVirt',
    }]);
  }
  const netdev = net ? [net.netdev, ...forwards.map((f) => `hostfwd=tcp:127.0.0.1:${f.host}-:${f.guest}`)].join(',') : '';
  return [
    manifest.qemu.binary,
    ...manifest.qemu.args,
    ...(net ? ['-netdev', netdev, '-device', net.device] : []),
    ...extra,
    '-kernel', resolve(imageDir, manifest.qemu.kernel),
  ];
}

/**
 * Boots a built image in QEMU with the flags its board implies and waits
 * for it to end. Images built for QEMU exit through semihosting, so QEMU's
 * status is main()'s.
 */
export async function runImage(opts: RunOptions): Promise<RunResult> {
  const manifest = loadRunnableImage(opts.imageDir);
  requireTools([{ program: manifest.qemu.binary, debianPackage: 'qemu-system-arm' }]);
  const command = qemuCommand(opts.imageDir, manifest, opts.qemuArgs, opts.forwards);
  const capture = opts.console === 'capture';
  const input = opts.input ?? (capture ? { bytes: '' } : 'inherit');
  if (typeof input === 'object' && 'file' in input && !isReadableFile(input.file)) {
    throw new KilnError([{ message: `cannot read ${input.file}, the input given to the guest`, hint: 'give --stdin an existing file' }]);
  }
  // A terminal goes to QEMU as it is (QEMU puts it in raw mode, so Ctrl-D reaches the guest).
  const terminal = input === 'inherit' && process.stdin.isTTY === true;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command[0], command.slice(1), {
      stdio: [terminal ? 'inherit' : 'pipe', capture ? 'pipe' : 'inherit', 'pipe'],
      env: { ...process.env, ...manifest.qemu.env },
    });
    let output = '';
    let timedOut = false;
    let aborted = false;
    const noise = manifest.qemu.stderrNoise ?? [];
    const record = (text: string) => {
      output += text;
      opts.onOutput?.(text);
    };
    // Decoders keep a UTF-8 character that a chunk boundary splits until its last byte arrives.
    const stdoutText = new StringDecoder('utf8');
    const stderrText = new StringDecoder('utf8');
    if (capture) child.stdout?.on('data', (chunk: Buffer) => record(stdoutText.write(chunk)));
    // QEMU's stderr, less the lines the board declares harmless (whole lines: chunks may split them).
    let pending = '';
    const emit = (text: string) => {
      // QEMU's note that kiln stopped it (timeout, Ctrl-C) says nothing kiln does not say itself.
      const ours = (line: string) => (timedOut || aborted) && /^qemu-system-\w+: terminating on signal \d+/.test(line);
      const kept = text.split(/(?<=\n)/).filter((line) => !noise.some((n) => line.includes(n)) && !ours(line)).join('');
      if (!kept) return;
      if (capture) record(kept);
      else process.stderr.write(kept);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      pending += stderrText.write(chunk);
      const cut = pending.lastIndexOf('\n') + 1;
      emit(pending.slice(0, cut));
      pending = pending.slice(cut);
    });
    child.stderr?.on('end', () => emit(pending + stderrText.end()));
    const source: Readable | undefined = terminal ? undefined
      : input === 'inherit' ? process.stdin
        : 'file' in input ? createReadStream(input.file)
          : Readable.from([Buffer.from(input.bytes)]);
    if (source && child.stdin) {
      // A guest that ends without reading all of it closes the pipe: that is no error.
      child.stdin.on('error', () => {});
      source.on('error', (err) => emit(`kiln: cannot read the guest's input: ${err.message}\n`));
      source.pipe(consoleInputEncoder()).pipe(child.stdin);
    }
    const timer = opts.timeoutMs ? setTimeout(() => { timedOut = true; child.kill('SIGTERM'); }, opts.timeoutMs) : undefined;
    const abort = () => { aborted = true; child.kill('SIGTERM'); };
    if (opts.signal?.aborted) abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      // Stop reading input nobody takes any more; the process's own stdin is left open, only paused.
      if (source) {
        source.unpipe();
        if (source === process.stdin) source.pause();
        else source.destroy();
      }
      opts.signal?.removeEventListener('abort', abort);
      const status = timedOut ? 124 : aborted ? 130 : code ?? (signal ? 128 + signalNumber(signal) : 1);
      resolvePromise({ status, timedOut, output, command });
    });
  });
}

function isReadableFile(file: string): boolean {
  try {
    return !statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return numbers[signal] ?? 0;
}
