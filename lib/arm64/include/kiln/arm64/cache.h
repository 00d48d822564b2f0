/* SPDX-License-Identifier: MIT */
/*
 * Cache maintenance by virtual address, to the point of coherency (Arm
 * ARM D7.5 "Cache maintenance instructions"). Needed when memory is
 * shared with something that does not snoop the caches: a DMA device, the
 * MMU's table walker while the caches are off, code written as data.
 */
#ifndef KILN_ARM64_CACHE_H
#define KILN_ARM64_CACHE_H

#include <stdint.h>

/** kiln_dcache_clean_range() - write dirty lines of [start, end) back to memory (DC CVAC). */
void kiln_dcache_clean_range(uintptr_t start, uintptr_t end);

/** kiln_dcache_inval_range() - drop lines of [start, end) without writing them back (DC IVAC). */
void kiln_dcache_inval_range(uintptr_t start, uintptr_t end);

/** kiln_dcache_clean_inval_range() - write back, then drop, lines of [start, end) (DC CIVAC). */
void kiln_dcache_clean_inval_range(uintptr_t start, uintptr_t end);

/** kiln_icache_inval_all() - invalidate the instruction cache to the point of unification (IC IALLU). */
void kiln_icache_inval_all(void);

#endif /* KILN_ARM64_CACHE_H */
