// SPDX-License-Identifier: MIT
/**
 * Expands the wildcards of a `source` statement.
 *
 * `source "lib/*\/Kconfig"` reads every match in sorted order, the way
 * kconfiglib does with Python's glob: `*`, `?` and `[...]` match within one
 * path segment, names starting with a dot are matched only by a pattern
 * segment that starts with a dot, and the full paths are sorted by code point.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { pyCompare } from './python-numbers.ts';

const MAGIC = /[*?[]/;

/**
 * Returns the paths matching `pattern` (an absolute path that may contain
 * wildcards), sorted. A pattern without wildcards yields itself if it exists.
 */
export function expandGlob(pattern: string): string[] {
  return globPaths(pattern).sort(pyCompare);
}

function globPaths(pattern: string): string[] {
  if (!MAGIC.test(pattern)) return exists(pattern) ? [pattern] : [];
  const [dir, base] = splitPath(pattern);
  const dirs = MAGIC.test(dir) ? globPaths(dir) : [dir];
  const out: string[] = [];
  for (const d of dirs) {
    if (MAGIC.test(base)) {
      const re = patternToRegExp(base);
      for (const entry of listDir(d)) {
        if (entry.startsWith('.') && !base.startsWith('.')) continue;
        if (re.test(entry)) out.push(joinPath(d, entry));
      }
    } else if (base === '') {
      if (isDir(d)) out.push(d);
    } else {
      const p = joinPath(d, base);
      if (exists(p)) out.push(p);
    }
  }
  return out;
}

// Python's os.path.split: the head keeps a root of slashes but loses trailing ones.
function splitPath(p: string): [string, string] {
  const cut = p.lastIndexOf('/') + 1;
  let head = p.slice(0, cut);
  const tail = p.slice(cut);
  if (head && !/^\/+$/.test(head)) head = head.replace(/\/+$/, '');
  return [head, tail];
}

// Joins without normalizing, so `a/../b` keeps the shape the user wrote.
function joinPath(dir: string, name: string): string {
  if (dir === '' ) return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Translates one segment of a shell pattern into an anchored regular expression. */
function patternToRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      let j = i + 1;
      if (segment[j] === '!') j++;
      if (segment[j] === ']') j++;
      while (j < segment.length && segment[j] !== ']') j++;
      if (j >= segment.length) {
        re += '\\[';
      } else {
        let body = segment.slice(i + 1, j).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        else if (body.startsWith('^')) body = `\\${body}`;
        re += `[${body}]`;
        i = j;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir === '' ? '.' : dir);
  } catch {
    return [];
  }
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
