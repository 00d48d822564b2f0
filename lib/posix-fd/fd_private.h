/* SPDX-License-Identifier: MIT */
/*
 * posix-fd's own declarations, shared by its sources.
 */
#ifndef KILN_POSIX_FD_PRIVATE_H
#define KILN_POSIX_FD_PRIVATE_H

#include <stdint.h>
#include <kiln/fd_impl.h>

/**
 * struct kiln_file - an open file description.
 * @ops:   what the object can do
 * @obj:   the object (a RAM file, a socket...)
 * @flags: access mode and status flags (O_APPEND, O_NONBLOCK...)
 * @refs:  descriptors naming it; 0 means the slot is free
 */
struct kiln_file {
	const struct kiln_fd_ops *ops;
	void *obj;
	int flags;
	unsigned int refs;
};

/** kiln_fd_file() - the description @fd names, or NULL. */
struct kiln_file *kiln_fd_file(int fd);

/** kiln_fd_fail() - set errno to @err and return -1. */
int kiln_fd_fail(int err);

/** kiln_fd_seq() - how many times kiln_fd_notify() has been called. */
unsigned long kiln_fd_seq(void);

/**
 * kiln_fd_wait() - wait until kiln_fd_notify() is called after @seen was
 * read, until the clock reaches @deadline_ns, or (with no scheduler) until
 * any interrupt; whichever comes first. Spurious returns are allowed.
 */
void kiln_fd_wait(unsigned long seen, uint64_t deadline_ns);

#endif /* KILN_POSIX_FD_PRIVATE_H */
