/* SPDX-License-Identifier: MIT */
/*
 * A RAM file's bytes in pages (see pages.h).
 *
 * Invariants, which the reads rely on:
 * - every byte at or past @size in an allocated page is zero, so growing
 *   the file (by a write past the end, or by resizing) shows zeros there
 *   without touching the page;
 * - @seed_len <= @size, for the same reason in holes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "pages.h"

#define PAGE RAMFS_PAGE_SIZE

/* The table's first allocation, in entries; it doubles from there. */
#define MIN_SLOTS 8

static size_t pages_for(size_t bytes)
{
	return bytes / PAGE + (bytes % PAGE != 0);
}

void ramfs_data_seed(struct ramfs_data *d, const void *bytes, size_t len)
{
	ramfs_data_free(d);
	d->seed = bytes;
	d->seed_len = len;
	d->size = len;
}

/* What @len bytes at @at read as where no page holds them: the seed's, then zeros. */
static void hole(const struct ramfs_data *d, size_t at, unsigned char *out, size_t len)
{
	size_t seeded = 0;

	if (at < d->seed_len) {
		seeded = d->seed_len - at < len ? d->seed_len - at : len;
		memcpy(out, d->seed + at, seeded);
	}
	memset(out + seeded, 0, len - seeded);
}

size_t ramfs_data_read(const struct ramfs_data *d, size_t at, void *buf, size_t len)
{
	unsigned char *out = buf;
	size_t done = 0;

	if (at >= d->size)
		return 0;
	if (len > d->size - at)
		len = d->size - at;
	while (done < len) {
		size_t pos = at + done, index = pos / PAGE, off = pos % PAGE;
		size_t n = PAGE - off < len - done ? PAGE - off : len - done;
		const unsigned char *page = index < d->slots ? d->table[index] : NULL;

		if (page)
			memcpy(out + done, page + off, n);
		else
			hole(d, pos, out + done, n);
		done += n;
	}
	return len;
}

/*
 * Make the table cover @count pages. It doubles, so that appending stays
 * linear; when the doubled table cannot be had (the heap nearly full),
 * the exact count is tried before giving up.
 */
static int cover(struct ramfs_data *d, size_t count)
{
	size_t slots = d->slots ? d->slots : MIN_SLOTS;
	unsigned char **table;

	if (count <= d->slots)
		return 0;
	if (count > ((size_t)-1) / sizeof(*table))
		return -EFBIG;
	while (slots < count)
		slots = slots > ((size_t)-1) / (2 * sizeof(*table)) ? count : slots * 2;
	table = realloc(d->table, slots * sizeof(*table));
	if (!table && slots > count) {
		slots = count;
		table = realloc(d->table, slots * sizeof(*table));
	}
	if (!table)
		return -ENOMEM;
	memset(table + d->slots, 0, (slots - d->slots) * sizeof(*table));
	d->table = table;
	d->slots = slots;
	return 0;
}

ssize_t ramfs_data_write(struct ramfs_data *d, size_t at, const void *buf, size_t len)
{
	const unsigned char *in = buf;
	size_t done = 0;
	int r;

	if (!len)
		return 0;
	if (at > ((size_t)-1) - len || at + len > ((size_t)-1) / 2)
		return -EFBIG;
	r = cover(d, pages_for(at + len));
	if (r < 0)
		return r;
	while (done < len) {
		size_t pos = at + done, index = pos / PAGE, off = pos % PAGE;
		size_t n = PAGE - off < len - done ? PAGE - off : len - done;
		unsigned char *page = d->table[index];

		if (!page) {
			page = malloc(PAGE);
			if (!page)
				break;
			/* The page keeps what its hole read as, except where this write lands. */
			if (off)
				hole(d, index * PAGE, page, off);
			if (off + n < PAGE)
				hole(d, pos + n, page + off + n, PAGE - off - n);
			d->table[index] = page;
			d->pages++;
		}
		memcpy(page + off, in + done, n);
		done += n;
	}
	if (!done)
		return -ENOMEM;
	if (at + done > d->size)
		d->size = at + done;
	return (ssize_t)done;
}

int ramfs_data_resize(struct ramfs_data *d, size_t size)
{
	if (size < d->size) {
		size_t keep = pages_for(size);

		for (size_t i = keep; i < d->slots; i++) {
			if (d->table[i]) {
				free(d->table[i]);
				d->table[i] = NULL;
				d->pages--;
			}
		}
		/* The last page's tail must read as zeros if the file grows again. */
		if (size % PAGE && keep <= d->slots && d->table[keep - 1])
			memset(d->table[keep - 1] + size % PAGE, 0, PAGE - size % PAGE);
		if (d->seed_len > size)
			d->seed_len = size;
		if (!keep) {
			free(d->table);
			d->table = NULL;
			d->slots = 0;
		} else if (keep < d->slots / 4 && d->slots > MIN_SLOTS) {
			size_t slots = keep > MIN_SLOTS ? keep : MIN_SLOTS;
			unsigned char **table = realloc(d->table, slots * sizeof(*table));

			/* Failing to shrink the table is harmless: it stays as it was. */
			if (table) {
				d->table = table;
				d->slots = slots;
			}
		}
	}
	/* Growth needs nothing: past the old end, holes and page tails read as zeros. */
	d->size = size;
	return 0;
}

void ramfs_data_free(struct ramfs_data *d)
{
	for (size_t i = 0; i < d->slots; i++)
		free(d->table[i]);
	free(d->table);
	memset(d, 0, sizeof(*d));
}
