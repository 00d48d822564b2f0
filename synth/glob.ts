// SPDX-License-Identifier: MIT
/**
 * File name patterns for program sources: `*` and `?` within a name,
 * `[abc]` and `{a,b}` alternatives, `**` for any depth of folders. Hidden
 * entries (a leading dot) match only a pattern that starts with a dot;
 * `**` never descends into node_modules, hidden folders or symbolic links
 * to folders. A walk stops at a bounded number of folders, so no pattern
 * can make synth read a whole disk.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';

/** Whether a path holds pattern characters. */
export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** Most folders one pattern may visit. */
export const MAX_FOLDERS = 20_000;

/** A pattern that reads too much of the disk. */
export class GlobTooWide extends Error {}

/** One name segment as a regular expression. */
function segmentPattern(segment: string): RegExp {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = segment.slice(i + 1, end).replace(/\\/g, '\\\\').replace(/^!/, '^');
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = segment.indexOf('}', i + 1);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${segment.slice(i + 1, end).split(',').map((a) => a.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('|')})`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * The regular files a pattern names, absolute and sorted. A relative
 * pattern is taken from `base`. A path without pattern characters names
 * itself, when it is a file.
 *
 * @throws GlobTooWide when the walk passes MAX_FOLDERS folders
 */
export function expandGlob(pattern: string, base: string): string[] {
  const absolute = isAbsolute(pattern) ? resolve(pattern) : resolve(base, pattern);
  const segments = absolute.split(sep).slice(1);
  const firstGlob = segments.findIndex(isGlob);
  if (firstGlob < 0) return statSync(absolute, { throwIfNoEntry: false })?.isFile() ? [absolute] : [];
  const start = `/${segments.slice(0, firstGlob).join('/')}`;
  const rest = segments.slice(firstGlob);
  const found = new Set<string>();
  let folders = 0;

  /** Walks folder `dir` for segment `at` of the rest of the pattern. */
  const visit = (dir: string, at: number): void => {
    if (++folders > MAX_FOLDERS) throw new GlobTooWide(`${pattern} reaches more than ${MAX_FOLDERS} folders`);
    const segment = rest[at];
    const last = at === rest.length - 1;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (segment === '**') {
      // Zero folders deep, then one more for each folder below.
      if (last) {
        for (const e of entries) if (!e.name.startsWith('.') && e.isFile()) found.add(join(dir, e.name));
      } else visit2(dir, at + 1, entries);
      for (const e of entries) {
        if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') visit(join(dir, e.name), at);
      }
      return;
    }
    visit2(dir, at, entries);
  };
  /** Matches segment `at` against a folder's entries. */
  const visit2 = (dir: string, at: number, entries: readonly Dirent[]): void => {
    const segment = rest[at];
    const last = at === rest.length - 1;
    const match = segmentPattern(segment);
    for (const e of entries) {
      if (e.name.startsWith('.') && !segment.startsWith('.')) continue;
      if (!match.test(e.name)) continue;
      const path = join(dir, e.name);
      const stat = e.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : e;
      if (!stat) continue;
      if (last) {
        if (stat.isFile()) found.add(path);
      } else if (stat.isDirectory()) visit(path, at + 1);
    }
  };
  visit(start, 0);
  return [...found].sort();
}
