// SPDX-License-Identifier: MIT
import { Allocator } from '../allocator.ts';

/**
 * The bump (region) allocator (lib/alloc-bump): a break that only moves
 * up; only the newest block can be freed.
 *
 * The natural boot allocator, and an application allocator for images
 * that allocate once and keep everything. Give the class itself to
 * `.allocator()`: `.allocator(BumpAllocator, TlsfAllocator)`.
 */
export class BumpAllocator extends Allocator {
  static readonly kind = 'bump';
  static readonly serves = { boot: true, app: true } as const;

  private constructor() {
    super({ kind: 'bump', name: 'BumpAllocator' });
  }
}
