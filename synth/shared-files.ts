// SPDX-License-Identifier: MIT
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from './plan/link-plan.ts';

/**
 * Removes content-addressed header folders (_shared/include/<hash>) that
 * no image of the assembly uses any more. Objects nothing builds any more
 * are removed after a build by `ninja -t cleandead`, which knows them from
 * its log.
 */
export function pruneSharedHeaders(outdir: string, keep: Iterable<string>): void {
  const root = join(outdir, SHARED_DIR, 'include');
  if (!existsSync(root)) return;
  const used = new Set<string>();
  for (const file of keep) {
    const m = new RegExp(`^${SHARED_DIR}/include/([^/]+)/`).exec(file);
    if (m) used.add(m[1]);
  }
  for (const entry of readdirSync(root)) {
    if (!used.has(entry)) rmSync(join(root, entry), { recursive: true, force: true });
  }
}
