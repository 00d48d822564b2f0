/* SPDX-License-Identifier: MIT */
/*
 * The BSD socket calls, and sockets as file descriptors: read(), write(),
 * close(), poll() and fcntl(O_NONBLOCK) reach them through posix-fd's
 * table. O_NONBLOCK is the descriptor's (fcntl or SOCK_NONBLOCK).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <kiln/fd_impl.h>
#include <kiln/init.h>
#include <kiln/netdev.h>
#include "ksocket.h"

static int fail(int err)
{
	errno = err;
	return -1;
}

static ssize_t op_read(void *obj, void *buf, size_t len)
{
	return ksock_recv(obj, 0, buf, len, 0, 0);
}

static ssize_t op_write(void *obj, const void *buf, size_t len)
{
	return ksock_send(obj, 0, buf, len, 0, 0);
}

static int op_close(void *obj)
{
	return ksock_close(obj);
}

static int op_fstat(void *obj, struct stat *st)
{
	(void)obj;
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFSOCK | 0777;
	return 0;
}

static short op_poll(void *obj, short events)
{
	short k = ksock_events(obj), ev = 0;

	(void)events;
	if (k & KSOCK_IN)
		ev |= POLLIN | POLLRDNORM;
	if (k & KSOCK_OUT)
		ev |= POLLOUT | POLLWRNORM;
	if (k & KSOCK_ERR)
		ev |= POLLERR;
	if (k & KSOCK_HUP)
		ev |= POLLHUP;
	return ev;
}

static int op_fcntl(void *obj, int cmd, long arg)
{
	if (cmd != F_SETFL)
		return -EINVAL;
	ksock_set_nonblock(obj, (arg & O_NONBLOCK) != 0);
	return 0;
}

static const struct kiln_fd_ops socket_ops = {
	.read = op_read,
	.write = op_write,
	.close = op_close,
	.fstat = op_fstat,
	.poll = op_poll,
	.fcntl = op_fcntl,
};

/* The socket behind @fd, or NULL with errno set (EBADF, ENOTSOCK). */
static struct ksock *sock_of(int fd, int *nonblock)
{
	const struct kiln_fd_ops *ops = 0;
	void *obj = kiln_fd_lookup(fd, &ops);

	if (!obj) {
		errno = EBADF;
		return 0;
	}
	if (ops != &socket_ops) {
		errno = ENOTSOCK;
		return 0;
	}
	if (nonblock)
		*nonblock = (kiln_fd_flags(fd) & O_NONBLOCK) != 0;
	return obj;
}

/* A struct sockaddr_in from the caller's address, or -errno. */
static int address_in(const struct sockaddr *addr, socklen_t len, struct sockaddr_in *out)
{
	if (!addr || len < sizeof(struct sockaddr_in))
		return -EINVAL;
	memcpy(out, addr, sizeof(*out));
	return out->sin_family == AF_INET ? 0 : -EAFNOSUPPORT;
}

/* Copies an address out as the calls that return one do (truncating, reporting the full size). */
static void address_out(const struct sockaddr_in *in, struct sockaddr *addr, socklen_t *len)
{
	if (!addr || !len)
		return;
	memcpy(addr, in, *len < sizeof(*in) ? *len : sizeof(*in));
	*len = sizeof(*in);
}

static int install(struct ksock *s, int nonblock)
{
	int fd = kiln_fd_alloc(&socket_ops, s, O_RDWR | (nonblock ? O_NONBLOCK : 0));

	if (fd < 0) {
		ksock_close(s);
		return fail(-fd);
	}
	ksock_set_nonblock(s, nonblock);
	return fd;
}

int socket(int domain, int type, int protocol)
{
	int kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	struct ksock *s;
	int r;

	if (domain != AF_INET)
		return fail(EAFNOSUPPORT);
	if ((kind == SOCK_STREAM && protocol && protocol != IPPROTO_TCP) ||
	    (kind == SOCK_DGRAM && protocol && protocol != IPPROTO_UDP))
		return fail(EPROTONOSUPPORT);
	r = ksock_create(kind, &s);
	if (r)
		return fail(-r);
	return install(s, (type & SOCK_NONBLOCK) != 0);
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	struct sockaddr_in in;
	struct ksock *s = sock_of(fd, 0);
	int r;

	if (!s)
		return -1;
	if ((r = address_in(addr, len, &in)) || (r = ksock_bind(s, &in)))
		return fail(-r);
	return 0;
}

int listen(int fd, int backlog)
{
	struct ksock *s = sock_of(fd, 0);
	int r;

	if (!s)
		return -1;
	return (r = ksock_listen(s, backlog)) ? fail(-r) : 0;
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
	int nonblock;
	struct ksock *s = sock_of(fd, &nonblock), *c;
	struct sockaddr_in peer;
	int r;

	if (!s)
		return -1;
	if ((r = ksock_accept(s, nonblock, &c, &peer)))
		return fail(-r);
	r = install(c, (flags & SOCK_NONBLOCK) != 0);
	if (r >= 0)
		address_out(&peer, addr, len);
	return r;
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	return accept4(fd, addr, len, 0);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	int nonblock;
	struct ksock *s = sock_of(fd, &nonblock);
	struct sockaddr_in in;
	int r;

	if (!s)
		return -1;
	if ((r = address_in(addr, len, &in)) || (r = ksock_connect(s, nonblock, &in)))
		return fail(-r);
	return 0;
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to, socklen_t tolen)
{
	int nonblock;
	struct ksock *s = sock_of(fd, &nonblock);
	struct sockaddr_in in;
	ssize_t n;
	int r;

	if (!s)
		return -1;
	if (to && (r = address_in(to, tolen, &in)))
		return fail(-r);
	n = ksock_send(s, nonblock, buf, len, flags, to ? &in : 0);
	return n < 0 ? fail((int)-n) : n;
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	return sendto(fd, buf, len, flags, 0, 0);
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from, socklen_t *fromlen)
{
	int nonblock;
	struct ksock *s = sock_of(fd, &nonblock);
	struct sockaddr_in in;
	ssize_t n;

	if (!s)
		return -1;
	n = ksock_recv(s, nonblock, buf, len, flags, from ? &in : 0);
	if (n < 0)
		return fail((int)-n);
	if (from)
		address_out(&in, from, fromlen);
	return n;
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	return recvfrom(fd, buf, len, flags, 0, 0);
}

int shutdown(int fd, int how)
{
	struct ksock *s = sock_of(fd, 0);
	int r;

	if (!s)
		return -1;
	return (r = ksock_shutdown(s, how)) ? fail(-r) : 0;
}

int setsockopt(int fd, int level, int name, const void *value, socklen_t len)
{
	struct ksock *s = sock_of(fd, 0);
	int r;

	if (!s)
		return -1;
	if (!value)
		return fail(EFAULT);
	return (r = ksock_setsockopt(s, level, name, value, len)) ? fail(-r) : 0;
}

int getsockopt(int fd, int level, int name, void *value, socklen_t *len)
{
	struct ksock *s = sock_of(fd, 0);
	int r;

	if (!s)
		return -1;
	if (!value || !len)
		return fail(EFAULT);
	return (r = ksock_getsockopt(s, level, name, value, len)) ? fail(-r) : 0;
}

static int name_of(int fd, int peer, struct sockaddr *addr, socklen_t *len)
{
	struct ksock *s = sock_of(fd, 0);
	struct sockaddr_in in;
	int r;

	if (!s)
		return -1;
	if (!addr || !len)
		return fail(EFAULT);
	if ((r = ksock_name(s, peer, &in)))
		return fail(-r);
	address_out(&in, addr, len);
	return 0;
}

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
	return name_of(fd, 0, addr, len);
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{
	return name_of(fd, 1, addr, len);
}

/* The device's interrupt wakes poll(): it only bumps posix-fd's counter, which is interrupt-safe. */
static int kiln_socket_init(void)
{
	kiln_netdev_set_notifier(kiln_fd_notify);
	return 0;
}

KILN_INIT(kiln_socket_init, KILN_INIT_SOCKETS);
