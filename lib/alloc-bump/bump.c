/* SPDX-License-Identifier: MIT */
/*
 * Bump allocator. Every block has a 16-byte header just below it: its
 * size, and where the break was before it (so that freeing the newest
 * block moves the break back).
 */
#include <stdint.h>
#include <string.h>
#include <alloc-bump/bump.h>

#define BUMP_ALIGN 16u
/* Hand-overs start on a page so the next allocator can give out pages. */
#define BUMP_RELEASE_ALIGN 4096u

struct bump_header {
	size_t size;
	uintptr_t prev_brk;
};

static struct bump_header *header_of(void *p)
{
	return (struct bump_header *)p - 1;
}

static int bump_add_region(void *self, void *base, size_t len)
{
	struct kiln_bump *b = self;
	uintptr_t start = ((uintptr_t)base + BUMP_ALIGN - 1) & ~(uintptr_t)(BUMP_ALIGN - 1);
	uintptr_t end = (uintptr_t)base + len;

	if (end <= start)
		return -1;
	/* One region at a time: keep whichever has more room. */
	if (b->end - b->brk >= end - start)
		return 0;
	b->start = b->brk = start;
	b->end = end;
	return 0;
}

static void *bump_memalign(void *self, size_t align, size_t size)
{
	struct kiln_bump *b = self;
	uintptr_t p;
	struct bump_header *h;

	if (align < BUMP_ALIGN)
		align = BUMP_ALIGN;
	if (size > b->end - b->start)
		return 0;
	size = (size + BUMP_ALIGN - 1) & ~(size_t)(BUMP_ALIGN - 1);
	p = (b->brk + sizeof(struct bump_header) + align - 1) & ~(uintptr_t)(align - 1);
	if (p < b->brk || p > b->end || b->end - p < size)
		return 0;
	h = header_of((void *)p);
	h->size = size;
	h->prev_brk = b->brk;
	b->brk = p + size;
	return (void *)p;
}

static void *bump_malloc(void *self, size_t size)
{
	return bump_memalign(self, BUMP_ALIGN, size);
}

static size_t bump_usable_size(void *self, void *p)
{
	(void)self;
	return header_of(p)->size;
}

static void bump_free(void *self, void *p)
{
	struct kiln_bump *b = self;
	struct bump_header *h = header_of(p);

	/* Only the newest block can be taken back. */
	if ((uintptr_t)p + h->size == b->brk)
		b->brk = h->prev_brk;
}

static void *bump_realloc(void *self, void *p, size_t size)
{
	struct kiln_bump *b = self;
	struct bump_header *h = header_of(p);
	size_t rounded = (size + BUMP_ALIGN - 1) & ~(size_t)(BUMP_ALIGN - 1);
	void *q;

	if (size <= h->size && rounded >= size) {
		if ((uintptr_t)p + h->size == b->brk)
			b->brk = (uintptr_t)p + rounded;
		h->size = rounded;
		return p;
	}
	/* The newest block grows in place when the region has room. */
	if ((uintptr_t)p + h->size == b->brk && rounded >= size && b->end - (uintptr_t)p >= rounded) {
		h->size = rounded;
		b->brk = (uintptr_t)p + rounded;
		return p;
	}
	q = bump_malloc(self, size);
	if (!q)
		return 0;
	memcpy(q, p, h->size);
	bump_free(self, p);
	return q;
}

static int bump_release(void *self, void **base, size_t *len)
{
	struct kiln_bump *b = self;
	uintptr_t cut = (b->brk + BUMP_RELEASE_ALIGN - 1) & ~(uintptr_t)(BUMP_RELEASE_ALIGN - 1);

	if (cut > b->end)
		cut = b->end;
	*base = (void *)cut;
	*len = b->end - cut;
	b->end = cut;
	return 0;
}

static int bump_check(void *self)
{
	struct kiln_bump *b = self;

	return b->start <= b->brk && b->brk <= b->end ? 0 : -1;
}

const struct kiln_alloc_ops kiln_bump_ops = {
	.name = "bump",
	.add_region = bump_add_region,
	.malloc = bump_malloc,
	.memalign = bump_memalign,
	.realloc = bump_realloc,
	.free = bump_free,
	.usable_size = bump_usable_size,
	.release = bump_release,
	.check = bump_check,
};
