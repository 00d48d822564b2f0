/* SPDX-License-Identifier: MIT */
/*
 * Sockets on lwIP's raw API, apart from the file descriptor table: what
 * posix.c maps the BSD calls onto. Private to the library.
 *
 * Every function returns 0 or a count on success and a negative errno
 * on failure. Blocking calls drive the stack themselves (kiln_net_poll)
 * and idle in kiln_net_wait() between looks.
 */
#ifndef KILN_KSOCKET_H
#define KILN_KSOCKET_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <netinet/in.h>

struct ksock;

int ksock_create(int type, struct ksock **out);
int ksock_close(struct ksock *s);
int ksock_bind(struct ksock *s, const struct sockaddr_in *addr);
int ksock_listen(struct ksock *s, int backlog);
int ksock_accept(struct ksock *s, int nonblock, struct ksock **out, struct sockaddr_in *peer);
int ksock_connect(struct ksock *s, int nonblock, const struct sockaddr_in *addr);
ssize_t ksock_send(struct ksock *s, int nonblock, const void *buf, size_t len, int flags, const struct sockaddr_in *to);
ssize_t ksock_recv(struct ksock *s, int nonblock, void *buf, size_t len, int flags, struct sockaddr_in *from);
int ksock_shutdown(struct ksock *s, int how);
int ksock_setsockopt(struct ksock *s, int level, int name, const void *value, socklen_t len);
int ksock_getsockopt(struct ksock *s, int level, int name, void *value, socklen_t *len);
int ksock_name(struct ksock *s, int peer, struct sockaddr_in *out);

/* What ksock_events() reports; posix.c maps them onto <poll.h>'s. */
#define KSOCK_IN   (1 << 0)   /* data, a connection to accept, or the end of the stream */
#define KSOCK_OUT  (1 << 1)   /* room to send */
#define KSOCK_ERR  (1 << 2)   /* an error is pending (SO_ERROR) */
#define KSOCK_HUP  (1 << 3)   /* the connection is gone */

/** ksock_events() - the KSOCK_* conditions true now (the stack polled first). */
short ksock_events(struct ksock *s);

/** ksock_set_nonblock() / ksock_nonblock() - the socket's own O_NONBLOCK. */
void ksock_set_nonblock(struct ksock *s, int on);
int ksock_nonblock(const struct ksock *s);

/** ksock_count() - sockets open now (for reports). */
unsigned long ksock_count(void);

#endif /* KILN_KSOCKET_H */
