// SPDX-License-Identifier: MIT
import { Allocator } from '../allocator.ts';

/**
 * TLSF, the two-level segregated fit allocator (lib/alloc-tlsf):
 * constant-time malloc and free, low fragmentation. The default
 * application allocator.
 *
 * It serves the application slot only: the boot slot needs an allocator
 * that can hand its unused memory over, which bump does.
 */
export class TlsfAllocator extends Allocator {
  static readonly kind = 'tlsf';
  static readonly serves = { boot: false, app: true } as const;

  private constructor() {
    super({ kind: 'tlsf', name: 'TlsfAllocator' });
  }
}
