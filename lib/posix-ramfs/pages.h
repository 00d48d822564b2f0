/* SPDX-License-Identifier: MIT */
/*
 * A RAM file's bytes, kept in fixed-size pages listed in a table.
 *
 * Growing a file allocates only the pages it writes into, so a file
 * holds about its own size in memory (plus one pointer and the
 * allocator's header per page), and never needs one contiguous block
 * the size of the file, as a doubled buffer would: a database can fill
 * most of the heap. A page that was never written is a hole: it reads
 * as the embedded seed's bytes where the file still has them, and as
 * zeros elsewhere. Embedded files thus stay in the image's read-only
 * data and cost a page of RAM only where they are changed.
 *
 * Pure C on the C library's malloc, free, memcpy and memset only, so
 * that the host can compile and test it (test/unit/ramfs-pages.test.ts).
 */
#ifndef KILN_POSIX_RAMFS_PAGES_H
#define KILN_POSIX_RAMFS_PAGES_H

#include <stddef.h>
#include <sys/types.h>

/* Bytes per page: SQLite's default page size, so its writes fill whole pages. */
#define RAMFS_PAGE_SIZE 4096u

/**
 * struct ramfs_data - the bytes of one file.
 * @size:     the file's size
 * @table:    page pointers, @slots of them; NULL is a hole
 * @slots:    entries allocated in @table (it covers @slots pages of the file)
 * @pages:    pages allocated, for the file's block count
 * @seed:     the image's read-only copy of an embedded file, or NULL
 * @seed_len: how many of @seed's bytes still show through holes: never
 *            more than the smallest size the file has had, so truncating
 *            and growing again reads zeros, as it must
 */
struct ramfs_data {
	size_t size;
	unsigned char **table;
	size_t slots;
	size_t pages;
	const unsigned char *seed;
	size_t seed_len;
};

/** ramfs_data_seed() - start @d as @len bytes of the image's read-only @bytes, borrowed. */
void ramfs_data_seed(struct ramfs_data *d, const void *bytes, size_t len);

/** ramfs_data_read() - copy up to @len bytes at @at into @buf; return the count (0 at or past the end). */
size_t ramfs_data_read(const struct ramfs_data *d, size_t at, void *buf, size_t len);

/**
 * ramfs_data_write() - store @len bytes of @buf at @at, growing the file
 * (a gap before @at reads as zeros).
 *
 * Return: the bytes stored, fewer than @len when memory ran out part way,
 * -ENOMEM when none could be, -EFBIG past half of what a size_t counts.
 */
ssize_t ramfs_data_write(struct ramfs_data *d, size_t at, const void *buf, size_t len);

/**
 * ramfs_data_resize() - set the size; growth reads as zeros and costs no
 * pages, shrinking frees the pages past the end.
 *
 * Return: 0; neither needs memory (a write past the end grows the table).
 */
int ramfs_data_resize(struct ramfs_data *d, size_t size);

/** ramfs_data_free() - free every page and the table; @d is then empty (and unseeded). */
void ramfs_data_free(struct ramfs_data *d);

#endif /* KILN_POSIX_RAMFS_PAGES_H */
