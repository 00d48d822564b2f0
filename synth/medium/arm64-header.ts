// SPDX-License-Identifier: MIT
/**
 * The arm64 Image header (the Linux arm64 boot protocol, which U-Boot's
 * booti and the Raspberry Pi firmware read): 64 little-endian bytes at
 * the start of the image.
 *
 *   0   code0        an instruction: the branch to the entry
 *   4   code1
 *   8   text_offset  where the image goes above a 2 MiB aligned RAM base
 *   16  image_size   its extent in memory, from its start (.bss included)
 *   24  flags        bit 0 big-endian, bits 1-2 page size (1: 4 KiB),
 *                    bit 3 whether the base may be anywhere in RAM
 *   32  res2, res3, res4
 *   56  magic        "ARM\x64"
 *   60  res5         offset of a PE header (0: none)
 */
import type { BoardInfo } from '../spec/board-info.ts';

export const ARM64_IMAGE_MAGIC = 'ARM\x64';
const TWO_MIB = 2 * 1024 * 1024;

/** The fields of an arm64 Image header. */
export interface Arm64ImageHeader {
  readonly code0: number;
  readonly code1: number;
  readonly textOffset: number;
  readonly imageSize: number;
  readonly flags: {
    readonly bigEndian: boolean;
    /** 0: unspecified, else 4096, 16384 or 65536. */
    readonly pageSize: number;
    /** Bit 3: the 2 MiB aligned base may be anywhere in RAM (else as close to its start as possible). */
    readonly anywhere: boolean;
  };
  readonly magic: string;
  readonly res5: number;
  /** code0 decoded when it is an unconditional branch (B): its target, as an offset from the image's start. */
  readonly branchTarget?: number;
}

/** The header at the start of `bytes`, or undefined when there is none (too short, or no magic). */
export function parseArm64ImageHeader(bytes: Uint8Array): Arm64ImageHeader | undefined {
  if (bytes.length < 64) return undefined;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, 64);
  const magic = b.toString('latin1', 56, 60);
  if (magic !== ARM64_IMAGE_MAGIC) return undefined;
  const code0 = b.readUInt32LE(0);
  const flags = Number(b.readBigUInt64LE(24));
  // B imm26: 0b000101 in bits 31-26, the offset in words, signed.
  const branchTarget = (code0 >>> 26) === 0b000101 ? ((code0 << 6) >> 6) * 4 : undefined;
  return {
    code0,
    code1: b.readUInt32LE(4),
    textOffset: Number(b.readBigUInt64LE(8)),
    imageSize: Number(b.readBigUInt64LE(16)),
    flags: { bigEndian: (flags & 1) !== 0, pageSize: [0, 4096, 16384, 65536][(flags >> 1) & 3]!, anywhere: (flags & 8) !== 0 },
    magic,
    res5: b.readUInt32LE(60),
    ...(branchTarget !== undefined ? { branchTarget } : {}),
  };
}

/**
 * What is wrong with an image's header for `board`: a loader that honours
 * it (booti, the Pi firmware) must put the image where it is linked, at
 * the board's load address, i.e. the 2 MiB aligned RAM base below it plus
 * text_offset; and image_size must cover the file.
 */
export function imageHeaderProblems(bytes: Uint8Array, board: BoardInfo): string[] {
  const h = parseArm64ImageHeader(bytes);
  if (!h) return [`${board.artifact.file} has no arm64 Image header (no "ARM\\x64" magic at offset 56)`];
  const problems: string[] = [];
  const base = Math.floor(board.loadAddress / TWO_MIB) * TWO_MIB;
  if (base + h.textOffset !== board.loadAddress) {
    problems.push(`its text_offset 0x${h.textOffset.toString(16)} puts it at 0x${(base + h.textOffset).toString(16)}, but it is linked at 0x${board.loadAddress.toString(16)}`);
  }
  if (h.flags.anywhere) problems.push('its flags let the loader pick any 2 MiB aligned base, but it is linked at one address');
  if (h.flags.bigEndian) problems.push('its flags say big-endian');
  if (h.imageSize < bytes.length) problems.push(`its image_size ${h.imageSize} is below the file's ${bytes.length} bytes`);
  if (h.branchTarget === undefined) problems.push('code0 is not a branch');
  return problems;
}
