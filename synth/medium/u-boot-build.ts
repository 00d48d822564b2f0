// SPDX-License-Identifier: MIT
/**
 * U-Boot built from Debian's `u-boot` source package for a board Debian
 * ships no binary for (the Raspberry Pi 3 in 64-bit mode: `rpi_arm64`).
 * The tests boot the Pi's sdcard.img through it on QEMU's raspi3b.
 *
 * The source is pinned like any upstream (synth/fetch/upstream.ts: apt-get
 * source, SHA-256 of every file, the user cache). It is built out of tree
 * with the host's cross compiler and kept in `<cache>/u-boot/<version>/<defconfig>`:
 * the build takes minutes (about 4 on two cores), so it is done once and
 * later calls return the cached binary at once.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
}

/** U-Boot for the Raspberry Pi 3 in AArch64 (u-boot.bin, loaded by the firmware or QEMU at 0x80000), with the Pi 3 B's device tree. */
export const RPI_ARM64: UBootTarget = {
  defconfig: 'rpi_arm64_defconfig',
  keep: ['u-boot.bin', 'arch/arm/dts/bcm2837-rpi-3-b.dtb', 'arch/arm/dts/bcm2837-rpi-3-b-plus.dtb'],
};

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
