/* SPDX-License-Identifier: MIT */
/*
 * Directory streams: a DIR holds the file system's cursor and the entry
 * readdir() last returned.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "vfs_private.h"

struct kiln_dir {
	const struct kiln_vfs_ops *ops;
	void *fs;
	void *cursor;
	struct dirent entry;
};

DIR *opendir(const char *path)
{
	struct kiln_vfs_target t;
	DIR *d;
	int r = kiln_vfs_resolve(path, &t);

	if (r == 0 && (!t.ops->opendir || !t.ops->readdir))
		r = -ENOTSUP;
	if (r < 0) {
		errno = -r;
		return 0;
	}
	d = calloc(1, sizeof(*d));
	if (!d) {
		errno = ENOMEM;
		return 0;
	}
	d->ops = t.ops;
	d->fs = t.fs;
	r = t.ops->opendir(t.fs, t.path, &d->cursor);
	if (r < 0) {
		free(d);
		errno = -r;
		return 0;
	}
	return d;
}

struct dirent *readdir(DIR *d)
{
	int r;

	if (!d) {
		errno = EBADF;
		return 0;
	}
	r = d->ops->readdir(d->fs, d->cursor, &d->entry);
	if (r < 0)
		errno = -r;
	return r > 0 ? &d->entry : 0;
}

int readdir_r(DIR *d, struct dirent *entry, struct dirent **result)
{
	int r;

	if (!d)
		return EBADF;
	r = d->ops->readdir(d->fs, d->cursor, entry);
	*result = r > 0 ? entry : 0;
	return r < 0 ? -r : 0;
}

void rewinddir(DIR *d)
{
	if (d && d->ops->rewinddir)
		d->ops->rewinddir(d->fs, d->cursor);
}

int closedir(DIR *d)
{
	if (!d)
		return kiln_vfs_fail(EBADF);
	if (d->ops->closedir)
		d->ops->closedir(d->fs, d->cursor);
	free(d);
	return 0;
}
