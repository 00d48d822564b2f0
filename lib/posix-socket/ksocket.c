/* SPDX-License-Identifier: MIT */
/*
 * Sockets on lwIP's raw API (NO_SYS): each socket keeps what lwIP's
 * callbacks hand it (received data, connections to accept, errors), and
 * the calls read that state, waiting on the network when they must.
 *
 * Flow control is lwIP's: received data is acknowledged to the peer's
 * window (tcp_recved) only as the application reads it, and send()
 * takes no more than the connection's send buffer has room for.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>
#include <netinet/tcp.h>
#include <kiln/alloc.h>
#include <kiln/net.h>
#include <kiln/time.h>
#include "lwip/ip_addr.h"
#include "lwip/pbuf.h"
#include "lwip/tcp.h"
#include "lwip/udp.h"
#include "ksocket.h"

/* Datagrams a UDP socket keeps before dropping new ones. */
#define UDP_QUEUE_MAX 16

enum state { S_NEW, S_BOUND, S_LISTEN, S_CONNECTING, S_CONNECTED, S_CLOSED };

struct dgram {
	struct dgram *next;
	struct pbuf *p;
	ip_addr_t from;
	u16_t port;
};

struct ksock {
	int type;
	enum state state;
	int error;                  /* pending errno, reported once */
	int nonblock;
	int shut_rd, shut_wr;
	int reuseaddr;
	struct linger linger;
	uint64_t rcvtimeo_ns, sndtimeo_ns;
	struct tcp_pcb *tcp;        /* NULL once lwIP freed it (reset, abort) */
	struct udp_pcb *udp;
	/* TCP: received data not yet read, and whether the peer finished. */
	struct pbuf *rx;
	int rx_fin;
	/* Listening: connections established, not yet accepted (a ring). */
	struct ksock **pending;
	int pending_head, pending_count, pending_max;
	/* UDP: datagrams not yet read. */
	struct dgram *dq_head, *dq_tail;
	int dq_count;
};

static unsigned long open_sockets;

unsigned long ksock_count(void)
{
	return open_sockets;
}

static int errno_of(err_t err)
{
	switch (err) {
	case ERR_OK: return 0;
	case ERR_MEM: return ENOMEM;
	case ERR_BUF: return ENOBUFS;
	case ERR_TIMEOUT: return ETIMEDOUT;
	case ERR_RTE: return EHOSTUNREACH;
	case ERR_INPROGRESS: return EINPROGRESS;
	case ERR_VAL: return EINVAL;
	case ERR_WOULDBLOCK: return EWOULDBLOCK;
	case ERR_USE: return EADDRINUSE;
	case ERR_ALREADY: return EALREADY;
	case ERR_ISCONN: return EISCONN;
	case ERR_CONN: return ENOTCONN;
	case ERR_IF: return ENETDOWN;
	case ERR_ABRT: return ECONNABORTED;
	case ERR_RST: return ECONNRESET;
	case ERR_CLSD: return ENOTCONN;
	case ERR_ARG: return EINVAL;
	default: return EIO;
	}
}

static void to_lwip(const struct sockaddr_in *in, ip_addr_t *ip, u16_t *port)
{
	ip_addr_set_ip4_u32(ip, in->sin_addr.s_addr);
	*port = ntohs(in->sin_port);
}

static void from_lwip(const ip_addr_t *ip, u16_t port, struct sockaddr_in *out)
{
	memset(out, 0, sizeof(*out));
	out->sin_family = AF_INET;
	out->sin_port = htons(port);
	out->sin_addr.s_addr = ip ? ip_addr_get_ip4_u32(ip) : 0;
}

/*
 * Waits until @ready says so, the timeout passes (-EAGAIN) or never with
 * @nonblock (-EAGAIN at once). The stack is polled before each look.
 */
static int wait_until(struct ksock *s, int (*ready)(struct ksock *), int nonblock, uint64_t timeout_ns)
{
	uint64_t deadline = timeout_ns ? kiln_time_now_ns() + timeout_ns : 0;

	for (;;) {
		kiln_net_poll();
		if (ready(s))
			return 0;
		if (nonblock || (deadline && kiln_time_now_ns() >= deadline))
			return -EAGAIN;
		kiln_net_wait(deadline);
	}
}

/* lwIP callbacks. The socket is their argument; lwIP never calls them after we detach. */

static err_t on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct ksock *s = arg;

	(void)err;
	if (!p) {
		s->rx_fin = 1;
		return ERR_OK;
	}
	if (s->shut_rd) {
		/* Nobody will read it: acknowledge and drop. */
		tcp_recved(pcb, p->tot_len);
		pbuf_free(p);
		return ERR_OK;
	}
	if (s->rx)
		pbuf_cat(s->rx, p);
	else
		s->rx = p;
	return ERR_OK;
}

static void on_err(void *arg, err_t err)
{
	struct ksock *s = arg;

	/* lwIP has freed the pcb already. */
	s->tcp = 0;
	s->error = s->state == S_CONNECTING && err == ERR_RST ? ECONNREFUSED : errno_of(err);
	s->state = S_CLOSED;
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct ksock *s = arg;

	(void)pcb;
	if (err != ERR_OK) {
		s->error = errno_of(err);
		return ERR_OK;
	}
	s->state = S_CONNECTED;
	return ERR_OK;
}

static void attach(struct ksock *s, struct tcp_pcb *pcb)
{
	s->tcp = pcb;
	tcp_arg(pcb, s);
	tcp_recv(pcb, on_recv);
	tcp_err(pcb, on_err);
}

static void detach(struct tcp_pcb *pcb)
{
	tcp_arg(pcb, 0);
	tcp_recv(pcb, 0);
	tcp_err(pcb, 0);
	tcp_sent(pcb, 0);
	tcp_accept(pcb, 0);
}

static struct ksock *new_sock(int type)
{
	struct ksock *s = kiln_calloc(1, sizeof(*s));

	if (s) {
		s->type = type;
		open_sockets++;
	}
	return s;
}

static err_t on_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct ksock *l = arg, *c;

	if (err != ERR_OK || !pcb)
		return ERR_VAL;
	/* The accept queue is full, or memory is: refuse (lwIP resets the connection). */
	if (l->pending_count >= l->pending_max || !(c = new_sock(SOCK_STREAM)))
		return ERR_MEM;
	c->state = S_CONNECTED;
	attach(c, pcb);
	/* Still counts against the listen backlog until accept() takes it: lwIP drops further SYNs meanwhile. */
	tcp_backlog_delayed(pcb);
	l->pending[(l->pending_head + l->pending_count++) % l->pending_max] = c;
	return ERR_OK;
}

static void on_udp(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr, u16_t port)
{
	struct ksock *s = arg;
	struct dgram *d;

	(void)pcb;
	if (s->dq_count >= UDP_QUEUE_MAX || s->shut_rd || !(d = kiln_malloc(sizeof(*d)))) {
		pbuf_free(p);
		return;
	}
	d->next = 0;
	d->p = p;
	ip_addr_copy(d->from, *addr);
	d->port = port;
	if (s->dq_tail)
		s->dq_tail->next = d;
	else
		s->dq_head = d;
	s->dq_tail = d;
	s->dq_count++;
}

int ksock_create(int type, struct ksock **out)
{
	struct ksock *s;

	if (type != SOCK_STREAM && type != SOCK_DGRAM)
		return -EPROTONOSUPPORT;
	if (!(s = new_sock(type)))
		return -ENOMEM;
	if (type == SOCK_STREAM) {
		struct tcp_pcb *pcb = tcp_new_ip_type(IPADDR_TYPE_V4);

		if (!pcb) {
			ksock_close(s);
			return -ENOBUFS;
		}
		attach(s, pcb);
	} else {
		s->udp = udp_new_ip_type(IPADDR_TYPE_V4);
		if (!s->udp) {
			ksock_close(s);
			return -ENOBUFS;
		}
		udp_recv(s->udp, on_udp, s);
	}
	*out = s;
	return 0;
}

static void close_tcp(struct ksock *s)
{
	struct tcp_pcb *pcb = s->tcp;

	s->tcp = 0;
	if (!pcb)
		return;
	detach(pcb);
	if (s->state == S_LISTEN) {
		tcp_close(pcb);
		return;
	}
	/* SO_LINGER with a zero timeout means: reset, do not finish sending. */
	if ((s->linger.l_onoff && s->linger.l_linger == 0) || tcp_close(pcb) != ERR_OK)
		tcp_abort(pcb);
}

int ksock_close(struct ksock *s)
{
	if (s->type == SOCK_STREAM) {
		/* Unread data makes lwIP's close a reset, as on other systems. */
		close_tcp(s);
		if (s->rx)
			pbuf_free(s->rx);
		while (s->pending_count) {
			ksock_close(s->pending[s->pending_head]);
			s->pending_head = (s->pending_head + 1) % s->pending_max;
			s->pending_count--;
		}
		kiln_free(s->pending);
	} else {
		if (s->udp)
			udp_remove(s->udp);
		while (s->dq_head) {
			struct dgram *d = s->dq_head;

			s->dq_head = d->next;
			pbuf_free(d->p);
			kiln_free(d);
		}
	}
	open_sockets--;
	kiln_free(s);
	return 0;
}

int ksock_bind(struct ksock *s, const struct sockaddr_in *addr)
{
	ip_addr_t ip;
	u16_t port;
	err_t err;

	if (addr->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	to_lwip(addr, &ip, &port);
	if (s->type == SOCK_STREAM) {
		if (!s->tcp || s->state != S_NEW)
			return -EINVAL;
		if (s->reuseaddr)
			ip_set_option(s->tcp, SOF_REUSEADDR);
		err = tcp_bind(s->tcp, &ip, port);
	} else {
		err = udp_bind(s->udp, &ip, port);
	}
	if (err != ERR_OK)
		return -errno_of(err);
	s->state = S_BOUND;
	return 0;
}

int ksock_listen(struct ksock *s, int backlog)
{
	struct tcp_pcb *lpcb;
	err_t err;

	if (s->type != SOCK_STREAM)
		return -EOPNOTSUPP;
	if (s->state == S_LISTEN)
		return 0;
	if (!s->tcp || (s->state != S_NEW && s->state != S_BOUND))
		return -EINVAL;
	if (backlog < 1)
		backlog = 1;
	if (backlog > SOMAXCONN)
		backlog = SOMAXCONN;
	s->pending = kiln_calloc((size_t)backlog, sizeof(*s->pending));
	if (!s->pending)
		return -ENOMEM;
	s->pending_max = backlog;
	/*
	 * lwIP's backlog counts handshakes in progress and connections not yet
	 * accepted (see on_accept()); SYNs beyond it are dropped, and the
	 * client tries again later. So the ring below never overflows.
	 */
	lpcb = tcp_listen_with_backlog_and_err(s->tcp, (u8_t)(backlog > 255 ? 255 : backlog), &err);
	if (!lpcb) {
		kiln_free(s->pending);
		s->pending = 0;
		return -errno_of(err);
	}
	s->tcp = lpcb;
	s->state = S_LISTEN;
	tcp_arg(lpcb, s);
	tcp_accept(lpcb, on_accept);
	return 0;
}

static int has_pending(struct ksock *s)
{
	return s->pending_count > 0;
}

int ksock_accept(struct ksock *s, int nonblock, struct ksock **out, struct sockaddr_in *peer)
{
	struct ksock *c;
	int r;

	if (s->state != S_LISTEN)
		return -EINVAL;
	r = wait_until(s, has_pending, nonblock || s->nonblock, s->rcvtimeo_ns);
	if (r)
		return r;
	c = s->pending[s->pending_head];
	s->pending_head = (s->pending_head + 1) % s->pending_max;
	s->pending_count--;
	if (c->tcp)
		tcp_backlog_accepted(c->tcp);
	if (peer)
		from_lwip(c->tcp ? &c->tcp->remote_ip : 0, c->tcp ? c->tcp->remote_port : 0, peer);
	*out = c;
	return 0;
}

static int connect_done(struct ksock *s)
{
	return s->state != S_CONNECTING;
}

int ksock_connect(struct ksock *s, int nonblock, const struct sockaddr_in *addr)
{
	ip_addr_t ip;
	u16_t port;
	err_t err;
	int r;

	if (addr->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	to_lwip(addr, &ip, &port);
	if (s->type == SOCK_DGRAM) {
		err = udp_connect(s->udp, &ip, port);
		return err == ERR_OK ? 0 : -errno_of(err);
	}
	switch (s->state) {
	case S_CONNECTING: return -EALREADY;
	case S_CONNECTED: return -EISCONN;
	case S_LISTEN: return -EINVAL;
	case S_CLOSED: return -(s->error ? s->error : ECONNABORTED);
	default: break;
	}
	if (!s->tcp)
		return -EINVAL;
	err = tcp_connect(s->tcp, &ip, port, on_connected);
	if (err != ERR_OK)
		return -errno_of(err);
	s->state = S_CONNECTING;
	r = wait_until(s, connect_done, nonblock || s->nonblock, s->sndtimeo_ns);
	if (r == -EAGAIN)
		return nonblock || s->nonblock ? -EINPROGRESS : -ETIMEDOUT;
	if (s->state != S_CONNECTED) {
		r = s->error ? s->error : ECONNREFUSED;
		s->error = 0;
		return -r;
	}
	return 0;
}

static int can_send(struct ksock *s)
{
	return !s->tcp || s->state != S_CONNECTED || s->error ||
	       (tcp_sndbuf(s->tcp) > 0 && tcp_sndqueuelen(s->tcp) < TCP_SND_QUEUELEN);
}

static ssize_t send_tcp(struct ksock *s, int nonblock, const void *buf, size_t len, int flags)
{
	const uint8_t *p = buf;
	size_t done = 0;

	while (done < len) {
		size_t room;
		err_t err;

		if (s->error) {
			int e = s->error;

			s->error = 0;
			return done ? (ssize_t)done : -e;
		}
		if (s->shut_wr || !s->tcp || s->state != S_CONNECTED)
			return done ? (ssize_t)done : (s->state == S_CONNECTED || s->state == S_CLOSED ? -EPIPE : -ENOTCONN);
		if (wait_until(s, can_send, nonblock, s->sndtimeo_ns))
			return done ? (ssize_t)done : -EAGAIN;
		if (!s->tcp || s->state != S_CONNECTED)
			continue;
		room = tcp_sndbuf(s->tcp);
		if (room > len - done)
			room = len - done;
		err = tcp_write(s->tcp, p + done, (u16_t)room,
				TCP_WRITE_FLAG_COPY | (done + room < len || (flags & MSG_MORE) ? TCP_WRITE_FLAG_MORE : 0));
		if (err == ERR_MEM) {
			/* Out of segments or heap for now: send what is queued and wait for acknowledgements. */
			tcp_output(s->tcp);
			if (nonblock)
				return done ? (ssize_t)done : -EAGAIN;
			kiln_net_wait(0);
			continue;
		}
		if (err != ERR_OK)
			return done ? (ssize_t)done : -errno_of(err);
		done += room;
		if (!(flags & MSG_MORE))
			tcp_output(s->tcp);
	}
	return (ssize_t)done;
}

static ssize_t send_udp(struct ksock *s, const void *buf, size_t len, const struct sockaddr_in *to)
{
	struct pbuf *p;
	err_t err;

	if (len > 0xffff - 28)
		return -EMSGSIZE;
	p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM);
	if (!p)
		return -ENOBUFS;
	pbuf_take(p, buf, (u16_t)len);
	if (to) {
		ip_addr_t ip;
		u16_t port;

		to_lwip(to, &ip, &port);
		err = udp_sendto(s->udp, p, &ip, port);
	} else {
		err = udp_send(s->udp, p);
	}
	pbuf_free(p);
	kiln_net_poll();
	return err == ERR_OK ? (ssize_t)len : -errno_of(err);
}

ssize_t ksock_send(struct ksock *s, int nonblock, const void *buf, size_t len, int flags, const struct sockaddr_in *to)
{
	nonblock = nonblock || s->nonblock || (flags & MSG_DONTWAIT);
	if (s->type == SOCK_DGRAM)
		return send_udp(s, buf, len, to);
	if (to)
		return -EISCONN;
	return send_tcp(s, nonblock, buf, len, flags);
}

static int can_recv(struct ksock *s)
{
	if (s->type == SOCK_DGRAM)
		return s->dq_head != 0 || s->shut_rd;
	return s->rx || s->rx_fin || s->error || s->shut_rd || !s->tcp || s->state != S_CONNECTED;
}

static ssize_t recv_tcp(struct ksock *s, void *buf, size_t len, int flags)
{
	size_t n;

	if (s->rx) {
		n = pbuf_copy_partial(s->rx, buf, (u16_t)(len > 0xffff ? 0xffff : len), 0);
		if (!(flags & MSG_PEEK)) {
			s->rx = pbuf_free_header(s->rx, (u16_t)n);
			/* Reopen the window by what the application took. */
			if (s->tcp)
				tcp_recved(s->tcp, (u16_t)n);
		}
		return (ssize_t)n;
	}
	if (s->rx_fin || s->shut_rd)
		return 0;
	if (s->error) {
		int e = s->error;

		s->error = 0;
		return -e;
	}
	if (s->state == S_CLOSED)
		return 0;
	return -ENOTCONN;
}

static ssize_t recv_udp(struct ksock *s, void *buf, size_t len, int flags, struct sockaddr_in *from)
{
	struct dgram *d = s->dq_head;
	size_t n;

	if (!d)
		return 0;
	n = pbuf_copy_partial(d->p, buf, (u16_t)(len > 0xffff ? 0xffff : len), 0);
	if (from)
		from_lwip(&d->from, d->port, from);
	if (!(flags & MSG_PEEK)) {
		s->dq_head = d->next;
		if (!s->dq_head)
			s->dq_tail = 0;
		s->dq_count--;
		pbuf_free(d->p);
		kiln_free(d);
	}
	return (ssize_t)n;
}

ssize_t ksock_recv(struct ksock *s, int nonblock, void *buf, size_t len, int flags, struct sockaddr_in *from)
{
	int r;

	if (s->type == SOCK_STREAM && (s->state == S_NEW || s->state == S_BOUND || s->state == S_LISTEN))
		return -ENOTCONN;
	if (s->type == SOCK_STREAM && from)
		ksock_name(s, 1, from);
	r = wait_until(s, can_recv, nonblock || s->nonblock || (flags & MSG_DONTWAIT), s->rcvtimeo_ns);
	if (r)
		return r;
	return s->type == SOCK_STREAM ? recv_tcp(s, buf, len, flags) : recv_udp(s, buf, len, flags, from);
}

int ksock_shutdown(struct ksock *s, int how)
{
	if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
		return -EINVAL;
	if (s->type == SOCK_STREAM && s->state != S_CONNECTED && s->state != S_CLOSED)
		return -ENOTCONN;
	if (how != SHUT_WR) {
		s->shut_rd = 1;
		if (s->rx) {
			if (s->tcp)
				tcp_recved(s->tcp, s->rx->tot_len);
			pbuf_free(s->rx);
			s->rx = 0;
		}
	}
	if (how != SHUT_RD && !s->shut_wr) {
		s->shut_wr = 1;
		if (s->tcp)
			tcp_shutdown(s->tcp, 0, 1);
	}
	return 0;
}

static uint64_t timeval_ns(const struct timeval *tv)
{
	return (uint64_t)tv->tv_sec * KILN_NSEC_PER_SEC + (uint64_t)tv->tv_usec * 1000u;
}

int ksock_setsockopt(struct ksock *s, int level, int name, const void *value, socklen_t len)
{
	int on = len >= sizeof(int) ? *(const int *)value : 0;

	if (level == SOL_SOCKET) {
		switch (name) {
		case SO_REUSEADDR:
		case SO_REUSEPORT:
			if (len < sizeof(int))
				return -EINVAL;
			s->reuseaddr = on != 0;
			if (s->tcp && s->state != S_LISTEN) {
				if (on)
					ip_set_option(s->tcp, SOF_REUSEADDR);
				else
					ip_reset_option(s->tcp, SOF_REUSEADDR);
			}
			return 0;
		case SO_KEEPALIVE:
			if (len < sizeof(int))
				return -EINVAL;
			if (s->tcp) {
				if (on)
					ip_set_option(s->tcp, SOF_KEEPALIVE);
				else
					ip_reset_option(s->tcp, SOF_KEEPALIVE);
			}
			return 0;
		case SO_BROADCAST:
			if (len < sizeof(int))
				return -EINVAL;
			if (s->udp) {
				if (on)
					ip_set_option(s->udp, SOF_BROADCAST);
				else
					ip_reset_option(s->udp, SOF_BROADCAST);
			}
			return 0;
		case SO_RCVTIMEO:
		case SO_SNDTIMEO:
			if (len < sizeof(struct timeval))
				return -EINVAL;
			*(name == SO_RCVTIMEO ? &s->rcvtimeo_ns : &s->sndtimeo_ns) = timeval_ns(value);
			return 0;
		case SO_LINGER:
			if (len < sizeof(struct linger))
				return -EINVAL;
			s->linger = *(const struct linger *)value;
			return 0;
		case SO_RCVBUF:
		case SO_SNDBUF:
			/* Sizes are lwIP's, fixed by Kconfig (LIBLWIP_TCP_WINDOW, LIBLWIP_TCP_SEND_BUFFER). */
			return len < sizeof(int) ? -EINVAL : 0;
		default:
			return -ENOPROTOOPT;
		}
	}
	if (level == IPPROTO_TCP && s->type == SOCK_STREAM) {
		if (len < sizeof(int))
			return -EINVAL;
		if (!s->tcp)
			return -ECONNRESET;
		switch (name) {
		case TCP_NODELAY:
			if (on)
				tcp_nagle_disable(s->tcp);
			else
				tcp_nagle_enable(s->tcp);
			return 0;
		case TCP_KEEPIDLE:
			s->tcp->keep_idle = (u32_t)on * 1000u;
			return 0;
		case TCP_KEEPINTVL:
			s->tcp->keep_intvl = (u32_t)on * 1000u;
			return 0;
		case TCP_KEEPCNT:
			s->tcp->keep_cnt = (u32_t)on;
			return 0;
		default:
			return -ENOPROTOOPT;
		}
	}
	return -ENOPROTOOPT;
}

static int put_int(void *value, socklen_t *len, int v)
{
	if (*len < sizeof(int))
		return -EINVAL;
	*(int *)value = v;
	*len = sizeof(int);
	return 0;
}

int ksock_getsockopt(struct ksock *s, int level, int name, void *value, socklen_t *len)
{
	if (level == SOL_SOCKET) {
		switch (name) {
		case SO_ERROR: {
			int e = s->error;

			s->error = 0;
			return put_int(value, len, e);
		}
		case SO_TYPE: return put_int(value, len, s->type);
		case SO_ACCEPTCONN: return put_int(value, len, s->state == S_LISTEN);
		case SO_REUSEADDR: return put_int(value, len, s->reuseaddr);
		case SO_KEEPALIVE: return put_int(value, len, s->tcp && ip_get_option(s->tcp, SOF_KEEPALIVE) ? 1 : 0);
		case SO_RCVBUF: return put_int(value, len, s->type == SOCK_STREAM ? TCP_WND : 0xffff);
		case SO_SNDBUF: return put_int(value, len, s->type == SOCK_STREAM ? TCP_SND_BUF : 0xffff);
		case SO_RCVTIMEO:
		case SO_SNDTIMEO: {
			uint64_t ns = name == SO_RCVTIMEO ? s->rcvtimeo_ns : s->sndtimeo_ns;
			struct timeval tv = { .tv_sec = (time_t)(ns / KILN_NSEC_PER_SEC),
					      .tv_usec = (suseconds_t)(ns % KILN_NSEC_PER_SEC / 1000) };

			if (*len < sizeof(tv))
				return -EINVAL;
			memcpy(value, &tv, sizeof(tv));
			*len = sizeof(tv);
			return 0;
		}
		case SO_LINGER:
			if (*len < sizeof(struct linger))
				return -EINVAL;
			memcpy(value, &s->linger, sizeof(s->linger));
			*len = sizeof(struct linger);
			return 0;
		default:
			return -ENOPROTOOPT;
		}
	}
	if (level == IPPROTO_TCP && s->type == SOCK_STREAM) {
		if (!s->tcp)
			return -ECONNRESET;
		switch (name) {
		case TCP_NODELAY: return put_int(value, len, tcp_nagle_disabled(s->tcp) ? 1 : 0);
		case TCP_KEEPIDLE: return put_int(value, len, (int)(s->tcp->keep_idle / 1000u));
		case TCP_KEEPINTVL: return put_int(value, len, (int)(s->tcp->keep_intvl / 1000u));
		case TCP_KEEPCNT: return put_int(value, len, (int)s->tcp->keep_cnt);
		default: return -ENOPROTOOPT;
		}
	}
	return -ENOPROTOOPT;
}

int ksock_name(struct ksock *s, int peer, struct sockaddr_in *out)
{
	if (s->type == SOCK_STREAM) {
		if (!s->tcp)
			return -ENOTCONN;
		if (peer && s->state != S_CONNECTED)
			return -ENOTCONN;
		if (peer)
			from_lwip(&s->tcp->remote_ip, s->tcp->remote_port, out);
		else
			from_lwip(&s->tcp->local_ip, s->tcp->local_port, out);
		return 0;
	}
	if (peer && !(s->udp->flags & UDP_FLAGS_CONNECTED))
		return -ENOTCONN;
	if (peer)
		from_lwip(&s->udp->remote_ip, s->udp->remote_port, out);
	else
		from_lwip(&s->udp->local_ip, s->udp->local_port, out);
	return 0;
}

short ksock_events(struct ksock *s)
{
	short ev = 0;

	kiln_net_poll();
	if (s->type == SOCK_DGRAM) {
		if (s->dq_head)
			ev |= KSOCK_IN;
		return (short)(ev | KSOCK_OUT);
	}
	if (s->state == S_LISTEN)
		return s->pending_count ? KSOCK_IN : 0;
	if (s->rx || s->rx_fin || s->shut_rd)
		ev |= KSOCK_IN;
	if (s->error)
		ev |= KSOCK_ERR | KSOCK_IN;
	if (s->state == S_CLOSED || (s->rx_fin && s->shut_wr))
		ev |= KSOCK_HUP | KSOCK_IN;
	if (s->state == S_CONNECTED && s->tcp && !s->shut_wr && can_send(s))
		ev |= KSOCK_OUT;
	return ev;
}

void ksock_set_nonblock(struct ksock *s, int on)
{
	s->nonblock = on != 0;
}

int ksock_nonblock(const struct ksock *s)
{
	return s->nonblock;
}
