/* SPDX-License-Identifier: MIT */
/*
 * Allocator API for implementers only: allocator libraries include this;
 * users of memory include <kiln/alloc.h>.
 *
 * The API layer does the bookkeeping every allocator would repeat:
 * statistics, calloc's overflow check and zeroing, which allocator owns a
 * pointer after the hand-over, realloc across allocators. An
 * implementation only manages its regions.
 */
#ifndef KILN_ALLOC_IMPL_H
#define KILN_ALLOC_IMPL_H

#include <stddef.h>
#include <kiln/alloc.h>

/**
 * struct kiln_alloc_ops - what an allocator provides. @self is the
 * allocator's state, registered with it.
 * @name:        short name, e.g. "tlsf"
 * @add_region:  take [@base, @base + @len) as free memory; may be called
 *               again with more. Return 0, or -1 if the region is unusable.
 * @malloc:      @size (> 0) bytes, 16-byte aligned, or NULL
 * @memalign:    @size bytes aligned to @align (a power of two above 16), or NULL
 * @realloc:     resize a block of this allocator to @size (> 0), moving it if
 *               needed; NULL on failure with the block untouched. Optional:
 *               without it the API allocates, copies and frees.
 * @free:        give back a block of this allocator
 * @usable_size: usable bytes of a block of this allocator
 * @release:     boot allocators: stop growing and hand over the unused end
 *               of the memory in *@base and *@len. Return 0, or -1 when
 *               the allocator cannot.
 * @check:       walk the allocator's own structures and check their
 *               invariants; 0 when consistent, a negative code otherwise.
 *               Optional (tests call it through kiln_alloc_check()).
 */
struct kiln_alloc_ops {
	const char *name;
	int (*add_region)(void *self, void *base, size_t len);
	void *(*malloc)(void *self, size_t size);
	void *(*memalign)(void *self, size_t align, size_t size);
	void *(*realloc)(void *self, void *ptr, size_t size);
	void (*free)(void *self, void *ptr);
	size_t (*usable_size)(void *self, void *ptr);
	int (*release)(void *self, void **base, size_t *len);
	int (*check)(void *self);
};

/**
 * kiln_alloc_register() - make (@ops, @self) the allocator of @slot.
 *
 * Called from the generated kiln_platform_bind(), before the init table.
 * The boot allocator gets the board's free RAM (after the image) at the
 * KILN_INIT_MEMORY step; the application allocator gets what the boot
 * allocator releases at KILN_INIT_HANDOVER.
 */
void kiln_alloc_register(enum kiln_alloc_slot slot, const struct kiln_alloc_ops *ops, void *self);

/**
 * kiln_alloc_fatal() - an allocator found its metadata corrupted (a double
 * free, a write past a block): report and end the image.
 */
void kiln_alloc_fatal(const char *what) __attribute__((noreturn));

#endif /* KILN_ALLOC_IMPL_H */
