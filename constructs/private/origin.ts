// SPDX-License-Identifier: MIT
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
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
  const stack = new Error().stack?.split('\n').slice(1) ?? [];
  for (const frame of stack) {
    const m = FRAME.exec(frame.trim());
    if (!m) continue;
    const file = m[1].startsWith('file://') ? fileURLToPath(m[1]) : m[1];
    if (file.startsWith('node:') || file.includes(`${sep}node_modules${sep}`)) continue;
    if (file.startsWith(KILN_ROOT) && !isUserFileInsideKiln(file)) continue;
    return { path, file: displayPath(file), line: Number(m[2]), column: Number(m[3]) };
  }
  return { path };
}

/** Examples and tests live inside the Kiln tree but are user programs. */
function isUserFileInsideKiln(file: string): boolean {
  const rel = relative(KILN_ROOT, file);
  return rel.startsWith(`examples${sep}`) || rel.startsWith(`test${sep}`) || rel.startsWith(`bench${sep}`);
}

export { displayPath };
