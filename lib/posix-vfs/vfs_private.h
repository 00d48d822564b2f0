/* SPDX-License-Identifier: MIT */
/*
 * posix-vfs's own declarations, shared by its sources.
 */
#ifndef KILN_POSIX_VFS_PRIVATE_H
#define KILN_POSIX_VFS_PRIVATE_H

#include <kiln/vfs_impl.h>

/**
 * struct kiln_vfs_target - where a path leads.
 * @ops:  the file system's ops
 * @fs:   its state
 * @path: the path inside it (starts with "/")
 */
struct kiln_vfs_target {
	const struct kiln_vfs_ops *ops;
	void *fs;
	char path[KILN_VFS_PATH_MAX];
};

/**
 * kiln_vfs_resolve() - make @path absolute, fold "." and "..", and find
 * the file system it is in.
 *
 * Return: 0, or -errno (ENOENT for an empty path or no file system,
 * ENAMETOOLONG, EFAULT for NULL).
 */
int kiln_vfs_resolve(const char *path, struct kiln_vfs_target *out);

/**
 * kiln_vfs_absolute() - @path made absolute and folded, into @out
 * (KILN_VFS_PATH_MAX bytes).
 *
 * Return: 0 or -errno.
 */
int kiln_vfs_absolute(const char *path, char *out);

/** kiln_vfs_fail() - set errno to @err and return -1. */
int kiln_vfs_fail(int err);

#endif /* KILN_POSIX_VFS_PRIVATE_H */
