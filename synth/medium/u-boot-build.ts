// SPDX-License-Identifier: MIT
/**
 * U-Boot for the Raspberry Pi 3 in 64-bit mode (`rpi_arm64`), which the
 * tests boot the Pi's sdcard.img through on QEMU's raspi3b, two ways:
 *
 * - `uBootFromDebian()` (the default): u-boot.bin from Debian's arm64
 *   binary package `u-boot-rpi`, downloaded with a private apt state
 *   (the machine's sources, arm64 indexes kept in the user cache, the
 *   system's apt configuration untouched) and pinned by SHA-256; the
 *   device trees compiled from the same version's source with cpp and
 *   dtc as U-Boot's own build compiles them (byte for byte the same
 *   dtb). Seconds on a fresh machine.
 * - `uBootBuild()`: the whole of U-Boot built from Debian's `u-boot`
 *   source package out of tree with the host's cross compiler: minutes
 *   (about 4 on two quiet cores, 15 under load), for a defconfig Debian
 *   ships no binary for or a changed configuration.
 *
 * The source is pinned like any upstream (synth/fetch/upstream.ts: apt-get
 * source, SHA-256 of every file, the user cache). Results are kept in
 * `<cache>/u-boot/<version>/<name>`, so later calls return at once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UpstreamPin } from '../catalog/index.ts';
import { KilnError } from '../errors.ts';
import { ensureUpstream } from '../fetch/upstream.ts';

/** Debian bookworm's u-boot source package. */
export const U_BOOT_SOURCE: UpstreamPin = {
  package: 'u-boot',
  version: '2023.01+dfsg-2+deb12u3',
  license: 'GPL-2.0-or-later',
  sha256: {
    'u-boot_2023.01+dfsg-2+deb12u3.dsc': 'baf9a1492456920ff66b00fdd19ce8c588261bc2698b4875c9f5fdcfb1332aae',
    'u-boot_2023.01+dfsg.orig.tar.xz': 'e75da6f089d063aaef39a1c17f1631791d87700662624e18de2121fa39a1ed44',
    'u-boot_2023.01+dfsg-2+deb12u3.debian.tar.xz': 'f9d96a5095d542d8732eccdabcd1d1e7eaaa832311ce395f78b8ead1fad9845e',
  },
};

/** A U-Boot build Kiln knows how to make, and the files it keeps from it. */
export interface UBootTarget {
  readonly defconfig: string;
  /** Built files kept in the cache, by path in the build folder. */
  readonly keep: readonly string[];
  /** The same U-Boot as Debian ships it, when it does: its arm64 package, the binary's path in it and the package's SHA-256. */
  readonly debian?: { readonly package: string; readonly version: string; readonly binary: string; readonly sha256: string };
  /** The U-Boot additions appended to the kept device trees (as U-Boot's build appends its `*-u-boot.dtsi`). */
  readonly uBootDtsi?: string;
}

/** U-Boot for the Raspberry Pi 3 in AArch64 (u-boot.bin, loaded by the firmware or QEMU at 0x80000), with the Pi 3 B's device tree. */
export const RPI_ARM64: UBootTarget = {
  defconfig: 'rpi_arm64_defconfig',
  keep: ['u-boot.bin', 'arch/arm/dts/bcm2837-rpi-3-b.dtb', 'arch/arm/dts/bcm2837-rpi-3-b-plus.dtb'],
  debian: {
    package: 'u-boot-rpi',
    version: U_BOOT_SOURCE.version,
    binary: 'usr/lib/u-boot/rpi_arm64/u-boot.bin',
    sha256: '3722f286cfafca03f4cac7adade04fccf66158ad8467501b9deabd154162b5e8',
  },
  uBootDtsi: 'bcm283x-u-boot.dtsi',
};

/**
 * U-Boot for `target` the fast way: Debian's binary and device trees
 * compiled from the source (see the file's comment), from the cache or
 * fetched now.
 *
 * @throws KilnError when Debian ships no binary for the target, a download fails or does not match its pin
 */
export function uBootFromDebian(target: UBootTarget, opts: { readonly cache: string; readonly onProgress?: (message: string) => void }): UBootBuild {
  const pin = target.debian;
  if (!pin) throw new KilnError([{ message: `Debian ships no U-Boot binary for ${target.defconfig}`, hint: 'build it from the source: uBootBuild()' }]);
  const dir = join(opts.cache, 'u-boot', pin.version, `${target.defconfig.replace(/_defconfig$/, '')}-debian`);
  const files = Object.fromEntries(target.keep.map((p) => [p.split('/').pop()!, join(dir, p.split('/').pop()!)]));
  const stamp = join(dir, '.kiln-built');
  const stampOf = (f: Readonly<Record<string, string>>) => `${pin.package} ${pin.version} ${pin.sha256}\n${stampText(target, f)}`;
  if (existsSync(stamp) && Object.values(files).every((f) => existsSync(f)) && readFileSync(stamp, 'utf8') === stampOf(files)) {
    return { dir, files, built: false };
  }
  const work = `${dir}.fetching-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    opts.onProgress?.(`fetching ${pin.package} ${pin.version} (arm64) from Debian's archive; later runs use ${dir}`);
    const deb = downloadArm64Package(pin.package, pin.version, join(opts.cache, 'apt-arm64'), work);
    const sha = createHash('sha256').update(readFileSync(deb)).digest('hex');
    if (sha !== pin.sha256) {
      throw new KilnError([{ message: `${pin.package}_${pin.version}_arm64.deb has SHA-256 ${sha}, not the pinned ${pin.sha256}`, hint: 'the archive served another file: nothing was used' }]);
    }
    run('dpkg-deb', ['-x', deb, join(work, 'root')]);
    copyFileSync(join(work, 'root', pin.binary), join(work, pin.binary.split('/').pop()!));
    const tree = ensureUpstream(U_BOOT_SOURCE, 'u-boot', { cache: opts.cache, onProgress: opts.onProgress });
    for (const p of target.keep.filter((k) => k.endsWith('.dtb'))) compileDtb(tree, p, target.uBootDtsi, join(work, p.split('/').pop()!));
    rmSync(join(work, 'root'), { recursive: true, force: true });
    rmSync(deb, { force: true });
  } catch (cause) {
    rmSync(work, { recursive: true, force: true });
    if (KilnError.isKilnError(cause)) throw cause;
    throw new KilnError([{ message: `fetching U-Boot (${pin.package}) failed: ${String((cause as { stderr?: Buffer }).stderr ?? cause).trim().split('\n').slice(-6).join('\n')}` }], { cause });
  }
  const kept = Object.fromEntries(target.keep.map((p) => [p.split('/').pop()!, join(work, p.split('/').pop()!)]));
  writeFileSync(join(work, '.kiln-built'), stampOf(kept));
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  return { dir, files, built: true };
}

/**
 * Downloads `package_version_arm64.deb` into `into` through apt with a
 * state of its own (`state`: arm64 package lists and nothing else), so the
 * machine's apt configuration and its architectures stay as they are.
 */
function downloadArm64Package(pkg: string, version: string, state: string, into: string): string {
  for (const d of ['lists/partial', 'archives/partial']) mkdirSync(join(state, d), { recursive: true });
  if (!existsSync(join(state, 'status'))) writeFileSync(join(state, 'status'), '');
  const apt = [
    '-o', `Dir::State=${state}`, '-o', `Dir::State::Lists=${join(state, 'lists')}`, '-o', `Dir::State::Status=${join(state, 'status')}`,
    '-o', `Dir::Cache=${state}`, '-o', `Dir::Cache::Archives=${join(state, 'archives')}`,
    '-o', 'APT::Architecture=arm64', '-o', 'APT::Architectures::=arm64', '-o', 'Acquire::Languages=none',
    // Root would hand the download to the _apt user, who cannot write into a user's cache.
    ...(process.getuid?.() === 0 ? ['-o', 'APT::Sandbox::User=root'] : []),
  ];
  const has = () => spawnSync('apt-cache', [...apt, 'show', `${pkg}=${version}`], { stdio: 'ignore' }).status === 0;
  if (!has()) run('apt-get', [...apt, '-qq', 'update']);
  run('apt-get', [...apt, '-qq', 'download', `${pkg}:arm64=${version}`], into);
  const deb = readdirSync(into).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('_arm64.deb'));
  if (!deb) throw new KilnError([{ message: `apt-get download ${pkg}:arm64=${version} wrote no package` }]);
  return join(into, deb);
}

/**
 * A device tree as U-Boot's build compiles it (scripts/Makefile.lib's
 * cmd_dtc): the .dts with U-Boot's additions appended, through the C
 * preprocessor, then dtc with U-Boot's flags (-@ for overlays, 8-byte
 * alignment) — the same bytes as `make dtbs`.
 */
function compileDtb(tree: string, kept: string, uBootDtsi: string | undefined, out: string): void {
  const dts = join(tree, kept.replace(/\.dtb$/, '.dts'));
  const wrapper = `${out}.pre.dts`;
  writeFileSync(wrapper, `#include "${dts}"\n${uBootDtsi ? `#include "${join(tree, 'arch/arm/dts', uBootDtsi)}"\n` : ''}`);
  const pre = `${out}.pp`;
  run('cpp', ['-nostdinc', '-I', join(tree, 'arch/arm/dts'), '-I', join(tree, 'arch/arm/dts/include'), '-I', join(tree, 'include'),
    '-D__ASSEMBLY__', '-undef', '-D__DTS__', '-x', 'assembler-with-cpp', '-o', pre, wrapper]);
  run('dtc', ['-q', '-O', 'dtb', '-o', out, '-b', '0', '-i', join(tree, 'arch/arm/dts'), '-@', '-a', '0x8', pre]);
  rmSync(wrapper, { force: true });
  rmSync(pre, { force: true });
}

function run(program: string, args: readonly string[], cwd?: string): void {
  execFileSync(program, args, { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024, ...(cwd ? { cwd } : {}) });
}

/** The cached build: each kept file by its base name, and the folder. */
export interface UBootBuild {
  readonly dir: string;
  readonly files: Readonly<Record<string, string>>;
  /** Whether this call built it (false: it came from the cache). */
  readonly built: boolean;
}

/**
 * U-Boot for `target`, from the cache or built now.
 *
 * @throws KilnError when the source cannot be fetched or the build fails (its last lines)
 */
export function uBootBuild(target: UBootTarget, opts: { readonly cache: string; readonly jobs?: number; readonly onProgress?: (message: string) => void }): UBootBuild {
  const dir = join(opts.cache, 'u-boot', `${U_BOOT_SOURCE.version}`, target.defconfig.replace(/_defconfig$/, ''));
  const files = Object.fromEntries(target.keep.map((p) => [p.split('/').pop()!, join(dir, p.split('/').pop()!)]));
  const stamp = join(dir, '.kiln-built');
  if (existsSync(stamp) && Object.values(files).every((f) => existsSync(f)) && readFileSync(stamp, 'utf8') === stampText(target, files)) {
    return { dir, files, built: false };
  }
  const tree = ensureUpstream(U_BOOT_SOURCE, 'u-boot', { cache: opts.cache, onProgress: opts.onProgress });
  const work = `${dir}.building-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const make = (args: string[]) => execFileSync('make', ['-C', tree, `O=${work}`, 'CROSS_COMPILE=aarch64-linux-gnu-', 'ARCH=arm', ...args], {
    stdio: 'pipe',
    maxBuffer: 256 * 1024 * 1024,
    // Reproducible: U-Boot prints the build time in its banner.
    env: { ...process.env, SOURCE_DATE_EPOCH: '946684800', KBUILD_BUILD_USER: 'kiln', KBUILD_BUILD_HOST: 'kiln' },
  });
  opts.onProgress?.(`building U-Boot ${U_BOOT_SOURCE.version} (${target.defconfig}) once; later runs use ${dir}`);
  try {
    make([target.defconfig]);
    make([`-j${opts.jobs ?? 2}`, 'u-boot.bin', 'dtbs']);
  } catch (cause) {
    const err = String((cause as { stderr?: Buffer }).stderr ?? cause).trim().split('\n').slice(-8).join('\n');
    throw new KilnError([{
      message: `building U-Boot (${target.defconfig}) failed:\n${err}`,
      hint: 'scripts/setup.sh installs what the build needs (bison, flex, bc, libssl-dev, the aarch64 cross compiler)',
    }], { cause, fault: 'user' });
  }
  const done = `${dir}.done-${process.pid}`;
  rmSync(done, { recursive: true, force: true });
  mkdirSync(done, { recursive: true });
  for (const p of target.keep) copyFileSync(join(work, p), join(done, p.split('/').pop()!));
  const kept = Object.fromEntries(target.keep.map((p) => [p.split('/').pop()!, join(done, p.split('/').pop()!)]));
  writeFileSync(join(done, '.kiln-built'), stampText(target, kept));
  rmSync(dir, { recursive: true, force: true });
  renameSync(done, dir);
  rmSync(work, { recursive: true, force: true });
  return { dir, files, built: true };
}

/** What the cache stamp records: the source, the defconfig and each kept file's SHA-256 (a changed file is rebuilt). */
function stampText(target: UBootTarget, files: Readonly<Record<string, string>>): string {
  const lines = [`u-boot ${U_BOOT_SOURCE.version} ${target.defconfig}`];
  for (const [name, path] of Object.entries(files).sort()) {
    lines.push(`${name} ${existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing'}`);
  }
  return `${lines.join('\n')}\n`;
}
