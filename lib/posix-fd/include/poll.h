/* SPDX-License-Identifier: MIT */
/*
 * poll(): wait for some of a set of descriptors to become ready.
 * (picolibc has no <poll.h>; Kiln's descriptor layer provides it.)
 *
 * Event bits have Linux's values, which programs ported from it sometimes
 * assume.
 */
#ifndef KILN_POLL_H
#define KILN_POLL_H

#ifdef __cplusplus
extern "C" {
#endif

#define POLLIN     0x0001 /* data to read */
#define POLLPRI    0x0002 /* urgent data to read */
#define POLLOUT    0x0004 /* writing will not block */
#define POLLERR    0x0008 /* error (output only) */
#define POLLHUP    0x0010 /* hung up (output only) */
#define POLLNVAL   0x0020 /* not an open descriptor (output only) */
#define POLLRDNORM 0x0040 /* normal data to read */
#define POLLRDBAND 0x0080 /* priority data to read */
#define POLLWRNORM 0x0100 /* normal data can be written */
#define POLLWRBAND 0x0200 /* priority data can be written */

/** struct pollfd - one descriptor to watch: @events asked for, @revents found. */
struct pollfd {
	int fd;
	short events;
	short revents;
};

typedef unsigned long nfds_t;

/**
 * poll() - wait until one of @fds is ready, or @timeout milliseconds
 * (negative: no limit; 0: just look).
 *
 * Return: how many entries have a non-zero revents, 0 on timeout, or -1
 * with errno set.
 */
int poll(struct pollfd *fds, nfds_t nfds, int timeout);

#ifdef __cplusplus
}
#endif

#endif /* KILN_POLL_H */
