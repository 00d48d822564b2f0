/* SPDX-License-Identifier: MIT */
/*
 * Binary buddy allocator: blocks are powers of two aligned to their size,
 * split in halves to serve a request and merged with their "buddy" (the
 * other half) when both are free. Page-sized and page-aligned requests
 * are served without waste beyond the rounding to a power of two.
 *
 * Every block starts with a 16-byte tag (Knuth's TAG and KVAL: free or
 * reserved, and its order), so no side table is needed however large the
 * heap: the buddy of a block is always the start of some block, and its
 * tag says whether the two can merge.
 */
#ifndef ALLOC_BUDDY_H
#define ALLOC_BUDDY_H

#include <stdint.h>
#include <kiln/alloc_impl.h>

#define KILN_BUDDY_MIN_ORDER  5      /* 32 bytes: the tag and two list links */
#define KILN_BUDDY_MAX_ORDER  32     /* 4 GiB */
#define KILN_BUDDY_ORDERS     (KILN_BUDDY_MAX_ORDER - KILN_BUDDY_MIN_ORDER + 1)
#define KILN_BUDDY_REGIONS    4

struct kiln_buddy_free;

/**
 * struct kiln_buddy - one buddy allocator.
 * @free:     free lists, one per order
 * @regions:  the regions it manages: blocks merge only inside one
 * @nregions: how many
 */
struct kiln_buddy {
	struct kiln_buddy_free *free[KILN_BUDDY_ORDERS];
	struct {
		uintptr_t lo, hi;
	} regions[KILN_BUDDY_REGIONS];
	unsigned int nregions;
};

/** The buddy allocator's operations, for kiln_alloc_register(). */
extern const struct kiln_alloc_ops kiln_buddy_ops;

#endif /* ALLOC_BUDDY_H */
