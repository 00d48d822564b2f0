// SPDX-License-Identifier: MIT
import { Library } from './component.ts';

/** The two allocator slots of an image. */
export type AllocatorSlot = 'boot' | 'app';

/**
 * What every allocator class declares statically, so `.allocator()` can
 * check at compile time which slot each one may fill.
 */
export interface AllocatorClass<Kind extends string = string, Boot extends boolean = boolean, App extends boolean = boolean> {
  /** The library's catalog name, e.g. 'tlsf'. */
  readonly kind: Kind;
  /** Which slots the allocator can serve. */
  readonly serves: { readonly boot: Boot; readonly app: App };
  /** Marks allocator classes for the type checker and at run time. */
  readonly isAllocatorClass: true;
}

/**
 * Base of allocator micro-libraries. Subclasses declare `static kind` and
 * `static serves`; images take the classes themselves:
 * `.allocator(BumpAllocator, TlsfAllocator)`.
 */
export abstract class Allocator extends Library {
  static readonly isAllocatorClass = true as const;
}

/** True when `x` is an allocator class (from any copy of Kiln). */
export function isAllocatorClass(x: unknown): x is AllocatorClass {
  return typeof x === 'function' && (x as unknown as AllocatorClass).isAllocatorClass === true
    && typeof (x as unknown as AllocatorClass).kind === 'string';
}
