// SPDX-License-Identifier: MIT
export { BumpAllocator } from './bump.ts';
export { TlsfAllocator } from './tlsf.ts';
export { BuddyAllocator } from './buddy.ts';
