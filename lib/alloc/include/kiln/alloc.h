/* SPDX-License-Identifier: MIT */
/*
 * Allocator API: the memory every library and the C library's malloc
 * family get, whatever allocator serves it.
 *
 * An image has two allocators, chosen in Kconfig: the boot allocator
 * serves the init table (page tables, early tables of drivers); when init
 * is done it hands the memory it has not used to the application
 * allocator, which serves main() and everything after. Memory the boot
 * allocator gave out stays valid and can still be freed.
 */
#ifndef KILN_ALLOC_H
#define KILN_ALLOC_H

#include <stddef.h>

/** The two allocator slots of an image. */
enum kiln_alloc_slot {
	KILN_ALLOC_BOOT,
	KILN_ALLOC_APP,
};

/**
 * struct kiln_alloc_stats - what an allocator has given out.
 * @current:     bytes in live allocations (usable sizes)
 * @peak:        the highest @current has been
 * @allocations: successful allocations
 * @frees:       frees of non-NULL pointers
 * @failures:    requests that could not be met
 * @region:      bytes of memory the allocator was given
 */
struct kiln_alloc_stats {
	size_t current;
	size_t peak;
	size_t allocations;
	size_t frees;
	size_t failures;
	size_t region;
};

/** kiln_malloc() - @size bytes, 16-byte aligned; NULL when there is no room. */
void *kiln_malloc(size_t size);

/** kiln_calloc() - @n zeroed elements of @size bytes; NULL on overflow or no room. */
void *kiln_calloc(size_t n, size_t size);

/**
 * kiln_realloc() - resize @ptr to @size bytes, keeping its contents.
 *
 * NULL @ptr allocates; zero @size frees and returns NULL. On failure
 * @ptr is untouched and NULL is returned.
 */
void *kiln_realloc(void *ptr, size_t size);

/** kiln_memalign() - @size bytes aligned to @align, a power of two; NULL otherwise. */
void *kiln_memalign(size_t align, size_t size);

/** kiln_free() - give back memory from any of the above; NULL is ignored. */
void kiln_free(void *ptr);

/** kiln_usable_size() - bytes usable at @ptr (at least what was asked). */
size_t kiln_usable_size(void *ptr);

/** kiln_alloc_stats() - statistics of one slot's allocator. */
void kiln_alloc_stats(enum kiln_alloc_slot slot, struct kiln_alloc_stats *out);

/**
 * kiln_alloc_total() - statistics of both allocators together.
 *
 * @peak is the highest the sum of both slots' live bytes has been.
 */
void kiln_alloc_total(struct kiln_alloc_stats *out);

/**
 * kiln_alloc_check() - check both allocators' internal structures.
 *
 * Return: 0 when consistent (or the allocators cannot check themselves),
 * otherwise a negative code from the allocator that failed. For tests.
 */
int kiln_alloc_check(void);

/** kiln_alloc_name() - the name of the allocator in @slot, e.g. "tlsf". */
const char *kiln_alloc_name(enum kiln_alloc_slot slot);

#endif /* KILN_ALLOC_H */
