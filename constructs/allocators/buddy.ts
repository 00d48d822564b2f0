// SPDX-License-Identifier: MIT
import { Allocator } from '../allocator.ts';

/**
 * The binary buddy allocator (lib/alloc-buddy): power-of-two blocks
 * aligned to their size; page allocations are exact, small ones round up.
 *
 * It serves the application slot only.
 */
export class BuddyAllocator extends Allocator {
  static readonly kind = 'buddy';
  static readonly serves = { boot: false, app: true } as const;

  private constructor() {
    super({ kind: 'buddy', name: 'BuddyAllocator' });
  }
}
