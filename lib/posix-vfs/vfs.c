/* SPDX-License-Identifier: MIT */
/*
 * The calls that take a path: each resolves it to a file system and a
 * path inside it, then hands the work over.
 *
 * picolibc's own objects (fopen, remove, mkstemp, tmpnam) call open,
 * stat and unlink: those are KILN_LIBC_HOOKs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <kiln/libc_hook.h>
#include "vfs_private.h"

/* Which error a missing operation gives: a change cannot be made, a question cannot be answered. */
#define CHANGE -EROFS
#define QUERY  -ENOTSUP

static int done(int r)
{
	return r < 0 ? kiln_vfs_fail(-r) : r;
}

KILN_LIBC_HOOK int open(const char *path, int flags, ...)
{
	struct kiln_vfs_target t;
	mode_t mode = 0;
	int r;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	r = kiln_vfs_resolve(path, &t);
	if (r == 0)
		r = t.ops->open ? t.ops->open(t.fs, t.path, flags, mode) : QUERY;
	return done(r);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	/* Only the working directory: descriptors do not remember their paths. */
	if (dirfd != AT_FDCWD && path && path[0] != '/')
		return kiln_vfs_fail(ENOTSUP);
	return open(path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

KILN_LIBC_HOOK int stat(const char *path, struct stat *st)
{
	struct kiln_vfs_target t;
	int r = kiln_vfs_resolve(path, &t);

	if (r == 0) {
		memset(st, 0, sizeof(*st));
		r = t.ops->stat ? t.ops->stat(t.fs, t.path, st) : QUERY;
	}
	return done(r);
}

int lstat(const char *path, struct stat *st)
{
	return stat(path, st);
}

int access(const char *path, int mode)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	/* One user, who owns everything: only execute permission can be missing. */
	if ((mode & X_OK) && !S_ISDIR(st.st_mode) && !(st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
		return kiln_vfs_fail(EACCES);
	return 0;
}

KILN_LIBC_HOOK int unlink(const char *path)
{
	struct kiln_vfs_target t;
	int r = kiln_vfs_resolve(path, &t);

	if (r == 0)
		r = t.ops->unlink ? t.ops->unlink(t.fs, t.path) : CHANGE;
	return done(r);
}

int mkdir(const char *path, mode_t mode)
{
	struct kiln_vfs_target t;
	int r = kiln_vfs_resolve(path, &t);

	if (r == 0)
		r = t.ops->mkdir ? t.ops->mkdir(t.fs, t.path, mode) : CHANGE;
	return done(r);
}

int rmdir(const char *path)
{
	struct kiln_vfs_target t;
	int r = kiln_vfs_resolve(path, &t);

	if (r == 0)
		r = t.ops->rmdir ? t.ops->rmdir(t.fs, t.path) : CHANGE;
	return done(r);
}

int rename(const char *from, const char *to)
{
	struct kiln_vfs_target a, b;
	int r = kiln_vfs_resolve(from, &a);

	if (r == 0)
		r = kiln_vfs_resolve(to, &b);
	if (r == 0 && (a.fs != b.fs || a.ops != b.ops))
		r = -EXDEV;
	if (r == 0)
		r = a.ops->rename ? a.ops->rename(a.fs, a.path, b.path) : CHANGE;
	return done(r);
}

int truncate(const char *path, off_t length)
{
	struct kiln_vfs_target t;
	int r = length < 0 ? -EINVAL : kiln_vfs_resolve(path, &t);

	if (r == 0)
		r = t.ops->truncate ? t.ops->truncate(t.fs, t.path, length) : CHANGE;
	return done(r);
}

int chmod(const char *path, mode_t mode)
{
	struct kiln_vfs_target t;
	int r = kiln_vfs_resolve(path, &t);

	if (r == 0 && t.ops->chmod)
		r = t.ops->chmod(t.fs, t.path, mode);
	else if (r == 0 && t.ops->stat) {
		struct stat st;

		r = t.ops->stat(t.fs, t.path, &st);
	}
	return done(r);
}

char *realpath(const char *path, char *resolved)
{
	char abs[KILN_VFS_PATH_MAX];
	struct stat st;
	int r = kiln_vfs_absolute(path, abs);

	if (r < 0) {
		errno = -r;
		return 0;
	}
	if (stat(abs, &st) < 0)
		return 0;
	if (!resolved) {
		resolved = malloc(strlen(abs) + 1);
		if (!resolved) {
			errno = ENOMEM;
			return 0;
		}
	}
	return strcpy(resolved, abs);
}
