// SPDX-License-Identifier: MIT
/**
 * JSON pointers (RFC 6901), the one way spec code names a place in a document.
 *
 * ajv reports `instancePath` in this form, the YAML walker records source
 * positions under it, and problems carry it to the user, so all three agree.
 */

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`. */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Appends reference tokens to a pointer: `child('/images', 3, 'id')` is `/images/3/id`. */
export function child(pointer: string, ...tokens: readonly (string | number)[]): string {
  let out = pointer;
  for (const token of tokens) out += `/${escapeToken(String(token))}`;
  return out;
}

/** Splits a pointer into its unescaped tokens; the root pointer `''` has none. */
export function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  // Unescape ~1 before ~0 so that "~01" reads as "~1", as RFC 6901 section 4 requires.
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer of the enclosing value, or undefined for the root. */
export function parent(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}
