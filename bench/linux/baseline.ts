// SPDX-License-Identifier: MIT
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Arm64Apt } from './apt.ts';

const run = promisify(execFile);

/** One pinned Debian package and the file the bench takes out of it. */
export interface PinnedPackage {
  readonly package: string;
  readonly version: string;
  /** SHA-256 of the .deb as downloaded. */
  readonly sha256: string;
  readonly bytes: number;
  /** Path inside the package's data archive, e.g. boot/vmlinuz-6.1.0-56-arm64. */
  readonly member: string;
}

/** bench/linux-baseline.json: the exact Debian packages the Linux baseline uses. */
export interface LinuxBaseline {
  readonly kiln: 'linux-baseline/1';
  readonly about: string;
  readonly architecture: 'arm64';
  /** The metapackage the kernel was chosen through, and its version then. */
  readonly via: { readonly package: string; readonly version: string };
  readonly kernel: PinnedPackage;
  readonly busybox: PinnedPackage;
}

/** The files a Linux boot needs, extracted from verified packages. */
export interface LinuxFiles {
  readonly baseline: LinuxBaseline;
  /** Uncompressed arm64 Image, what QEMU boots. */
  readonly image: string;
  /** boot/vmlinuz as Debian ships it (the same file as `image` when not compressed). */
  readonly vmlinuz: string;
  /** Whether the shipped vmlinuz is gzip'd. */
  readonly vmlinuzGzipped: boolean;
  /** The static arm64 busybox. */
  readonly busybox: string;
  /** The kernel package's Installed-Size, in bytes. */
  readonly kernelInstalledBytes: number;
}

const KERNEL_METAPACKAGE = 'linux-image-arm64';
const BUSYBOX_PACKAGE = 'busybox-static';

/** Reads and checks bench/linux-baseline.json. */
export function readBaseline(file: string): LinuxBaseline {
  const data = JSON.parse(readFileSync(file, 'utf8')) as LinuxBaseline;
  if (data.kiln !== 'linux-baseline/1' || !data.kernel?.sha256 || !data.busybox?.sha256) {
    throw new Error(`${file} is not a linux-baseline/1 pin file; run tsx bench/run.ts --repin-linux to write one`);
  }
  return data;
}

/**
 * Makes sure the pinned packages are in the cache with the pinned
 * checksums (downloading what is missing), and extracts the kernel and
 * busybox from them.
 *
 * @throws naming the package, both checksums and the way to re-pin, when
 *   a download does not match its pin
 */
export async function ensureLinuxFiles(baseline: LinuxBaseline, cacheDir: string): Promise<LinuxFiles> {
  const apt = new Arm64Apt(join(cacheDir, 'apt'));
  const kernelDeb = await ensurePackage(baseline.kernel, cacheDir, apt);
  const busyboxDeb = await ensurePackage(baseline.busybox, cacheDir, apt);

  const kernelDir = join(cacheDir, 'linux', safeName(`${baseline.kernel.package}_${baseline.kernel.version}`));
  const gzipped = join(kernelDir, 'vmlinuz.gz');
  const image = join(kernelDir, 'Image');
  if (!existsSync(image)) {
    mkdirSync(kernelDir, { recursive: true });
    const shipped = await extractMember(kernelDeb, baseline.kernel.member);
    // Debian's signed arm64 kernels ship an uncompressed Image (the EFI
    // stub is signed); other builds ship it gzip'd. The Image is what a
    // boot loader places in RAM, so that is what QEMU boots.
    if (shipped[0] === 0x1f && shipped[1] === 0x8b) {
      writeFileSync(gzipped, shipped);
      writeAtomically(image, gunzipSync(shipped));
    } else {
      writeAtomically(image, shipped);
    }
  }
  const vmlinuzGzipped = existsSync(gzipped);
  const busyboxDir = join(cacheDir, 'linux', safeName(`${baseline.busybox.package}_${baseline.busybox.version}`));
  const busybox = join(busyboxDir, 'busybox');
  if (!existsSync(busybox)) {
    mkdirSync(busyboxDir, { recursive: true });
    writeAtomically(busybox, await extractMember(busyboxDeb, baseline.busybox.member));
  }
  const { stdout } = await run('dpkg-deb', ['-f', kernelDeb, 'Installed-Size']);
  return { baseline, image, vmlinuz: vmlinuzGzipped ? gzipped : image, vmlinuzGzipped, busybox, kernelInstalledBytes: Number(stdout.trim()) * 1024 };
}

/**
 * Pins the archive's current kernel (through linux-image-arm64) and
 * busybox-static: downloads both and writes bench/linux-baseline.json.
 */
export async function repinBaseline(file: string, cacheDir: string): Promise<LinuxBaseline> {
  const apt = new Arm64Apt(join(cacheDir, 'apt'));
  const metaVersion = await apt.candidate(KERNEL_METAPACKAGE);
  if (!metaVersion) throw new Error(`the arm64 package lists have no ${KERNEL_METAPACKAGE}`);
  const depends = (await apt.field(KERNEL_METAPACKAGE, metaVersion, 'Depends')) ?? '';
  const dep = /(linux-image-[^\s,]+-arm64)\s*\(=\s*([^)\s]+)\)/.exec(depends);
  if (!dep) throw new Error(`${KERNEL_METAPACKAGE} ${metaVersion} depends on "${depends}", not on one versioned kernel`);
  const busyboxVersion = await apt.candidate(BUSYBOX_PACKAGE);
  if (!busyboxVersion) throw new Error(`the arm64 package lists have no ${BUSYBOX_PACKAGE}`);

  const kernel = await pinPackage(apt, cacheDir, dep[1], dep[2], (members) => members.find((m) => /^boot\/vmlinuz-/.test(m)));
  const busybox = await pinPackage(apt, cacheDir, BUSYBOX_PACKAGE, busyboxVersion, (members) => members.find((m) => m === 'bin/busybox'));
  const baseline: LinuxBaseline = {
    kiln: 'linux-baseline/1',
    about: 'Debian arm64 packages of the bench\'s Linux baseline, fetched with apt-get download and checked against these SHA-256 sums. Re-pin with: tsx bench/run.ts --repin-linux',
    architecture: 'arm64',
    via: { package: KERNEL_METAPACKAGE, version: metaVersion },
    kernel,
    busybox,
  };
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline;
}

async function pinPackage(apt: Arm64Apt, cacheDir: string, pkg: string, version: string, pick: (members: string[]) => string | undefined): Promise<PinnedPackage> {
  const deb = debPath(cacheDir, pkg, version);
  mkdirSync(join(cacheDir, 'debs'), { recursive: true });
  if (!existsSync(deb)) await apt.download(pkg, version, deb);
  const { stdout } = await run('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -t', 'sh', deb], { maxBuffer: 64 * 1024 * 1024 });
  const members = stdout.split('\n').map((m) => m.replace(/^\.\//, ''));
  const member = pick(members);
  if (!member) throw new Error(`${pkg} ${version} does not hold the expected file`);
  const bytes = readFileSync(deb);
  return { package: pkg, version, sha256: sha256(bytes), bytes: bytes.length, member };
}

async function ensurePackage(pin: PinnedPackage, cacheDir: string, apt: Arm64Apt): Promise<string> {
  const deb = debPath(cacheDir, pin.package, pin.version);
  if (existsSync(deb) && sha256(readFileSync(deb)) === pin.sha256) return deb;
  // Missing, or a cached copy that no longer matches: fetch it (again).
  rmSync(deb, { force: true });
  mkdirSync(join(cacheDir, 'debs'), { recursive: true });
  try {
    await apt.download(pin.package, pin.version, `${deb}.part`);
  } catch (err) {
    throw new Error(`${(err as Error).message}\nThe pinned ${pin.package} ${pin.version} may have left the archive; pin the current one with: tsx bench/run.ts --repin-linux`);
  }
  const got = sha256(readFileSync(`${deb}.part`));
  if (got !== pin.sha256) {
    rmSync(`${deb}.part`, { force: true });
    throw new Error(`${pin.package} ${pin.version} (arm64) does not match bench/linux-baseline.json: its SHA-256 is ${got}, the pin says ${pin.sha256}. `
      + 'If the archive rebuilt the package, check it and re-pin with: tsx bench/run.ts --repin-linux');
  }
  renameSync(`${deb}.part`, deb);
  return deb;
}

async function extractMember(deb: string, member: string): Promise<Buffer> {
  const { stdout } = await run('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -xO "./$2"', 'sh', deb, member], {
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (stdout.length === 0) throw new Error(`${deb} has no ${member}`);
  return stdout;
}

function debPath(cacheDir: string, pkg: string, version: string): string {
  return join(cacheDir, 'debs', `${safeName(`${pkg}_${version}`)}_arm64.deb`);
}

/** Versions carry an epoch colon; keep file names portable. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._+-]/g, '_');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function writeAtomically(file: string, bytes: Buffer): void {
  writeFileSync(`${file}.part`, bytes, { mode: 0o755 });
  renameSync(`${file}.part`, file);
}
