/* SPDX-License-Identifier: MIT */
/*
 * TLSF, the two-level segregated fit allocator (M. Masmano, I. Ripoll,
 * A. Crespo, J. Real, "TLSF: a New Dynamic Memory Allocator for Real-Time
 * Systems", ECRTS 2004): malloc and free in constant time, good fit, low
 * fragmentation.
 *
 * Free blocks are kept in lists by size class. The first level splits
 * sizes by powers of two, the second splits each power of two into
 * KILN_TLSF_SL_COUNT equal ranges; two bitmaps say which lists are
 * non-empty, so finding a block big enough is two find-first-set
 * instructions.
 */
#ifndef ALLOC_TLSF_H
#define ALLOC_TLSF_H

#include <stdint.h>
#include <kiln/alloc_impl.h>

#define KILN_TLSF_SL_LOG2   4                                 /* 16 second-level classes */
#define KILN_TLSF_SL_COUNT  (1 << KILN_TLSF_SL_LOG2)
#define KILN_TLSF_FL_SHIFT  (KILN_TLSF_SL_LOG2 + 4)           /* sizes below 256 share first level 0 */
#define KILN_TLSF_FL_MAX    32                                /* blocks below 4 GiB */
#define KILN_TLSF_FL_COUNT  (KILN_TLSF_FL_MAX - KILN_TLSF_FL_SHIFT + 1)

struct kiln_tlsf_block;

/**
 * struct kiln_tlsf - one TLSF allocator (its control structure).
 * @fl_bitmap: bit f set when some list of first level f is non-empty
 * @sl_bitmap: bit s of entry f set when list (f, s) is non-empty
 * @free:      heads of the free lists
 */
struct kiln_tlsf {
	uint32_t fl_bitmap;
	uint32_t sl_bitmap[KILN_TLSF_FL_COUNT];
	struct kiln_tlsf_block *free[KILN_TLSF_FL_COUNT][KILN_TLSF_SL_COUNT];
};

/** TLSF's operations, for kiln_alloc_register(). */
extern const struct kiln_alloc_ops kiln_tlsf_ops;

/**
 * kiln_tlsf_check() - walk every list and check the invariants.
 *
 * Return: 0 when consistent, or a negative number saying which check
 * failed. For tests.
 */
int kiln_tlsf_check(struct kiln_tlsf *t);

#endif /* ALLOC_TLSF_H */
