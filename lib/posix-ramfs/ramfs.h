/* SPDX-License-Identifier: MIT */
/*
 * The RAM file system's tree, shared by its sources.
 */
#ifndef KILN_POSIX_RAMFS_PRIVATE_H
#define KILN_POSIX_RAMFS_PRIVATE_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include "pages.h"

/**
 * struct ramfs_node - a file or a directory.
 * @parent:   the directory holding it (the root is its own parent)
 * @next:     next entry of the same directory, in creation order
 * @children: first and last entries, for a directory
 * @name:     its name in @parent (allocated)
 * @mode:     type and permission bits
 * @ino:      inode number
 * @linked:   whether a directory still lists it (unlink clears it)
 * @opens:    open descriptors and directory streams using it
 * @data:     a file's bytes and size, in pages (pages.h); an embedded
 *            file's pages are holes onto the image's read-only copy until
 *            written
 * @atime, @mtime, @ctime: times of last access, change of data, change of either
 *
 * A node is freed when it is neither linked nor open.
 */
struct ramfs_node {
	struct ramfs_node *parent;
	struct ramfs_node *next;
	struct ramfs_node *first, *last;
	char *name;
	mode_t mode;
	ino_t ino;
	unsigned char linked;
	unsigned int opens;
	struct ramfs_data data;
	struct timespec atime, mtime, ctime;
};

/** The root directory. */
extern struct ramfs_node ramfs_root;

/** ramfs_lookup() - the node at @path ("/"-rooted, folded), or NULL with *@err set. */
struct ramfs_node *ramfs_lookup(const char *path, int *err);

/**
 * ramfs_parent() - the directory that holds (or would hold) @path, and
 * the last component's name and length.
 *
 * Return: the directory, or NULL with *@err set (ENOENT, ENOTDIR, EEXIST for "/").
 */
struct ramfs_node *ramfs_parent(const char *path, const char **name, size_t *len, int *err);

/** ramfs_find() - the entry called @name (@len bytes) in @dir, or NULL. */
struct ramfs_node *ramfs_find(struct ramfs_node *dir, const char *name, size_t len);

/** ramfs_create() - a new entry in @dir; NULL when out of memory. */
struct ramfs_node *ramfs_create(struct ramfs_node *dir, const char *name, size_t len, mode_t mode);

/** ramfs_detach() - take @node out of its directory (it is freed when no longer open). */
void ramfs_detach(struct ramfs_node *node);

/** ramfs_attach() - list @node in @dir under @name, which it takes over. */
void ramfs_attach(struct ramfs_node *dir, struct ramfs_node *node, char *name);

/** ramfs_put() - drop one open reference; frees a detached node with none left. */
void ramfs_put(struct ramfs_node *node);

/** ramfs_resize() - set a file's size, zero-filling growth; 0 or -errno. */
int ramfs_resize(struct ramfs_node *node, size_t size);

/** ramfs_fill_stat() - describe @node in @st. */
void ramfs_fill_stat(const struct ramfs_node *node, struct stat *st);

/** ramfs_touch() - set @node's modification (and change) time to now. */
void ramfs_touch(struct ramfs_node *node);

#endif /* KILN_POSIX_RAMFS_PRIVATE_H */
