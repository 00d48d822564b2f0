/* SPDX-License-Identifier: MIT */
/*
 * The RAM file system's tree: nodes, lookups, and the life of a node
 * (linked in a directory, held open, freed when neither).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include "ramfs.h"

struct ramfs_node ramfs_root = {
	.parent = &ramfs_root,
	.name = "",
	.mode = S_IFDIR | 0755,
	.ino = 1,
	.linked = 1,
};

static ino_t next_ino = 2;

/* gettimeofday(): picolibc declares clock_gettime() only on systems that claim _POSIX_TIMERS. */
static struct timespec now(void)
{
	struct timeval tv = { 0, 0 };
	struct timespec ts;

	gettimeofday(&tv, 0);
	ts.tv_sec = tv.tv_sec;
	ts.tv_nsec = tv.tv_usec * 1000;
	return ts;
}

void ramfs_touch(struct ramfs_node *node)
{
	node->mtime = node->ctime = now();
}

struct ramfs_node *ramfs_find(struct ramfs_node *dir, const char *name, size_t len)
{
	if (len == 0)
		return dir;
	for (struct ramfs_node *n = dir->first; n; n = n->next)
		if (!strncmp(n->name, name, len) && !n->name[len])
			return n;
	return 0;
}

/*
 * Walks @path from the root. With @keep_last, stops at the directory that
 * holds the last component and hands that component back.
 */
static struct ramfs_node *walk(const char *path, int keep_last, const char **last, size_t *last_len, int *err)
{
	struct ramfs_node *node = &ramfs_root;
	const char *p = path;

	while (*p == '/')
		p++;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (!S_ISDIR(node->mode)) {
			*err = ENOTDIR;
			return 0;
		}
		if (keep_last && !end) {
			*last = p;
			*last_len = len;
			return node;
		}
		node = ramfs_find(node, p, len);
		if (!node) {
			*err = ENOENT;
			return 0;
		}
		p = end ? end + 1 : p + len;
	}
	if (keep_last) {
		/* The root has no parent to create it in. */
		*err = EEXIST;
		return 0;
	}
	return node;
}

struct ramfs_node *ramfs_lookup(const char *path, int *err)
{
	return walk(path, 0, 0, 0, err);
}

struct ramfs_node *ramfs_parent(const char *path, const char **name, size_t *len, int *err)
{
	return walk(path, 1, name, len, err);
}

void ramfs_attach(struct ramfs_node *dir, struct ramfs_node *node, char *name)
{
	node->name = name;
	node->parent = dir;
	node->next = 0;
	node->linked = 1;
	if (dir->last)
		dir->last->next = node;
	else
		dir->first = node;
	dir->last = node;
	ramfs_touch(dir);
}

struct ramfs_node *ramfs_create(struct ramfs_node *dir, const char *name, size_t len, mode_t mode)
{
	struct ramfs_node *node = calloc(1, sizeof(*node));
	char *copy = malloc(len + 1);

	if (!node || !copy) {
		free(node);
		free(copy);
		return 0;
	}
	memcpy(copy, name, len);
	copy[len] = 0;
	node->mode = mode;
	node->ino = next_ino++;
	ramfs_touch(node);
	node->atime = node->mtime;
	ramfs_attach(dir, node, copy);
	return node;
}

static void release(struct ramfs_node *node)
{
	ramfs_data_free(&node->data);
	free(node->name);
	free(node);
}

void ramfs_detach(struct ramfs_node *node)
{
	struct ramfs_node *dir = node->parent;
	struct ramfs_node **link = &dir->first, *prev = 0;

	while (*link != node) {
		prev = *link;
		link = &(*link)->next;
	}
	*link = node->next;
	if (dir->last == node)
		dir->last = prev;
	node->next = 0;
	node->linked = 0;
	ramfs_touch(dir);
	if (!node->opens)
		release(node);
}

void ramfs_put(struct ramfs_node *node)
{
	if (--node->opens == 0 && !node->linked)
		release(node);
}

int ramfs_resize(struct ramfs_node *node, size_t size)
{
	int r = ramfs_data_resize(&node->data, size);

	if (r == 0)
		ramfs_touch(node);
	return r;
}

void ramfs_fill_stat(const struct ramfs_node *node, struct stat *st)
{
	unsigned int links = 1;

	if (S_ISDIR(node->mode)) {
		links = 2;
		for (const struct ramfs_node *n = node->first; n; n = n->next)
			links += S_ISDIR(n->mode) ? 1 : 0;
	}
	memset(st, 0, sizeof(*st));
	st->st_dev = 1;
	st->st_ino = node->ino;
	st->st_mode = node->mode;
	st->st_nlink = node->linked ? links : 0;
	st->st_size = (off_t)node->data.size;
	st->st_blksize = 4096;
	st->st_blocks = (blkcnt_t)((node->data.size + 511) / 512);
	st->st_atim = node->atime;
	st->st_mtim = node->mtime;
	st->st_ctim = node->ctime;
}
