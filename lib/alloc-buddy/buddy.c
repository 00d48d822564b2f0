/* SPDX-License-Identifier: MIT */
/*
 * Buddy allocator (after Knuth, TAOCP vol. 1, 2.5 "Dynamic storage
 * allocation", the buddy system).
 *
 * A block of order k is 2^k bytes aligned to 2^k; its buddy is at
 * address ^ 2^k. Each block's first 16 bytes are its tag; the payload
 * follows. memalign() with more than 16-byte alignment hands out an
 * address inside a larger block and puts a redirect tag (offset back to
 * the block) just below it.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <alloc-buddy/buddy.h>

#define TAG_SIZE      16u
#define TAG_MAGIC     0x6b62u                   /* "kb" */
#define STATE_FREE    1u
#define STATE_USED    2u
#define STATE_ALIGNED 3u                        /* redirect: the block starts offset bytes below */

struct tag {
	uint16_t magic;
	uint8_t state;
	uint8_t order;
	uint32_t reserved;
	uint64_t offset;                        /* STATE_ALIGNED only */
};

struct kiln_buddy_free {
	struct tag tag;
	struct kiln_buddy_free *next;
	struct kiln_buddy_free *prev;
};

_Static_assert(sizeof(struct tag) == TAG_SIZE, "tag is 16 bytes");
_Static_assert(sizeof(struct kiln_buddy_free) <= (1u << KILN_BUDDY_MIN_ORDER), "smallest block holds the links");

#define ORDER_SIZE(k) ((uintptr_t)1 << (k))

static struct kiln_buddy_free **list(struct kiln_buddy *b, unsigned int order)
{
	return &b->free[order - KILN_BUDDY_MIN_ORDER];
}

static void push(struct kiln_buddy *b, uintptr_t addr, unsigned int order)
{
	struct kiln_buddy_free *f = (struct kiln_buddy_free *)addr, **head = list(b, order);

	f->tag.magic = TAG_MAGIC;
	f->tag.state = STATE_FREE;
	f->tag.order = (uint8_t)order;
	f->prev = 0;
	f->next = *head;
	if (*head)
		(*head)->prev = f;
	*head = f;
}

static void unlink(struct kiln_buddy *b, struct kiln_buddy_free *f)
{
	if (f->next)
		f->next->prev = f->prev;
	if (f->prev)
		f->prev->next = f->next;
	else
		*list(b, f->tag.order) = f->next;
}

/* Smallest order whose block holds @bytes. */
static unsigned int order_for(size_t bytes)
{
	unsigned int k = KILN_BUDDY_MIN_ORDER;

	while (k <= KILN_BUDDY_MAX_ORDER && ORDER_SIZE(k) < bytes)
		k++;
	return k;
}

/* A block of exactly @order, split off a larger one if need be; 0 if none. */
static uintptr_t take(struct kiln_buddy *b, unsigned int order)
{
	unsigned int k = order;
	struct kiln_buddy_free *f;
	uintptr_t addr;

	while (k <= KILN_BUDDY_MAX_ORDER && !*list(b, k))
		k++;
	if (k > KILN_BUDDY_MAX_ORDER)
		return 0;
	f = *list(b, k);
	unlink(b, f);
	addr = (uintptr_t)f;
	/* Split: keep the lower half, free the upper, until the size is right. */
	while (k > order) {
		k--;
		push(b, addr + ORDER_SIZE(k), k);
	}
	f->tag.magic = TAG_MAGIC;
	f->tag.state = STATE_USED;
	f->tag.order = (uint8_t)order;
	return addr;
}

static void *buddy_malloc(void *self, size_t size)
{
	uintptr_t addr;

	if (size > ORDER_SIZE(KILN_BUDDY_MAX_ORDER) - TAG_SIZE)
		return 0;
	addr = take(self, order_for(size + TAG_SIZE));
	return addr ? (void *)(addr + TAG_SIZE) : 0;
}

static void *buddy_memalign(void *self, size_t align, size_t size)
{
	uintptr_t addr, p;
	struct tag *redirect;

	/*
	 * The block is aligned to its own size, at least @align: the address
	 * @align bytes in is aligned, leaves room for both tags (align >= 32),
	 * and has @size bytes after it when the block holds align + size.
	 */
	if (size > ORDER_SIZE(KILN_BUDDY_MAX_ORDER) - align)
		return 0;
	addr = take(self, order_for(align + size));
	if (!addr)
		return 0;
	p = addr + align;
	redirect = (struct tag *)(p - TAG_SIZE);
	redirect->magic = TAG_MAGIC;
	redirect->state = STATE_ALIGNED;
	redirect->order = 0;
	redirect->offset = align;
	return (void *)p;
}

/* The block a payload pointer belongs to, checking its tag. */
static struct tag *block_of(void *p)
{
	struct tag *t = (struct tag *)((uintptr_t)p - TAG_SIZE);

	if (t->magic == TAG_MAGIC && t->state == STATE_ALIGNED)
		t = (struct tag *)((uintptr_t)p - t->offset);
	if (t->magic != TAG_MAGIC || t->state == STATE_ALIGNED)
		kiln_alloc_fatal("buddy: pointer without a block tag (bad pointer or corrupted heap)");
	if (t->state != STATE_USED)
		kiln_alloc_fatal("buddy: free of a block that is already free (double free)");
	return t;
}

static size_t buddy_usable_size(void *self, void *p)
{
	struct tag *t = block_of(p);

	(void)self;
	return (size_t)((uintptr_t)t + ORDER_SIZE(t->order) - (uintptr_t)p);
}

/* Whether the order-@k block at @addr lies wholly inside the region holding @inside. */
static int same_region(struct kiln_buddy *b, uintptr_t inside, uintptr_t addr, unsigned int k)
{
	for (unsigned int i = 0; i < b->nregions; i++)
		if (inside >= b->regions[i].lo && inside < b->regions[i].hi)
			return addr >= b->regions[i].lo && b->regions[i].hi - addr >= ORDER_SIZE(k);
	return 0;
}

static void buddy_free(void *self, void *p)
{
	struct kiln_buddy *b = self;
	struct tag *t = block_of(p);
	uintptr_t addr = (uintptr_t)t;
	unsigned int k = t->order;

	while (k < KILN_BUDDY_MAX_ORDER) {
		uintptr_t mate = addr ^ ORDER_SIZE(k);
		struct kiln_buddy_free *f = (struct kiln_buddy_free *)mate;

		if (!same_region(b, addr, mate, k) || f->tag.magic != TAG_MAGIC || f->tag.state != STATE_FREE ||
		    f->tag.order != k)
			break;
		unlink(b, f);
		addr &= ~ORDER_SIZE(k);
		k++;
	}
	push(b, addr, k);
}

static void *buddy_realloc(void *self, void *p, size_t size)
{
	size_t have = buddy_usable_size(self, p);
	void *q;

	if (size <= have)
		return p;
	q = buddy_malloc(self, size);
	if (!q)
		return 0;
	memcpy(q, p, have);
	buddy_free(self, p);
	return q;
}

static int buddy_add_region(void *self, void *base, size_t len)
{
	struct kiln_buddy *b = self;
	uintptr_t lo = ((uintptr_t)base + ORDER_SIZE(KILN_BUDDY_MIN_ORDER) - 1) & ~(ORDER_SIZE(KILN_BUDDY_MIN_ORDER) - 1);
	uintptr_t hi = ((uintptr_t)base + len) & ~(ORDER_SIZE(KILN_BUDDY_MIN_ORDER) - 1);

	if (hi <= lo || b->nregions == KILN_BUDDY_REGIONS)
		return -1;
	b->regions[b->nregions].lo = lo;
	b->regions[b->nregions].hi = hi;
	b->nregions++;
	/* Carve the region into the largest blocks aligned to their size. */
	for (uintptr_t a = lo; a < hi;) {
		unsigned int k = KILN_BUDDY_MAX_ORDER;

		while (k > KILN_BUDDY_MIN_ORDER && ((a & (ORDER_SIZE(k) - 1)) || hi - a < ORDER_SIZE(k)))
			k--;
		push(b, a, k);
		a += ORDER_SIZE(k);
	}
	return 0;
}

/* Every free block: tagged free with its list's order, aligned to its size, inside a region. */
static int buddy_check(void *self)
{
	struct kiln_buddy *b = self;

	for (unsigned int k = KILN_BUDDY_MIN_ORDER; k <= KILN_BUDDY_MAX_ORDER; k++) {
		struct kiln_buddy_free *prev = 0;

		for (struct kiln_buddy_free *f = *list(b, k); f; prev = f, f = f->next) {
			uintptr_t a = (uintptr_t)f;

			if (f->tag.magic != TAG_MAGIC || f->tag.state != STATE_FREE || f->tag.order != k)
				return -1;
			if (a & (ORDER_SIZE(k) - 1))
				return -2;
			if (!same_region(b, a, a, k))
				return -3;
			if (f->prev != prev)
				return -4;
		}
	}
	return 0;
}

const struct kiln_alloc_ops kiln_buddy_ops = {
	.name = "buddy",
	.add_region = buddy_add_region,
	.malloc = buddy_malloc,
	.memalign = buddy_memalign,
	.realloc = buddy_realloc,
	.free = buddy_free,
	.usable_size = buddy_usable_size,
	.check = buddy_check,
};
