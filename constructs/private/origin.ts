// SPDX-License-Identifier: MIT
import { fileURLToPath } from 'node:url';
import { isAbsolute, relative, sep } from 'node:path';
import { displayPath } from '../../synth/paths.ts';
import type { Origin } from '../../synth/spec/image-spec.ts';

/** The root of this copy of Kiln, to tell the user's stack frames from ours. */
const KILN_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const FRAME = /\(?((?:file:\/\/)?[^():\s?]+)(?:\?[^:]*)?:(\d+):(\d+)\)?\s*$/;

/**
 * The user's file, line and column that called into Kiln: the first stack
 * frame outside Kiln's own sources and node internals. tsx maps frames back
 * to the TypeScript source, so the line is the one in image.ts.
 */
export function callerOrigin(path?: string): Origin {
  return originInStack(new Error().stack?.split('\n').slice(1) ?? [], path);
}

/** The first user frame of a V8 stack, as callerOrigin reads it. */
export function originInStack(stack: readonly string[], path?: string): Origin {
  for (const frame of stack) {
    const m = FRAME.exec(frame.trim());
    if (!m) continue;
    const file = m[1].startsWith('file://') ? fileURLToPath(m[1]) : m[1];
    // Node's own frames read 'node:internal/...' or, from its loader,
    // 'internal/modules/esm/...': neither is a path on disk.
    if (!isAbsolute(file) || file.includes(`${sep}node_modules${sep}`)) continue;
    if (isKilnSource(file)) continue;
    return { path, file: displayPath(file), line: Number(m[2]), column: Number(m[3]) };
  }
  return { path };
}

/** Kiln's own code; examples, tests and anything else in its tree are user programs. */
const KILN_SOURCE_DIRS = ['constructs', 'synth', 'bin', 'dist', 'boards', 'scripts'];

function isKilnSource(file: string): boolean {
  const rel = relative(KILN_ROOT, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return false;
  return KILN_SOURCE_DIRS.some((dir) => rel.startsWith(`${dir}${sep}`));
}

export { displayPath };
