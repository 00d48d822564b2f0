/* SPDX-License-Identifier: MIT */
/*
 * Paths: the working directory, folding "." and "..", and the mount table.
 *
 * Folding is lexical (there are no symbolic links), so "a/../b" is "b"
 * even when "a" does not exist, where a POSIX system would say ENOENT.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <kiln/config.h>
#include "vfs_private.h"

#define MOUNTS CONFIG_LIBPOSIX_VFS_MOUNTS

static struct {
	char at[KILN_VFS_PATH_MAX];
	size_t len;
	const struct kiln_vfs_ops *ops;
	void *fs;
} mounts[MOUNTS];

static char cwd[KILN_VFS_PATH_MAX] = "/";

int kiln_vfs_fail(int err)
{
	errno = err;
	return -1;
}

/* Appends one component to @out (holding @len bytes, "/"-rooted); -ENAMETOOLONG if it does not fit. */
static int push(char *out, size_t *len, const char *name, size_t n)
{
	if (n == 1 && name[0] == '.')
		return 0;
	if (n == 2 && name[0] == '.' && name[1] == '.') {
		while (*len > 0 && out[*len - 1] != '/')
			(*len)--;
		if (*len > 1)
			(*len)--;
		out[*len] = 0;
		return 0;
	}
	if (*len + (*len > 1) + n + 1 > KILN_VFS_PATH_MAX)
		return -ENAMETOOLONG;
	if (*len > 1)
		out[(*len)++] = '/';
	memcpy(out + *len, name, n);
	*len += n;
	out[*len] = 0;
	return 0;
}

/* Folds every component of @path onto @out. */
static int fold(char *out, size_t *len, const char *path)
{
	while (*path) {
		const char *end = path;
		int r;

		while (*end && *end != '/')
			end++;
		if (end > path && (r = push(out, len, path, (size_t)(end - path))) < 0)
			return r;
		path = *end ? end + 1 : end;
	}
	return 0;
}

int kiln_vfs_absolute(const char *path, char *out)
{
	size_t len = 1;
	int r;

	if (!path)
		return -EFAULT;
	if (!*path)
		return -ENOENT;
	out[0] = '/';
	out[1] = 0;
	if (path[0] != '/' && (r = fold(out, &len, cwd)) < 0)
		return r;
	return fold(out, &len, path);
}

int kiln_vfs_resolve(const char *path, struct kiln_vfs_target *t)
{
	char abs[KILN_VFS_PATH_MAX];
	const char *rest;
	int best = -1;
	int r = kiln_vfs_absolute(path, abs);

	if (r < 0)
		return r;
	for (int i = 0; i < MOUNTS; i++) {
		size_t n = mounts[i].len;

		if (!mounts[i].ops || (best >= 0 && n <= mounts[best].len))
			continue;
		if (n == 1 || (!strncmp(abs, mounts[i].at, n) && (abs[n] == 0 || abs[n] == '/')))
			best = i;
	}
	if (best < 0)
		return -ENOENT;
	t->ops = mounts[best].ops;
	t->fs = mounts[best].fs;
	/* The root mount sees the whole path; another sees what follows its mount point. */
	rest = abs + (mounts[best].len == 1 ? 0 : mounts[best].len);
	strcpy(t->path, *rest ? rest : "/");
	return 0;
}

int kiln_vfs_mount(const char *at, const struct kiln_vfs_ops *ops, void *fs)
{
	char abs[KILN_VFS_PATH_MAX];
	int free_slot = -1;
	int r = kiln_vfs_absolute(at, abs);

	if (r < 0)
		return r;
	for (int i = 0; i < MOUNTS; i++) {
		if (!mounts[i].ops) {
			if (free_slot < 0)
				free_slot = i;
		} else if (!strcmp(mounts[i].at, abs)) {
			return -EBUSY;
		}
	}
	if (free_slot < 0)
		return -ENOMEM;
	strcpy(mounts[free_slot].at, abs);
	mounts[free_slot].len = strlen(abs);
	mounts[free_slot].ops = ops;
	mounts[free_slot].fs = fs;
	return 0;
}

char *getcwd(char *buf, size_t size)
{
	size_t n = strlen(cwd) + 1;

	if (!buf || !size) {
		errno = EINVAL;
		return 0;
	}
	if (n > size) {
		errno = ERANGE;
		return 0;
	}
	return memcpy(buf, cwd, n);
}

int chdir(const char *path)
{
	struct kiln_vfs_target t;
	struct stat st;
	int r = kiln_vfs_resolve(path, &t);

	if (r == 0)
		r = t.ops->stat ? t.ops->stat(t.fs, t.path, &st) : -ENOTSUP;
	if (r == 0 && !S_ISDIR(st.st_mode))
		r = -ENOTDIR;
	if (r < 0)
		return kiln_vfs_fail(-r);
	return kiln_vfs_absolute(path, cwd);
}
