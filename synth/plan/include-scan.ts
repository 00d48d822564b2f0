// SPDX-License-Identifier: MIT
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { GENERATED_TOKEN, KILN_ROOT_TOKEN, UPSTREAM_TOKEN } from '../toolchain.ts';

/** One folder on an image's include path. */
export interface IncludeDir {
  /** As it goes on the command line: a rooted path for libraries ({kiln}/..., absolute, {upstream}/...), assembly relative for generated headers. */
  readonly dir: string;
  /**
   * Generated folders hold files that exist only in the plan: their
   * contents by path relative to the folder. Library folders are read
   * from disk; upstream and generated trees are not (see IncludeScanner).
   */
  readonly generated?: ReadonlyMap<string, string>;
}

/** What a source can reach through #include. */
export interface IncludeScan {
  /**
   * The include folders it needs, a subsequence of the image's include
   * path in the same order, or every folder when the source includes
   * something the scanner cannot follow (a computed #include,
   * __has_include, #include_next).
   */
  readonly dirs: readonly IncludeDir[];
  /** Whether the scan gave up and kept the whole path. */
  readonly opaque: boolean;
}

const DIRECTIVE = /^[ \t]*#[ \t]*(include|import|include_next)\b[ \t]*(.*)$/gm;

/**
 * Finds the include folders a source can reach, following #include lines
 * through library headers and generated headers (not system headers).
 *
 * Upstream sources and what is generated from them are fetched after
 * synth, so the scan never reads them: a source in them, or an include it
 * cannot find while such a folder is on the path, keeps the whole path.
 * The plan is then the same whether or not the cache holds the sources.
 *
 * The result only decides how much an object can be shared: a source is
 * compiled with exactly the folders found, so a header the scan missed
 * makes the compile fail loudly instead of silently sharing an object
 * built against another image's generated header. Includes in comments or
 * in #if branches are followed too, which can only add folders.
 */
export class IncludeScanner {
  private readonly files = new Map<string, string | undefined>();

  /** @param root the Kiln root, which {kiln} stands for in rooted paths */
  constructor(private readonly root: string) {}

  /**
   * Scans `source` (a rooted path, or with `content` given for a
   * generated source) against the image's include path `path`.
   */
  scan(source: { readonly path: string; readonly content?: string; readonly generated?: boolean }, path: readonly IncludeDir[]): IncludeScan {
    const used = new Set<IncludeDir>();
    const seen = new Set<string>();
    const external = path.some((d) => isExternal(d.dir));
    let opaque = source.content === undefined && isExternal(source.path);
    const visit = (file: { key: string; dir: string | undefined; text: string | undefined }) => {
      if (seen.has(file.key) || file.text === undefined) return;
      seen.add(file.key);
      if (/__has_include/.test(file.text)) opaque = true;
      for (const m of file.text.matchAll(DIRECTIVE)) {
        const [, kind, rest] = m;
        const target = /^(<([^>]+)>|"([^"]+)")/.exec(rest);
        if (kind === 'include_next' || !target) {
          opaque = true;
          continue;
        }
        const name = target[2] ?? target[3];
        if (target[3] !== undefined && file.dir !== undefined) {
          const local = normalize(join(file.dir, name));
          const text = this.read(local);
          if (text !== undefined) {
            visit({ key: local, dir: dirname(local), text });
            continue;
          }
        }
        let found = false;
        for (const inc of path) {
          if (inc.generated) {
            const text = inc.generated.get(name);
            if (text === undefined) continue;
            used.add(inc);
            found = true;
            visit({ key: `${inc.dir}/${name}`, dir: undefined, text });
          } else {
            const rel = normalize(join(inc.dir, name));
            const text = this.read(rel);
            if (text === undefined) continue;
            used.add(inc);
            found = true;
            visit({ key: rel, dir: dirname(rel), text });
          }
          break;
        }
        // Not in any folder the scan can read: a system header, or one in a tree fetched later.
        if (!found && external) opaque = true;
      }
    };
    if (source.content !== undefined) visit({ key: `generated:${source.path}`, dir: undefined, text: source.content });
    else visit({ key: source.path, dir: dirname(source.path), text: this.read(source.path) });
    if (opaque) return { dirs: [...path], opaque };
    return { dirs: path.filter((d) => used.has(d)), opaque };
  }

  private read(rooted: string): string | undefined {
    if (!this.files.has(rooted)) {
      const abs = rooted.startsWith(`${KILN_ROOT_TOKEN}/`) ? join(this.root, rooted.slice(KILN_ROOT_TOKEN.length + 1)) : rooted.startsWith('/') ? rooted : undefined;
      let text: string | undefined;
      try {
        if (abs !== undefined && statSync(abs).isFile()) text = readFileSync(abs, 'utf8');
      } catch {
        text = undefined;
      }
      this.files.set(rooted, text);
    }
    return this.files.get(rooted);
  }
}

/** Whether a rooted path is in a tree the fetch step makes (upstream or generated), unread at plan time. */
function isExternal(rooted: string): boolean {
  return rooted.startsWith(`${UPSTREAM_TOKEN}/`) || rooted.startsWith(`${GENERATED_TOKEN}/`);
}
