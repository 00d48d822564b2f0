// SPDX-License-Identifier: MIT
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** One folder on an image's include path. */
export interface IncludeDir {
  /** As it goes on the command line (Kiln-root relative for libraries, assembly relative for generated). */
  readonly dir: string;
  /**
   * Generated folders hold files that exist only in the plan: their
   * contents by path relative to the folder. Library folders are read
   * from disk under the Kiln root.
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
 * The result only decides how much an object can be shared: a source is
 * compiled with exactly the folders found, so a header the scan missed
 * makes the compile fail loudly instead of silently sharing an object
 * built against another image's generated header. Includes in comments or
 * in #if branches are followed too, which can only add folders.
 */
export class IncludeScanner {
  private readonly files = new Map<string, string | undefined>();

  /** @param root the Kiln root, against which library folders and sources resolve */
  constructor(private readonly root: string) {}

  /**
   * Scans `source` (Kiln-root relative, or with `content` given for a
   * generated source) against the image's include path `path`.
   */
  scan(source: { readonly path: string; readonly content?: string; readonly generated?: boolean }, path: readonly IncludeDir[]): IncludeScan {
    const used = new Set<IncludeDir>();
    const seen = new Set<string>();
    let opaque = false;
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
        for (const inc of path) {
          if (inc.generated) {
            const text = inc.generated.get(name);
            if (text === undefined) continue;
            used.add(inc);
            visit({ key: `${inc.dir}/${name}`, dir: undefined, text });
          } else {
            const rel = normalize(join(inc.dir, name));
            const text = this.read(rel);
            if (text === undefined) continue;
            used.add(inc);
            visit({ key: rel, dir: dirname(rel), text });
          }
          break;
        }
      }
    };
    if (source.content !== undefined) visit({ key: `generated:${source.path}`, dir: undefined, text: source.content });
    else visit({ key: source.path, dir: dirname(source.path), text: this.read(source.path) });
    if (opaque) return { dirs: [...path], opaque };
    return { dirs: path.filter((d) => used.has(d)), opaque };
  }

  private read(rel: string): string | undefined {
    if (!this.files.has(rel)) {
      const abs = join(this.root, rel);
      let text: string | undefined;
      try {
        if (statSync(abs).isFile()) text = readFileSync(abs, 'utf8');
      } catch {
        text = undefined;
      }
      this.files.set(rel, text);
    }
    return this.files.get(rel);
  }
}
