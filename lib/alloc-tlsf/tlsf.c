/* SPDX-License-Identifier: MIT */
/*
 * TLSF allocator, from the algorithm's published description.
 *
 * Block layout: a 16-byte header (the physically previous block, and this
 * block's payload size with a "free" flag in bit 0) followed by the
 * payload. A free block keeps its list links in the first 16 bytes of its
 * payload, so the smallest payload is 16 bytes. Each region ends with a
 * zero-size used block (the sentinel) so that merging stops there. Two
 * free blocks are never neighbours: free() merges them at once.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <alloc-tlsf/tlsf.h>

#define ALIGN          16u
#define HEADER         16u                      /* prev_phys + size */
#define MIN_PAYLOAD    16u                      /* room for the two list links */
#define FLAG_FREE      ((size_t)1)
#define SMALL_LIMIT    ((size_t)1 << KILN_TLSF_FL_SHIFT)
#define MAX_BLOCK      (((size_t)1 << KILN_TLSF_FL_MAX) - SMALL_LIMIT)

struct kiln_tlsf_block {
	struct kiln_tlsf_block *prev_phys;      /* NULL for the first block of a region */
	size_t size;                            /* payload bytes | FLAG_FREE */
	struct kiln_tlsf_block *next_free;      /* free blocks only */
	struct kiln_tlsf_block *prev_free;      /* free blocks only */
};

typedef struct kiln_tlsf_block block_t;

static size_t size_of(const block_t *b)
{
	return b->size & ~FLAG_FREE;
}

static int is_free(const block_t *b)
{
	return (int)(b->size & FLAG_FREE);
}

static block_t *next_phys(const block_t *b)
{
	return (block_t *)((char *)b + HEADER + size_of(b));
}

static void *payload(block_t *b)
{
	return (char *)b + HEADER;
}

static block_t *block_of(void *p)
{
	return (block_t *)((char *)p - HEADER);
}

static size_t round_up(size_t n)
{
	return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

static unsigned int fls_size(size_t n)
{
	return 63u - (unsigned int)__builtin_clzll((unsigned long long)n);
}

/* The list a free block of @size belongs in. */
static void mapping_insert(size_t size, unsigned int *fl, unsigned int *sl)
{
	if (size < SMALL_LIMIT) {
		*fl = 0;
		*sl = (unsigned int)(size / (SMALL_LIMIT / KILN_TLSF_SL_COUNT));
	} else {
		unsigned int f = fls_size(size);

		*sl = (unsigned int)(size >> (f - KILN_TLSF_SL_LOG2)) - KILN_TLSF_SL_COUNT;
		*fl = f - KILN_TLSF_FL_SHIFT + 1;
	}
}

/*
 * The first list whose every block holds @size: round @size up to the
 * next class boundary, so no block found there needs checking.
 */
static void mapping_search(size_t size, unsigned int *fl, unsigned int *sl)
{
	if (size >= SMALL_LIMIT)
		size += ((size_t)1 << (fls_size(size) - KILN_TLSF_SL_LOG2)) - 1;
	mapping_insert(size, fl, sl);
}

static void list_insert(struct kiln_tlsf *t, block_t *b)
{
	unsigned int fl, sl;
	block_t *head;

	mapping_insert(size_of(b), &fl, &sl);
	head = t->free[fl][sl];
	b->next_free = head;
	b->prev_free = 0;
	if (head)
		head->prev_free = b;
	t->free[fl][sl] = b;
	t->fl_bitmap |= 1u << fl;
	t->sl_bitmap[fl] |= 1u << sl;
}

static void list_remove(struct kiln_tlsf *t, block_t *b)
{
	unsigned int fl, sl;

	mapping_insert(size_of(b), &fl, &sl);
	if (b->next_free)
		b->next_free->prev_free = b->prev_free;
	if (b->prev_free) {
		b->prev_free->next_free = b->next_free;
	} else {
		t->free[fl][sl] = b->next_free;
		if (!b->next_free) {
			t->sl_bitmap[fl] &= ~(1u << sl);
			if (!t->sl_bitmap[fl])
				t->fl_bitmap &= ~(1u << fl);
		}
	}
}

/* A free block of at least @size, taken off its list; NULL if none. */
static block_t *take_free(struct kiln_tlsf *t, size_t size)
{
	unsigned int fl, sl;
	uint32_t sl_map, fl_map;
	block_t *b;

	if (size > MAX_BLOCK)
		return 0;
	mapping_search(size, &fl, &sl);
	if (fl >= KILN_TLSF_FL_COUNT)
		return 0;
	sl_map = t->sl_bitmap[fl] & (~0u << sl);
	if (!sl_map) {
		fl_map = fl + 1 < 32 ? t->fl_bitmap & (~0u << (fl + 1)) : 0;
		if (!fl_map)
			return 0;
		fl = (unsigned int)__builtin_ctz(fl_map);
		sl_map = t->sl_bitmap[fl];
	}
	sl = (unsigned int)__builtin_ctz(sl_map);
	b = t->free[fl][sl];
	list_remove(t, b);
	return b;
}

/* Marks @b free and puts it on a list, merged with free neighbours. */
static void release(struct kiln_tlsf *t, block_t *b)
{
	block_t *prev = b->prev_phys, *next = next_phys(b);

	if (next->size & FLAG_FREE) {
		list_remove(t, next);
		b->size = size_of(b) + HEADER + size_of(next);
		next_phys(b)->prev_phys = b;
	}
	if (prev && is_free(prev)) {
		list_remove(t, prev);
		prev->size = size_of(prev) + HEADER + size_of(b);
		b = prev;
		next_phys(b)->prev_phys = b;
	}
	b->size = size_of(b) | FLAG_FREE;
	list_insert(t, b);
}

/* Cuts @b (used, not on a list) down to @size, freeing the rest when it can hold a block. */
static void trim(struct kiln_tlsf *t, block_t *b, size_t size)
{
	size_t have = size_of(b);
	block_t *rest;

	if (have < size + HEADER + MIN_PAYLOAD)
		return;
	rest = (block_t *)((char *)b + HEADER + size);
	rest->size = have - size - HEADER;
	rest->prev_phys = b;
	b->size = size;
	next_phys(rest)->prev_phys = rest;
	release(t, rest);
}

static void *tlsf_malloc(void *self, size_t size)
{
	struct kiln_tlsf *t = self;
	block_t *b;

	size = size < MIN_PAYLOAD ? MIN_PAYLOAD : round_up(size);
	if (size < MIN_PAYLOAD)
		return 0;
	b = take_free(t, size);
	if (!b)
		return 0;
	b->size = size_of(b);
	trim(t, b, size);
	return payload(b);
}

static void *tlsf_memalign(void *self, size_t align, size_t size)
{
	struct kiln_tlsf *t = self;
	block_t *b, *aligned;
	uintptr_t p, a;
	size_t gap, want;

	size = size < MIN_PAYLOAD ? MIN_PAYLOAD : round_up(size);
	/* Room for the size, any misalignment, and a free block in front. */
	want = size + align + HEADER + MIN_PAYLOAD;
	if (size < MIN_PAYLOAD || want < size)
		return 0;
	b = take_free(t, want);
	if (!b)
		return 0;
	b->size = size_of(b);
	p = (uintptr_t)payload(b);
	a = (p + align - 1) & ~(uintptr_t)(align - 1);
	if (a != p && a - p < HEADER + MIN_PAYLOAD)
		a = (p + HEADER + MIN_PAYLOAD + align - 1) & ~(uintptr_t)(align - 1);
	gap = a - p;
	if (gap) {
		/* The bytes in front become a free block of their own. */
		aligned = (block_t *)((char *)b + gap);
		aligned->size = size_of(b) - gap;
		aligned->prev_phys = b;
		next_phys(aligned)->prev_phys = aligned;
		b->size = gap - HEADER;
		release(t, b);
		b = aligned;
	}
	trim(t, b, size);
	return payload(b);
}

static void tlsf_free(void *self, void *p)
{
	block_t *b = block_of(p);

	if (is_free(b))
		kiln_alloc_fatal("tlsf: free of a block that is already free (double free or corrupted heap)");
	release(self, b);
}

static size_t tlsf_usable_size(void *self, void *p)
{
	(void)self;
	return size_of(block_of(p));
}

static void *tlsf_realloc(void *self, void *p, size_t size)
{
	struct kiln_tlsf *t = self;
	block_t *b = block_of(p), *next;
	size_t have = size_of(b);
	void *q;

	size = size < MIN_PAYLOAD ? MIN_PAYLOAD : round_up(size);
	if (size < MIN_PAYLOAD)
		return 0;
	if (size <= have) {
		trim(t, b, size);
		return p;
	}
	/* Grow into a free neighbour when together they are big enough. */
	next = next_phys(b);
	if (is_free(next) && have + HEADER + size_of(next) >= size) {
		list_remove(t, next);
		b->size = have + HEADER + size_of(next);
		next_phys(b)->prev_phys = b;
		trim(t, b, size);
		return p;
	}
	q = tlsf_malloc(self, size);
	if (!q)
		return 0;
	memcpy(q, p, have);
	release(t, b);
	return q;
}

static int tlsf_add_region(void *self, void *base, size_t len)
{
	struct kiln_tlsf *t = self;
	uintptr_t start = ((uintptr_t)base + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);
	uintptr_t end = ((uintptr_t)base + len) & ~(uintptr_t)(ALIGN - 1);
	int added = 0;

	/* Regions larger than the biggest block become several regions. */
	while (end > start && end - start >= 2 * HEADER + MIN_PAYLOAD) {
		size_t span = end - start;
		block_t *first = (block_t *)start, *sentinel;

		if (span > MAX_BLOCK)
			span = MAX_BLOCK & ~(size_t)(ALIGN - 1);
		first->prev_phys = 0;
		first->size = span - 2 * HEADER;
		sentinel = next_phys(first);
		sentinel->prev_phys = first;
		sentinel->size = 0;
		release(t, first);
		start += span;
		added = 1;
	}
	return added ? 0 : -1;
}

int kiln_tlsf_check(struct kiln_tlsf *t)
{
	for (unsigned int fl = 0; fl < KILN_TLSF_FL_COUNT; fl++) {
		if (!(t->fl_bitmap & (1u << fl)) != !t->sl_bitmap[fl])
			return -1;
		for (unsigned int sl = 0; sl < KILN_TLSF_SL_COUNT; sl++) {
			block_t *b = t->free[fl][sl];

			if (!(t->sl_bitmap[fl] & (1u << sl)) != !b)
				return -2;
			for (; b; b = b->next_free) {
				unsigned int f, s;

				mapping_insert(size_of(b), &f, &s);
				if (f != fl || s != sl || !is_free(b))
					return -3;
				if (b->prev_phys && is_free(b->prev_phys))
					return -4;
				if (is_free(next_phys(b)) || next_phys(b)->prev_phys != b)
					return -5;
			}
		}
	}
	return 0;
}

static int tlsf_check(void *self)
{
	return kiln_tlsf_check(self);
}

const struct kiln_alloc_ops kiln_tlsf_ops = {
	.name = "tlsf",
	.add_region = tlsf_add_region,
	.malloc = tlsf_malloc,
	.memalign = tlsf_memalign,
	.realloc = tlsf_realloc,
	.free = tlsf_free,
	.usable_size = tlsf_usable_size,
	.check = tlsf_check,
};
