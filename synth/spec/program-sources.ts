// SPDX-License-Identifier: MIT
/**
 * A program's sources and include folders, as the user wrote them (globs
 * and paths relative to their file), made into the absolute paths of the
 * normal form; shared by the Program construct and the spec loader.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { expandGlob, GlobTooWide, isGlob } from '../glob.ts';
import { isWithin } from '../host-files.ts';
import { PROGRAM_SOURCE } from '../catalog/program.ts';

/**
 * The characters a source or include path may hold: build.ninja hands
 * paths to the shell as they are, so anything else (a space, a quote, a
 * semicolon, a line break) is refused rather than escaped.
 */
export const SAFE_PATH = /^[\w@%+=,.\/-]+$/;

/** One thing wrong with a program's paths: which field and entry, and what. */
export interface ProgramPathProblem {
  readonly field: 'sources' | 'include';
  readonly index: number;
  readonly message: string;
  readonly hint?: string;
}

/**
 * Expands a program's source patterns and resolves its include folders
 * against `base` (the folder of the file that wrote them). Sources must be
 * inside `project`; a pattern that matches no source file, a source
 * outside the project and an include folder that does not exist are
 * problems.
 */
export function resolveProgramPaths(
  name: string,
  given: { readonly sources: readonly string[]; readonly include?: readonly string[] },
  base: string,
  project: string,
): { readonly sources: string[]; readonly include: string[]; readonly problems: ProgramPathProblem[] } {
  const problems: ProgramPathProblem[] = [];
  const sources = new Set<string>();
  given.sources.forEach((pattern, index) => {
    const at = (message: string, hint?: string) => problems.push({ field: 'sources', index, message: `program "${name}": ${message}`, ...(hint ? { hint } : {}) });
    const absolute = isAbsolute(pattern) ? resolve(pattern) : resolve(base, pattern);
    const fixed = absolute.split('/').filter((s, i, all) => !all.slice(0, i + 1).some(isGlob)).join('/') || '/';
    if (!isWithin(fixed, project)) {
      at(`sources "${pattern.slice(0, 120)}" is outside the project folder ${project}`, 'keep your sources in the project (the nearest folder above your image.ts or spec with package.json or .git)');
      return;
    }
    let files: string[];
    try {
      files = expandGlob(pattern, base);
    } catch (err) {
      if (!(err instanceof GlobTooWide)) throw err;
      at(`sources "${pattern.slice(0, 120)}" reaches too many folders`, 'name the source folder, e.g. "src/**/*.c" rather than "**/*.c"');
      return;
    }
    const matched = isGlob(pattern) ? files.filter((f) => PROGRAM_SOURCE.test(f)) : files;
    if (!matched.length) {
      at(isGlob(pattern) ? `sources "${pattern.slice(0, 120)}" matches no source file (.c, .cc, .cpp, .cxx, .S) in ${base}` : `source ${absolute} does not exist`,
        'check the pattern: it is relative to the file that names it');
      return;
    }
    for (const file of matched) {
      if (!SAFE_PATH.test(file)) {
        at(`source ${JSON.stringify(file.slice(0, 200))} has characters Kiln does not pass to the compiler`, 'rename it: letters, digits and _ @ % + = , . / - only');
        continue;
      }
      const real = realpathSync(file);
      if (!isWithin(real, realpathSync(project))) at(`source ${file} leads to ${real}, outside the project folder ${project}`);
      else sources.add(file);
    }
  });
  const include = (given.include ?? []).map((folder, index) => {
    const absolute = isAbsolute(folder) ? resolve(folder) : resolve(base, folder);
    if (!SAFE_PATH.test(absolute)) {
      problems.push({ field: 'include', index, message: `program "${name}": include folder ${JSON.stringify(absolute.slice(0, 200))} has characters Kiln does not pass to the compiler`, hint: 'rename it: letters, digits and _ @ % + = , . / - only' });
    } else if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) {
      problems.push({ field: 'include', index, message: `program "${name}": include folder ${absolute} does not exist`, hint: 'include folders are relative to the file that names them' });
    }
    return absolute;
  });
  return { sources: [...sources].sort(), include, problems };
}
