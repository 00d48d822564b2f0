// SPDX-License-Identifier: MIT

/** An address or size as 0x-prefixed lowercase hex. */
export function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** A C string literal for `s`. */
export function cString(s: string): string {
  return JSON.stringify(s).replace(/\?/g, '\\?');
}
