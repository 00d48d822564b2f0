/* SPDX-License-Identifier: MIT */
/*
 * poll() and select(): look at every descriptor; when none is ready, wait for a
 * kiln_fd_notify() (or, with no scheduler, any interrupt) and look again,
 * until the timeout.
 */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <sys/select.h>
#include <sys/time.h>
#include <kiln/time.h>
#include "fd_private.h"

/* Always reported, whether asked for or not. */
#define ALWAYS (POLLERR | POLLHUP | POLLNVAL)

static volatile unsigned long notified;

void kiln_fd_notify(void)
{
	notified++;
}

unsigned long kiln_fd_seq(void)
{
	return notified;
}

static int scan(struct pollfd *fds, nfds_t nfds)
{
	int ready = 0;

	for (nfds_t i = 0; i < nfds; i++) {
		struct kiln_file *f;

		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		f = kiln_fd_file(fds[i].fd);
		if (!f)
			fds[i].revents = POLLNVAL;
		else if (f->ops->poll)
			fds[i].revents = (short)(f->ops->poll(f->obj, (short)(fds[i].events | ALWAYS)) & (fds[i].events | ALWAYS));
		else
			/* An object that cannot say is always ready: reads and writes will not wait for it. */
			fds[i].revents = (short)(fds[i].events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM));
		if (fds[i].revents)
			ready++;
	}
	return ready;
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	uint64_t deadline = timeout < 0 ? UINT64_MAX : kiln_time_now_ns() + (uint64_t)timeout * 1000000u;

	for (;;) {
		unsigned long seen = notified;
		int ready = scan(fds, nfds);

		if (ready || timeout == 0)
			return ready;
		if (kiln_time_now_ns() >= deadline)
			return 0;
		kiln_fd_wait(seen, deadline);
	}
}

/*
 * select(): poll() over the descriptors in the sets, one at a time (no
 * array of pollfd as large as the sets), with the same waiting.
 */
static int select_scan(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, fd_set *ord, fd_set *owr, fd_set *oex)
{
	int ready = 0;

	for (int fd = 0; fd < nfds; fd++) {
		struct pollfd p = { fd, 0, 0 };

		if (rd && FD_ISSET(fd, rd))
			p.events |= POLLIN;
		if (wr && FD_ISSET(fd, wr))
			p.events |= POLLOUT;
		if (ex && FD_ISSET(fd, ex))
			p.events |= POLLPRI;
		if (!p.events)
			continue;
		scan(&p, 1);
		if (p.revents & POLLNVAL)
			return -EBADF;
		if ((p.revents & (POLLIN | POLLHUP | POLLERR)) && rd && FD_ISSET(fd, rd)) {
			FD_SET(fd, ord);
			ready++;
		}
		if ((p.revents & (POLLOUT | POLLERR)) && wr && FD_ISSET(fd, wr)) {
			FD_SET(fd, owr);
			ready++;
		}
		if ((p.revents & POLLPRI) && ex && FD_ISSET(fd, ex)) {
			FD_SET(fd, oex);
			ready++;
		}
	}
	return ready;
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	uint64_t wait_ns = tv ? (uint64_t)tv->tv_sec * 1000000000u + (uint64_t)tv->tv_usec * 1000u : UINT64_MAX;
	uint64_t deadline = tv ? kiln_time_now_ns() + wait_ns : UINT64_MAX;
	fd_set ord, owr, oex;

	if (nfds < 0 || nfds > FD_SETSIZE || (tv && (tv->tv_sec < 0 || tv->tv_usec < 0)))
		return kiln_fd_fail(EINVAL);
	for (;;) {
		unsigned long seen = notified;
		int ready;

		FD_ZERO(&ord);
		FD_ZERO(&owr);
		FD_ZERO(&oex);
		ready = select_scan(nfds, rd, wr, ex, &ord, &owr, &oex);
		if (ready < 0)
			return kiln_fd_fail(-ready);
		if (ready || wait_ns == 0 || kiln_time_now_ns() >= deadline) {
			if (rd)
				*rd = ord;
			if (wr)
				*wr = owr;
			if (ex)
				*ex = oex;
			return ready;
		}
		kiln_fd_wait(seen, deadline);
	}
}
