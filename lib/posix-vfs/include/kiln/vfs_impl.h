/* SPDX-License-Identifier: MIT */
/*
 * Mounting a file system, for implementers only: file systems (the RAM
 * file system) include this. Users call open(), stat(), mkdir(),
 * opendir()... from <fcntl.h>, <sys/stat.h>, <unistd.h> and <dirent.h>.
 *
 * Every path an implementation gets is absolute within it (starts with
 * "/", the mount point itself), has no "." or ".." component, no
 * repeated or trailing "/", and fits in KILN_VFS_PATH_MAX bytes.
 */
#ifndef KILN_VFS_IMPL_H
#define KILN_VFS_IMPL_H

#include <dirent.h>
#include <sys/stat.h>
#include <sys/types.h>

/** Longest path, terminating NUL included. */
#define KILN_VFS_PATH_MAX 256

/**
 * struct kiln_vfs_ops - what a file system does; @fs is its state.
 * @open:     open or create @path; return a descriptor from kiln_fd_alloc()
 *            or -errno. @flags are open()'s; @mode applies when creating.
 * @stat:     fill @st for @path; 0 or -errno
 * @unlink:   remove a file (open descriptors keep it until closed); 0 or -errno
 * @mkdir:    0 or -errno
 * @rmdir:    remove an empty directory; 0 or -errno
 * @rename:   move @from to @to in the same file system, replacing a file
 *            at @to; 0 or -errno
 * @truncate: set a file's size; 0 or -errno
 * @chmod:    set permission bits; 0 or -errno (NULL: ignored)
 * @opendir:  start listing @path; store a cursor in *@dir; 0 or -errno
 * @readdir:  fill @out with the next entry; 1, 0 at the end, or -errno
 * @rewinddir: back to the first entry
 * @closedir: release the cursor
 *
 * Operations a file system cannot do may be NULL: the call fails with
 * EROFS for changes and ENOTSUP otherwise.
 */
struct kiln_vfs_ops {
	int (*open)(void *fs, const char *path, int flags, mode_t mode);
	int (*stat)(void *fs, const char *path, struct stat *st);
	int (*unlink)(void *fs, const char *path);
	int (*mkdir)(void *fs, const char *path, mode_t mode);
	int (*rmdir)(void *fs, const char *path);
	int (*rename)(void *fs, const char *from, const char *to);
	int (*truncate)(void *fs, const char *path, off_t length);
	int (*chmod)(void *fs, const char *path, mode_t mode);
	int (*opendir)(void *fs, const char *path, void **dir);
	int (*readdir)(void *fs, void *dir, struct dirent *out);
	void (*rewinddir)(void *fs, void *dir);
	void (*closedir)(void *fs, void *dir);
};

/**
 * kiln_vfs_mount() - make (@ops, @fs) answer for paths under @at.
 * @at: an absolute path, e.g. "/" or "/tmp"; the longest matching mount wins
 *
 * File systems mount at boot in the KILN_INIT_FS stage (<kiln/init.h>):
 * after the allocator hand-over and the scheduler, so what they allocate
 * comes from the application allocator.
 *
 * Return: 0, -ENOMEM when the mount table is full, -EBUSY when @at is
 * already a mount point.
 */
int kiln_vfs_mount(const char *at, const struct kiln_vfs_ops *ops, void *fs);

#endif /* KILN_VFS_IMPL_H */
