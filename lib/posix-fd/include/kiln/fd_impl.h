/* SPDX-License-Identifier: MIT */
/*
 * File descriptor table, for implementers only: libraries that make things
 * reachable through a file descriptor (the RAM file system's files, lwIP's
 * sockets, the console) include this. Users call read(), write(), close()
 * and poll() from <unistd.h> and <poll.h>.
 *
 * A descriptor names an open file description (the object, its ops, its
 * flags); dup() makes a second descriptor for the same description, and
 * @close runs when the last descriptor naming it is closed.
 */
#ifndef KILN_FD_IMPL_H
#define KILN_FD_IMPL_H

#include <stddef.h>
#include <sys/types.h>
#include <sys/stat.h>

/**
 * struct kiln_fd_ops - what one kind of descriptor can do.
 * @read:   read up to @len bytes; return the count, 0 at end, or -errno
 * @write:  write up to @len bytes; return the count or -errno
 * @lseek:  move the offset; return the new offset or -errno (NULL: -ESPIPE)
 * @close:  release @obj; return 0 or -errno
 * @fstat:  fill @st; return 0 or -errno (NULL: a character device)
 * @poll:   return the subset of @events (POLLIN, POLLOUT...) ready now,
 *          without blocking
 * @fcntl:  F_GETFL/F_SETFL and friends; return >= 0 or -errno (NULL: -EINVAL).
 *          F_SETFL is passed on after the table has recorded the new flags,
 *          so an object that cares (O_NONBLOCK, O_APPEND) can follow them.
 * @ftruncate: set the size to @length; return 0 or -errno (NULL: -EINVAL)
 * @fsync:  make written data durable; return 0 or -errno (NULL: nothing to do)
 *
 * Every callback may be NULL except @close; a NULL read or write gives -EBADF.
 * @ftruncate and @fsync were added after the others: ops written with
 * designated initializers leave them NULL.
 */
struct kiln_fd_ops {
	ssize_t (*read)(void *obj, void *buf, size_t len);
	ssize_t (*write)(void *obj, const void *buf, size_t len);
	off_t (*lseek)(void *obj, off_t offset, int whence);
	int (*close)(void *obj);
	int (*fstat)(void *obj, struct stat *st);
	short (*poll)(void *obj, short events);
	int (*fcntl)(void *obj, int cmd, long arg);
	int (*ftruncate)(void *obj, off_t length);
	int (*fsync)(void *obj);
};

/**
 * kiln_fd_alloc() - give @obj, driven by @ops, the lowest free descriptor.
 * @flags: the open flags (O_NONBLOCK, O_APPEND...), kept for F_GETFL
 *
 * Return: the descriptor, or -EMFILE when the table is full.
 */
int kiln_fd_alloc(const struct kiln_fd_ops *ops, void *obj, int flags);

/**
 * kiln_fd_lookup() - the object and ops behind @fd.
 *
 * Return: the object, or NULL (with *ops untouched) when @fd is not open.
 */
void *kiln_fd_lookup(int fd, const struct kiln_fd_ops **ops);

/** kiln_fd_flags() - the flags of an open descriptor, or -EBADF. */
int kiln_fd_flags(int fd);

/**
 * kiln_fd_notify() - say that some descriptor may have become ready.
 *
 * poll() callers that wait look again. Safe from an interrupt handler
 * (it only bumps a counter); cheap enough to call on every packet.
 */
void kiln_fd_notify(void);

#endif /* KILN_FD_IMPL_H */
