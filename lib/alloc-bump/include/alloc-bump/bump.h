/* SPDX-License-Identifier: MIT */
/*
 * Bump (region) allocator: hands out memory from the front of one region
 * and never searches. Frees are honoured only for the most recent
 * allocation (last in, first out), which is what boot code does; other
 * frees are counted but the memory stays used until the hand-over.
 */
#ifndef ALLOC_BUMP_H
#define ALLOC_BUMP_H

#include <stdint.h>
#include <kiln/alloc_impl.h>

/**
 * struct kiln_bump - one bump allocator.
 * @start: first byte of the region
 * @brk:   first free byte
 * @end:   end of the region
 */
struct kiln_bump {
	uintptr_t start;
	uintptr_t brk;
	uintptr_t end;
};

/** The bump allocator's operations, for kiln_alloc_register(). */
extern const struct kiln_alloc_ops kiln_bump_ops;

#endif /* ALLOC_BUMP_H */
