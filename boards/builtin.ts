// SPDX-License-Identifier: MIT
import { join } from 'node:path';
import { KILN_ROOT } from '../synth/paths.ts';
import type { BoardInfo } from '../synth/spec/board-info.ts';
import { readBoardFile } from '../synth/spec/board-file.ts';

const cache = new Map<string, BoardInfo>();

/**
 * The description of one of Kiln's boards, from boards/<id>/board.yaml:
 * the single source of the board's data, which spec files name by id and
 * the board classes hand to their images.
 */
export function builtinBoardInfo(id: string): BoardInfo {
  let info = cache.get(id);
  if (!info) {
    info = Object.freeze(readBoardFile(join(KILN_ROOT, 'boards', id, 'board.yaml'), 'kiln'));
    cache.set(id, info);
  }
  return info;
}
