/* SPDX-License-Identifier: MIT */
/*
 * Allocator stress test. Every block is filled with a pattern derived
 * from its slot and a per-block tag; the pattern is checked before the
 * block is resized (the kept prefix) or freed. Exit status 0 means every
 * check held.
 */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kiln/alloc.h>
#include <kiln/config.h>
#include <kiln/init.h>

#define SLOTS        256
#define CHECK_EVERY  1000

struct block {
	unsigned char *p;
	size_t size;
	size_t align;
	uint64_t tag;
};

static struct block blocks[SLOTS];
static uint64_t rng_state;
static unsigned long failures;

static uint64_t rnd(void)
{
	/* xorshift64* (Vigna): small, fast, good enough for picking sizes. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static void fail(const char *what, size_t slot, size_t size)
{
	if (failures++ < 10)
		printf("alloc-stress: FAIL: %s (slot %zu, %zu bytes)\n", what, slot, size);
}

/* Pattern word @i of a block with @tag. */
static uint64_t pattern(uint64_t tag, size_t i)
{
	return tag ^ (i * 0x9e3779b97f4a7c15ull);
}

static void fill(unsigned char *p, size_t from, size_t to, uint64_t tag)
{
	for (size_t i = from; i < to; i++)
		p[i] = (unsigned char)(pattern(tag, i / 8) >> (i % 8 * 8));
}

/* Whether the first @n bytes hold the pattern; words where alignment allows. */
static int intact(const unsigned char *p, size_t n, uint64_t tag)
{
	size_t i = 0;

	if (((uintptr_t)p & 7) == 0) {
		for (; i + 8 <= n; i += 8)
			if (*(const uint64_t *)(p + i) != pattern(tag, i / 8))
				return 0;
	}
	for (; i < n; i++)
		if (p[i] != (unsigned char)(pattern(tag, i / 8) >> (i % 8 * 8)))
			return 0;
	return 1;
}

static void fill_fast(unsigned char *p, size_t from, size_t to, uint64_t tag)
{
	size_t i = from;

	for (; i < to && (i & 7); i++)
		p[i] = (unsigned char)(pattern(tag, i / 8) >> (i % 8 * 8));
	if (((uintptr_t)p & 7) == 0)
		for (; i + 8 <= to; i += 8)
			*(uint64_t *)(p + i) = pattern(tag, i / 8);
	fill(p, i, to, tag);
}

/* Mostly small sizes, some medium, a few large; sometimes zero. */
static size_t random_size(void)
{
	uint64_t r = rnd();

	switch (r % 16) {
	case 0:
		return (size_t)(r >> 8) % ((size_t)CONFIG_APP_ALLOC_STRESS_MAX_SIZE + 1);
	case 1:
	case 2:
		return (size_t)(r >> 8) % 4097;
	case 3:
		return (size_t)(r >> 8) % 3;
	default:
		return (size_t)(r >> 8) % 257;
	}
}

static void check_block(size_t i)
{
	struct block *b = &blocks[i];

	if (!intact(b->p, b->size, b->tag))
		fail("contents changed", i, b->size);
	if (malloc_usable_size(b->p) < b->size)
		fail("usable size below the size asked", i, b->size);
	if ((uintptr_t)b->p % b->align)
		fail("misaligned block", i, b->size);
}

static void allocate(size_t i)
{
	struct block *b = &blocks[i];
	size_t size = random_size();
	size_t align = 16;
	unsigned char *p = 0;
	uint64_t kind = rnd() % 20;

	if (kind < 11) {
		p = malloc(size);
	} else if (kind < 14) {
		size_t n = 1 + rnd() % 8;

		size = size / n * n;
		p = calloc(n, size / n);
		if (p) {
			for (size_t k = 0; k < size; k++)
				if (p[k]) {
					fail("calloc memory not zeroed", i, size);
					break;
				}
		}
	} else if (kind < 18) {
		align = (size_t)1 << (4 + rnd() % 9);   /* 16 to 4096 */
		if (kind == 14)
			p = memalign(align, size);
		else if (kind == 15)
			p = aligned_alloc(align, size);
		else if (posix_memalign((void **)&p, align, size))
			p = 0;
	} else {
		p = realloc(0, size);
	}
	if (!p) {
		fail("out of memory", i, size);
		return;
	}
	*b = (struct block){ p, size, align, rnd() };
	fill_fast(p, 0, size, b->tag);
	check_block(i);
}

static void resize(size_t i)
{
	struct block *b = &blocks[i];
	size_t size = random_size(), keep = size < b->size ? size : b->size;
	unsigned char *p;

	check_block(i);
	if (!size)
		size = 1;
	p = realloc(b->p, size);
	if (!p) {
		fail("realloc out of memory", i, size);
		return;
	}
	if (!intact(p, keep, b->tag))
		fail("realloc lost contents", i, keep);
	b->p = p;
	b->size = size;
	/* realloc promises malloc's alignment, not memalign's. */
	b->align = 16;
	fill_fast(p, keep, size, b->tag);
	check_block(i);
}

static void release(size_t i)
{
	check_block(i);
	free(blocks[i].p);
	blocks[i].p = 0;
}

static int checks_out(const char *when)
{
	int status = kiln_alloc_check();

	if (status) {
		printf("alloc-stress: FAIL: allocator structures inconsistent %s (code %d)\n", when, status);
		failures++;
	}
	return !status;
}

/*
 * Results of requests that must fail go here: a compiler may assume an
 * allocation whose result is only compared with NULL succeeded, and drop
 * the call, unless the pointer escapes.
 */
static void *volatile sink;

/*
 * malloc through a pointer the compiler cannot see through: LLVM treats
 * a direct call to malloc as leaving errno alone and folds a check of it.
 */
static void *(*volatile opaque_malloc)(size_t) = malloc;

/* 2^40: two of them overflow size_t (volatile, or the compiler warns at the call). */
static volatile size_t big = (size_t)1 << 40;

/* The edge cases every malloc must get right. */
static void edges(void)
{
	void *p;
	size_t huge = (size_t)1 << 62;

	errno = 0;
	sink = opaque_malloc(huge);
	if (sink || errno != ENOMEM)
		fail("malloc of 2^62 bytes did not fail with ENOMEM", 0, huge);
	sink = calloc(big, big);
	if (sink)
		fail("calloc overflow not caught", 0, 0);
	sink = memalign(48, 16);
	if (sink)
		fail("memalign with an alignment that is not a power of two", 0, 48);
	if (posix_memalign(&p, 2, 16) != EINVAL)
		fail("posix_memalign below sizeof(void *) not refused", 0, 2);
	p = malloc(100);
	sink = p ? realloc(p, huge) : 0;
	if (!p || sink)
		fail("realloc to 2^62 bytes did not fail", 0, huge);
	free(p);
	free(0);
	p = malloc(0);
	if (!p)
		fail("malloc(0) returned NULL", 0, 0);
	free(p);
}

/*
 * During init, before the hand-over: the boot allocator serves these.
 * Freed in reverse order, as boot code does. A failure here is a result
 * of the test, which main() reports with the others: the boot goes on.
 */
static int boot_phase(void)
{
	unsigned char *a = malloc(100), *b = memalign(4096, 8192), *c = calloc(16, 16);
	struct kiln_alloc_stats stats;

	kiln_alloc_stats(KILN_ALLOC_BOOT, &stats);
	if (!a || !b || !c || (uintptr_t)b % 4096) {
		printf("alloc-stress: FAIL: boot allocator %s could not serve init\n", kiln_alloc_name(KILN_ALLOC_BOOT));
		failures++;
		return 0;
	}
	fill_fast(a, 0, 100, 1);
	fill_fast(b, 0, 8192, 2);
	for (int k = 0; k < 256; k++)
		if (c[k])
			failures++;
	a = realloc(a, 300);
	if (!a || !intact(a, 100, 1) || !intact(b, 8192, 2))
		failures++;
	free(c);
	free(b);
	free(a);
	checks_out("after the boot phase");
	printf("alloc-stress: boot allocator %s served init (%zu allocations), %s\n", kiln_alloc_name(KILN_ALLOC_BOOT),
	       stats.allocations, failures ? "FAIL" : "ok");
	return 0;
}

KILN_INIT(boot_phase, KILN_INIT_EARLY_APP);

int main(int argc, char **argv)
{
	struct kiln_alloc_stats app, boot, total;
	unsigned long ops = CONFIG_APP_ALLOC_STRESS_OPERATIONS;

	(void)argc;
	(void)argv;
	rng_state = CONFIG_APP_ALLOC_STRESS_SEED;
	printf("alloc-stress: %lu operations, seed %u, application allocator %s\n", ops,
	       (unsigned)CONFIG_APP_ALLOC_STRESS_SEED, kiln_alloc_name(KILN_ALLOC_APP));
	edges();
	for (unsigned long n = 0; n < ops; n++) {
		size_t i = (size_t)(rnd() % SLOTS);

		if (!blocks[i].p)
			allocate(i);
		else if (rnd() % 2)
			resize(i);
		else
			release(i);
		if (n % CHECK_EVERY == CHECK_EVERY - 1 && !checks_out("during the run"))
			break;
	}
	kiln_alloc_stats(KILN_ALLOC_APP, &app);
	for (size_t i = 0; i < SLOTS; i++)
		if (blocks[i].p)
			release(i);
	checks_out("at the end");
	kiln_alloc_stats(KILN_ALLOC_APP, &app);
	kiln_alloc_stats(KILN_ALLOC_BOOT, &boot);
	kiln_alloc_total(&total);
	printf("alloc-stress: %s: %zu allocations, %zu frees, peak %zu bytes live, %zu left, %zu failed requests\n",
	       kiln_alloc_name(KILN_ALLOC_APP), app.allocations, app.frees, app.peak, app.current, app.failures);
	printf("alloc-stress: boot allocator %s: %zu bytes still held (page tables), peak %zu\n",
	       kiln_alloc_name(KILN_ALLOC_BOOT), boot.current, boot.peak);
	if (app.current)
		fail("bytes still allocated after freeing everything", 0, app.current);
	printf("alloc-stress: %s\n", failures ? "FAIL" : "ok");
	return failures ? 1 : 0;
}
