/* SPDX-License-Identifier: MIT */
/*
 * Boot: mount the RAM file system at "/" and fill it with the image's
 * embedded tree. Embedded files keep pointing at the image's read-only
 * data until they are first changed.
 */
#include <errno.h>
#include <string.h>
#include <kiln/init.h>
#include <kiln/ramfs_seed.h>
#include <kiln/vfs_impl.h>
#include "ramfs.h"

extern const struct kiln_vfs_ops ramfs_vfs_ops;

/*
 * The directory @path names, made with its parents as needed (mkdir -p);
 * NULL with *@err set when it cannot be.
 */
static struct ramfs_node *directory(const char *path, int *err)
{
	struct ramfs_node *dir = &ramfs_root;

	for (const char *p = path; *p;) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		struct ramfs_node *next = len ? ramfs_find(dir, p, len) : dir;

		if (!next)
			next = ramfs_create(dir, p, len, S_IFDIR | 0755);
		if (!next) {
			*err = -ENOMEM;
			return 0;
		}
		if (!S_ISDIR(next->mode)) {
			*err = -ENOTDIR;
			return 0;
		}
		dir = next;
		p = end ? end + 1 : p + len;
	}
	return dir;
}

static int plant(const struct kiln_ramfs_seed *s)
{
	const char *slash = strrchr(s->path, '/');
	const char *name = slash ? slash + 1 : s->path;
	struct ramfs_node *dir, *node;
	char parent[KILN_VFS_PATH_MAX];
	size_t plen = slash ? (size_t)(slash - s->path) : 0;
	int err = 0;

	if (plen >= sizeof(parent))
		return kiln_init_fail(-ENAMETOOLONG, "ramfs: an embedded path is too long");
	memcpy(parent, s->path, plen);
	parent[plen] = 0;
	if (S_ISDIR(s->mode))
		return directory(s->path, &err) ? 0 : kiln_init_fail(err, "ramfs: cannot create an embedded directory");
	dir = directory(parent, &err);
	if (!dir)
		return kiln_init_fail(err, "ramfs: cannot create the directory of an embedded file");
	node = ramfs_create(dir, name, strlen(name), s->mode);
	if (!node)
		return kiln_init_fail(-ENOMEM, "ramfs: cannot create an embedded file");
	ramfs_data_seed(&node->data, s->data, s->size);
	return 0;
}

static int kiln_ramfs_init(void)
{
	int err = kiln_vfs_mount("/", &ramfs_vfs_ops, &ramfs_root);

	if (err < 0)
		return kiln_init_fail(err, "ramfs: cannot mount at /");
	for (size_t i = 0; i < kiln_ramfs_seed_count; i++) {
		err = plant(&kiln_ramfs_seeds[i]);
		if (err)
			return err;
	}
	return 0;
}

KILN_INIT(kiln_ramfs_init, KILN_INIT_FS);
