// SPDX-License-Identifier: MIT
import { Library } from '../component.ts';

/**
 * The memory report (lib/memreport), for any image: when it exits it
 * prints "kiln: memory: ..." lines with its static size, how deep the
 * boot and exception stacks went, the heap's peak, and the footprint
 * (static + stacks + heap peak). It uses no printf, so it does not make
 * the image it measures grow.
 */
export class MemReport extends Library<'MemReport', {}> {
  constructor() {
    super({ kind: 'memreport', name: 'MemReport' });
  }
}
