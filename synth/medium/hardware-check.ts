// SPDX-License-Identifier: MIT
/**
 * Images built for a real board that would not run on it: those whose
 * exit path is semihosting (`target: 'qemu'`), whose `hlt #0xf000` traps
 * on a board without a debugger.
 */
import type { ImageManifest } from '../plan/image-manifest.ts';
import { mediumKind } from './write-medium.ts';

/** An image for a real board that exits through semihosting. */
export interface QemuOnlyImage {
  readonly id: string;
  readonly board: string;
}

/** The images of `manifests` whose board is a real one (it has a boot medium) and whose exit is semihosting. */
export function qemuOnlyImagesForRealBoards(manifests: readonly ImageManifest[]): QemuOnlyImage[] {
  return manifests
    .filter((m) => m.exit === 'semihosting' && typeof m.spec.board !== 'string' && mediumKind(m.spec.board) !== undefined)
    .map((m) => ({ id: m.id, board: m.board.id }));
}

/** The warning `kiln build` prints for such an image. */
export function qemuTargetWarning(image: QemuOnlyImage): string {
  return `image "${image.id}" is built for ${image.board} with target 'qemu': it exits through semihosting (hlt #0xf000), which stops a real board without a debugger; give it target: 'hardware' to run it on the board (kiln build --medium refuses it)`;
}
