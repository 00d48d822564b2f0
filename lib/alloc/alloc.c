/* SPDX-License-Identifier: MIT */
/*
 * Allocator API: routes requests to the boot or the application
 * allocator, keeps statistics, and hands memory over between them.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <kiln/alloc.h>
#include <kiln/alloc_impl.h>
#include <kiln/arm64/exception.h>
#include <kiln/arm64/sections.h>
#include <kiln/boot.h>
#include <kiln/init.h>

struct slot {
	const struct kiln_alloc_ops *ops;
	void *self;
	struct kiln_alloc_stats stats;
};

static struct slot slots[2];
static size_t total_current, total_peak;
/* After the hand-over: the span the boot allocator's blocks live in. */
static int handed_over;
static uintptr_t boot_lo, boot_hi;

void kiln_alloc_register(enum kiln_alloc_slot slot, const struct kiln_alloc_ops *ops, void *self)
{
	slots[slot].ops = ops;
	slots[slot].self = self;
}

void kiln_alloc_fatal(const char *what)
{
	kiln_arm64_crash(what);
}

/* The slot new requests go to. */
static struct slot *serving(void)
{
	return &slots[handed_over ? KILN_ALLOC_APP : KILN_ALLOC_BOOT];
}

/* The slot that gave out @p. */
static struct slot *owner(const void *p)
{
	uintptr_t a = (uintptr_t)p;

	if (!handed_over || (a >= boot_lo && a < boot_hi))
		return &slots[KILN_ALLOC_BOOT];
	return &slots[KILN_ALLOC_APP];
}

static void count_alloc(struct slot *s, void *p)
{
	size_t n;

	if (!p) {
		s->stats.failures++;
		return;
	}
	n = s->ops->usable_size(s->self, p);
	s->stats.allocations++;
	s->stats.current += n;
	if (s->stats.current > s->stats.peak)
		s->stats.peak = s->stats.current;
	total_current += n;
	if (total_current > total_peak)
		total_peak = total_current;
}

static void count_free(struct slot *s, size_t n)
{
	s->stats.frees++;
	s->stats.current -= n;
	total_current -= n;
}

/* A block resized in place (or moved by its own allocator): only the bytes change. */
static void count_resize(struct slot *s, size_t old, size_t now)
{
	s->stats.current = s->stats.current - old + now;
	total_current = total_current - old + now;
	if (s->stats.current > s->stats.peak)
		s->stats.peak = s->stats.current;
	if (total_current > total_peak)
		total_peak = total_current;
}

void *kiln_malloc(size_t size)
{
	struct slot *s = serving();
	void *p;

	if (!s->ops) {
		s->stats.failures++;
		return 0;
	}
	p = s->ops->malloc(s->self, size ? size : 1);
	count_alloc(s, p);
	return p;
}

void *kiln_memalign(size_t align, size_t size)
{
	struct slot *s = serving();
	void *p;

	if (!s->ops || !align || (align & (align - 1))) {
		s->stats.failures++;
		return 0;
	}
	if (!size)
		size = 1;
	p = align <= 16 ? s->ops->malloc(s->self, size) : s->ops->memalign(s->self, align, size);
	count_alloc(s, p);
	return p;
}

void *kiln_calloc(size_t n, size_t size)
{
	size_t bytes;
	void *p;

	if (__builtin_mul_overflow(n, size, &bytes)) {
		serving()->stats.failures++;
		return 0;
	}
	p = kiln_malloc(bytes);
	if (p)
		memset(p, 0, bytes);
	return p;
}

void kiln_free(void *p)
{
	struct slot *s;

	if (!p)
		return;
	s = owner(p);
	count_free(s, s->ops->usable_size(s->self, p));
	s->ops->free(s->self, p);
}

size_t kiln_usable_size(void *p)
{
	struct slot *s;

	if (!p)
		return 0;
	s = owner(p);
	return s->ops->usable_size(s->self, p);
}

void *kiln_realloc(void *p, size_t size)
{
	struct slot *from, *to;
	size_t old;
	void *q;

	if (!p)
		return kiln_malloc(size);
	if (!size) {
		kiln_free(p);
		return 0;
	}
	from = owner(p);
	to = serving();
	old = from->ops->usable_size(from->self, p);
	if (from == to && from->ops->realloc) {
		q = from->ops->realloc(from->self, p, size);
		if (!q) {
			from->stats.failures++;
			return 0;
		}
		count_resize(from, old, from->ops->usable_size(from->self, q));
		return q;
	}
	/* Across allocators (a boot block after the hand-over), or no realloc: move it. */
	q = kiln_malloc(size);
	if (!q)
		return 0;
	memcpy(q, p, old < size ? old : size);
	kiln_free(p);
	return q;
}

void kiln_alloc_stats(enum kiln_alloc_slot slot, struct kiln_alloc_stats *out)
{
	*out = slots[slot].stats;
}

void kiln_alloc_total(struct kiln_alloc_stats *out)
{
	const struct kiln_alloc_stats *b = &slots[KILN_ALLOC_BOOT].stats, *a = &slots[KILN_ALLOC_APP].stats;

	out->current = total_current;
	out->peak = total_peak;
	out->allocations = b->allocations + a->allocations;
	out->frees = b->frees + a->frees;
	out->failures = b->failures + a->failures;
	out->region = b->region + a->region;
}

int kiln_alloc_check(void)
{
	for (int i = 0; i < 2; i++) {
		int status = slots[i].ops && slots[i].ops->check ? slots[i].ops->check(slots[i].self) : 0;

		if (status)
			return status;
	}
	return 0;
}

const char *kiln_alloc_name(enum kiln_alloc_slot slot)
{
	return slots[slot].ops ? slots[slot].ops->name : "none";
}

/*
 * Boot: the boot allocator takes the RAM after the image, up to the end
 * the machine description gives (the device tree's, else the board's).
 */
static int kiln_alloc_boot_init(void)
{
	struct slot *boot = &slots[KILN_ALLOC_BOOT];
	uintptr_t end = kiln_machine()->free_end;
	size_t len;

	if (end <= (uintptr_t)__ram_free_start)
		return kiln_init_fail(-ENOMEM, "alloc: no RAM after the image");
	len = (size_t)(end - (uintptr_t)__ram_free_start);

	if (!boot->ops)
		return kiln_init_fail(-ENODEV, "alloc: no boot allocator registered");
	if (boot->ops->add_region(boot->self, __ram_free_start, len))
		return kiln_init_fail(-ENOMEM, "alloc: the boot allocator cannot use the free RAM");
	boot->stats.region = len;
	boot_lo = (uintptr_t)__ram_free_start;
	return 0;
}

/* End of init: what the boot allocator has not used goes to the application allocator. */
static int kiln_alloc_handover(void)
{
	struct slot *boot = &slots[KILN_ALLOC_BOOT], *app = &slots[KILN_ALLOC_APP];
	void *base;
	size_t len;

	if (!app->ops)
		return kiln_init_fail(-ENODEV, "alloc: no application allocator registered");
	if (!boot->ops->release || boot->ops->release(boot->self, &base, &len))
		return kiln_init_fail(-EOPNOTSUPP, "alloc: the boot allocator cannot hand its memory over");
	if (app->ops->add_region(app->self, base, len))
		return kiln_init_fail(-ENOMEM, "alloc: the application allocator cannot use the memory handed over");
	boot_hi = (uintptr_t)base;
	boot->stats.region -= len;
	app->stats.region = len;
	handed_over = 1;
	return 0;
}

KILN_INIT(kiln_alloc_boot_init, KILN_INIT_MEMORY);
KILN_INIT(kiln_alloc_handover, KILN_INIT_HANDOVER);
