/* SPDX-License-Identifier: MIT */
/*
 * HTTP server: one thread, non-blocking sockets, poll().
 *
 * Each connection reads into its own buffer until a request head is
 * complete, answers it (a page, 404, 405, 400...), and goes on with the
 * next pipelined request once the answer is sent. A response that does
 * not fit the socket's send buffer waits for POLLOUT.
 *
 * Slow and silent clients cannot hold the slots: a connection idle longer
 * than the idle timeout is closed, and so is one whose request head is
 * not complete within the head deadline however steadily its bytes
 * trickle in (slowloris). New connections are always accepted at once,
 * so none waits in the backlog: when every slot (or every slot one client
 * address may hold) is taken, the connection that has waited longest for
 * its request head makes room; when every one is busy answering, the new
 * connection is reset.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <kiln/alloc.h>
#include <kiln/boot.h>
#include <kiln/config.h>
#include <kiln/net.h>
#include <kiln/time.h>
#include "http.h"

#define MAX_CONN CONFIG_APP_HTTP_MAX_CONNECTIONS
#define REQ_MAX  CONFIG_APP_HTTP_REQUEST_BYTES
#define IDLE_NS  ((uint64_t)CONFIG_APP_HTTP_IDLE_TIMEOUT_MS * 1000000u)
#define HEAD_NS  ((uint64_t)CONFIG_APP_HTTP_HEAD_TIMEOUT_MS * 1000000u)
/* 0: no limit of its own, the table's size bounds every client. */
#define PER_CLIENT CONFIG_APP_HTTP_MAX_CONNECTIONS_PER_CLIENT
/* poll() wakes at least this often, so lwIP's timers (retransmits, delayed ACKs) keep running. */
#define TICK_MS  100

/**
 * struct conn - one client connection.
 * @fd:         its socket
 * @peer:       the client's IPv4 address (network byte order)
 * @last_ns:    when it last made progress (for the idle timeout)
 * @head_ns:    when it began waiting for its current request head: at
 *              accept, then each time a response has been sent (for the
 *              head deadline, and the order of eviction)
 * @in, @in_len: bytes received and not yet answered
 * @head, @head_len, @head_off: the response head being sent
 * @body, @body_len, @body_off: the response body being sent
 * @owned:      @body was allocated for this response (free it after)
 * @close_after: close once the response is sent
 */
struct conn {
	int fd;
	uint32_t peer;
	uint64_t last_ns;
	uint64_t head_ns;
	size_t in_len;
	char head[256];
	size_t head_len, head_off;
	const char *body;
	size_t body_len, body_off;
	int owned;
	int close_after;
	char in[REQ_MAX];
};

static struct conn *conns[MAX_CONN];
static int nconns;

/*
 * The server's counters. @refused counts accept() failures (no memory, no
 * descriptor); @refused_full and @refused_client connections reset because
 * every slot, or every slot of that client, was busy answering.
 */
static struct {
	unsigned long accepted, closed, timed_out, requests, bad_requests, not_found, refused;
	unsigned long head_timeouts, evicted_full, evicted_client, refused_full, refused_client;
	uint64_t longest_wait_ns, longest_work_ns;
} counters;

/* Time from @then to @now; 0 when @then is later (taken after @now in the same round). */
static uint64_t since(uint64_t then, uint64_t now)
{
	return now > then ? now - then : 0;
}

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 400: return "Bad Request";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Content Too Large";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	case 431: return "Request Header Fields Too Large";
	case 505: return "HTTP Version Not Supported";
	default: return "Error";
	}
}

static void conn_close(int i)
{
	struct conn *c = conns[i];

	close(c->fd);
	if (c->owned)
		free((void *)c->body);
	free(c);
	conns[i] = conns[--nconns];
	conns[nconns] = 0;
	counters.closed++;
}

#ifdef CONFIG_APP_HTTP_STATS
/* The report /_kiln/stats serves: the server's counters, the heap's, the network's. */
static char *stats_body(size_t *len)
{
	size_t cap = 4096, n = 0;
	char *out = malloc(cap);
	struct kiln_alloc_stats heap;
	uint64_t hz = kiln_time_hz();

	if (!out)
		return 0;
	kiln_alloc_total(&heap);
	n += (size_t)snprintf(out + n, cap - n,
			      "uptime_ms %llu\nhttp.connections_open %d\nhttp.connections_accepted %lu\n"
			      "http.connections_closed %lu\nhttp.connections_timed_out %lu\nhttp.requests %lu\n"
			      "http.bad_requests %lu\nhttp.not_found %lu\nhttp.accept_failures %lu\n"
			      "http.head_timeouts %lu\nhttp.evicted_table_full %lu\nhttp.evicted_client_limit %lu\n"
			      "http.refused_table_full %lu\nhttp.refused_client_limit %lu\n"
			      "http.longest_poll_ms %llu\nhttp.longest_round_ms %llu\n"
			      "heap.current %zu\nheap.peak %zu\nheap.region %zu\nheap.allocations %zu\nheap.frees %zu\n"
			      "heap.failures %zu\n",
			      (unsigned long long)((kiln_time_ticks() - kiln_boot_entry_ticks()) * 1000u / (hz ? hz : 1)),
			      nconns, counters.accepted, counters.closed, counters.timed_out, counters.requests,
			      counters.bad_requests, counters.not_found, counters.refused, counters.head_timeouts,
			      counters.evicted_full, counters.evicted_client, counters.refused_full, counters.refused_client,
			      (unsigned long long)(counters.longest_wait_ns / 1000000u),
			      (unsigned long long)(counters.longest_work_ns / 1000000u), heap.current, heap.peak,
			      heap.region, heap.allocations, heap.frees, heap.failures);
	if (n < cap)
		n += kiln_net_report(out + n, cap - n);
	*len = n < cap ? n : cap - 1;
	return out;
}
#endif

/* Prepares the response to @req (or to a parse failure, @status < 0). */
static void respond(struct conn *c, long status, const struct http_request *req)
{
	const char *type = "text/plain; charset=utf-8";
	const char *body = 0;
	size_t body_len = 0;
	int head_only = 0, code = 200, owned = 0;

	counters.requests++;
	if (status < 0) {
		code = (int)-status;
		c->close_after = 1;
		counters.bad_requests++;
	} else if (req->has_body) {
		/* Nothing here takes a body: refuse rather than skip bytes we do not parse. */
		code = 413;
		c->close_after = 1;
		counters.bad_requests++;
	} else if (!(req->method_len == 3 && !memcmp(req->method, "GET", 3)) &&
		   !(req->method_len == 4 && !memcmp(req->method, "HEAD", 4))) {
		code = 405;
		c->close_after = !req->keep_alive;
	} else {
		const struct http_page *page = http_page_find(req->path, req->path_len);

		head_only = req->method_len == 4;
		c->close_after = !req->keep_alive;
		if (page) {
			body = page->body;
			body_len = page->length;
			type = page->type;
#ifdef CONFIG_APP_HTTP_STATS
		} else if (req->path_len == 12 && !memcmp(req->path, "/_kiln/stats", 12)) {
			body = stats_body(&body_len);
			owned = body != 0;
			if (!body)
				code = 503;
#endif
		} else {
			code = 404;
#ifdef CONFIG_APP_HTTP_FILES
			body = http_file_read(CONFIG_APP_HTTP_ROOT, req->path, req->path_len, &body_len, &type, &code);
			if (body) {
				code = 200;
				owned = 1;
			}
#endif
			if (code == 404)
				counters.not_found++;
		}
	}
	if (code != 200) {
		body = reason(code);
		body_len = strlen(body);
	}
	c->head_len = (size_t)snprintf(c->head, sizeof(c->head),
				       "HTTP/1.1 %d %s\r\nServer: kiln\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
				       "%sConnection: %s\r\n\r\n",
				       code, reason(code), type, body_len, code == 405 ? "Allow: GET, HEAD\r\n" : "",
				       c->close_after ? "close" : "keep-alive");
	c->head_off = 0;
	c->body = head_only ? 0 : body;
	c->body_len = head_only ? 0 : body_len;
	c->body_off = 0;
	c->owned = owned && !head_only;
	if (owned && head_only)
		free((void *)body);
}

static int sending(const struct conn *c)
{
	return c->head_off < c->head_len || c->body_off < c->body_len;
}

/* Sends what the socket takes. Return: -1 when the connection must close. */
static int flush(struct conn *c)
{
	while (sending(c)) {
		int in_head = c->head_off < c->head_len;
		const char *p = in_head ? c->head + c->head_off : c->body + c->body_off;
		size_t left = in_head ? c->head_len - c->head_off : c->body_len - c->body_off;
		ssize_t n = send(c->fd, p, left, in_head && c->body_len ? MSG_MORE : 0);

		if (n < 0)
			return errno == EAGAIN ? 0 : -1;
		if (in_head)
			c->head_off += (size_t)n;
		else
			c->body_off += (size_t)n;
	}
	if (c->owned) {
		free((void *)c->body);
		c->owned = 0;
	}
	c->body = 0;
	c->head_len = c->head_off = c->body_len = c->body_off = 0;
	/* The next request's head has its own deadline, from now. */
	c->head_ns = kiln_time_now_ns();
	return c->close_after ? -1 : 0;
}

/* Answers the complete requests in the buffer, one at a time. Return: -1 to close. */
static int serve(struct conn *c)
{
	while (!sending(c) && c->in_len) {
		struct http_request req;
		long r = http_parse(c->in, c->in_len, sizeof(c->in), &req);

		if (r == 0)
			return 0;
		respond(c, r, &req);
		if (r > 0) {
			memmove(c->in, c->in + r, c->in_len - (size_t)r);
			c->in_len -= (size_t)r;
		} else {
			c->in_len = 0;
		}
		if (flush(c))
			return -1;
	}
	return 0;
}

/* Reads what has arrived and answers it. Return: -1 to close. */
static int on_readable(struct conn *c)
{
	while (c->in_len < sizeof(c->in)) {
		ssize_t n = recv(c->fd, c->in + c->in_len, sizeof(c->in) - c->in_len, 0);

		if (n == 0)
			return -1;
		if (n < 0)
			return errno == EAGAIN ? serve(c) : -1;
		c->in_len += (size_t)n;
		if (serve(c))
			return -1;
		if (sending(c))
			return 0;  /* wait for POLLOUT before reading more */
	}
	return serve(c);
}

/* Resets the connection at once: no FIN handshake, and lwIP frees its control block now. */
static void reset(int fd)
{
	struct linger now = { .l_onoff = 1, .l_linger = 0 };

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &now, sizeof(now));
	close(fd);
}

/*
 * The head deadline passed: say so when part of a head came (one try, the
 * socket does not block), then close.
 */
static void head_timeout(int i)
{
	static const char answer[] = "HTTP/1.1 408 Request Timeout\r\nServer: kiln\r\nContent-Length: 0\r\n"
				     "Connection: close\r\n\r\n";
	struct conn *c = conns[i];

	if (c->in_len)
		send(c->fd, answer, sizeof(answer) - 1, 0);
	counters.head_timeouts++;
	conn_close(i);
}

/*
 * The connection that has waited longest for its request head, among
 * those of @peer (any client when @any): the one to close to make room.
 * A connection answering a request is never chosen.
 *
 * Return: its index, or -1 when every candidate is busy.
 */
static int longest_waiting(uint32_t peer, int any)
{
	int found = -1;

	for (int i = 0; i < nconns; i++) {
		const struct conn *c = conns[i];

		if (sending(c) || (!any && c->peer != peer))
			continue;
		if (found < 0 || c->head_ns < conns[found]->head_ns)
			found = i;
	}
	return found;
}

static int connections_of(uint32_t peer)
{
	int n = 0;

	for (int i = 0; i < nconns; i++)
		n += conns[i]->peer == peer;
	return n;
}

/*
 * Makes room for a new connection from @peer: at the client's limit, its
 * own longest-waiting connection goes; with the table full, anyone's.
 *
 * Return: 0, or -1 when nothing could go (the new connection is refused).
 */
static int make_room(uint32_t peer)
{
	int victim;

	if (PER_CLIENT && connections_of(peer) >= PER_CLIENT) {
		victim = longest_waiting(peer, 0);
		if (victim < 0) {
			counters.refused_client++;
			return -1;
		}
		counters.evicted_client++;
		conn_close(victim);
	}
	if (nconns >= MAX_CONN) {
		victim = longest_waiting(0, 1);
		if (victim < 0) {
			counters.refused_full++;
			return -1;
		}
		counters.evicted_full++;
		conn_close(victim);
	}
	return 0;
}

/*
 * Takes every connection waiting in the backlog, so none waits there for a
 * slot: each gets one, by eviction if need be, or is reset. Whatever
 * request came with it is read and answered at once.
 */
static void accept_all(int listener, uint64_t now)
{
	for (;;) {
		int one = 1;
		struct sockaddr_in from;
		socklen_t from_len = sizeof(from);
		int fd = accept4(listener, (struct sockaddr *)&from, &from_len, SOCK_NONBLOCK);
		struct conn *c;

		if (fd < 0) {
			if (errno != EAGAIN)
				counters.refused++;
			return;
		}
		if (make_room(from.sin_addr.s_addr)) {
			reset(fd);
			continue;
		}
		c = malloc(sizeof(*c));
		if (!c) {
			counters.refused++;
			reset(fd);
			continue;
		}
		memset(c, 0, offsetof(struct conn, in));
		c->fd = fd;
		c->peer = from.sin_addr.s_addr;
		c->last_ns = c->head_ns = now;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		conns[nconns++] = c;
		counters.accepted++;
		if (on_readable(c))
			conn_close(nconns - 1);
	}
}

static int listen_on(int port)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port), .sin_addr = { INADDR_ANY } };
	int one = 1;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

	if (fd < 0) {
		printf("http: socket: %s\n", strerror(errno));
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) || listen(fd, CONFIG_APP_HTTP_BACKLOG)) {
		printf("http: cannot listen on port %d: %s\n", port, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

int main(int argc, char **argv)
{
	static struct pollfd fds[MAX_CONN + 1];
	struct in_addr ip;
	uint64_t hz = kiln_time_hz();
	int listener, pages;

	(void)argc;
	(void)argv;
	pages = http_pages_load(CONFIG_APP_HTTP_CONTENT);
	if (pages < 0) {
		printf("http: the configured content (APP_HTTP_CONTENT) is malformed\n");
		return 1;
	}
	listener = listen_on(CONFIG_APP_HTTP_PORT);
	if (listener < 0)
		return 1;
	if (kiln_net_wait_ready(10ull * KILN_NSEC_PER_SEC)) {
		printf("http: the network did not come up\n");
		return 1;
	}
	ip.s_addr = kiln_net_ipv4();
	printf("http: listening on http://%s:%d/ (%d pages), %llu ms after boot\n", inet_ntoa(ip),
	       CONFIG_APP_HTTP_PORT, pages,
	       (unsigned long long)((kiln_time_ticks() - kiln_boot_entry_ticks()) * 1000u / (hz ? hz : 1)));

	for (;;) {
		uint64_t now = kiln_time_now_ns();
		int n = 0, timeout = TICK_MS;

		for (int i = 0; i < nconns; i++) {
			fds[n].fd = conns[i]->fd;
			fds[n].events = sending(conns[i]) ? POLLOUT : POLLIN;
			n++;
		}
		fds[n].fd = listener;
		fds[n].events = POLLIN;
		if (counters.longest_work_ns < kiln_time_now_ns() - now)
			counters.longest_work_ns = kiln_time_now_ns() - now;
		if (poll(fds, (nfds_t)n + 1, timeout) < 0) {
			printf("http: poll: %s\n", strerror(errno));
			return 1;
		}
		if (counters.longest_wait_ns < kiln_time_now_ns() - now)
			counters.longest_wait_ns = kiln_time_now_ns() - now;
		now = kiln_time_now_ns();
		/* Walk down: conn_close() moves the last connection into the closed one's slot. */
		for (int i = n; i-- > 0;) {
			struct conn *c = conns[i];
			short ev = fds[i].revents;
			int r = 0;

			if (!ev)
				continue;
			c->last_ns = now;
			if (ev & POLLOUT)
				r = flush(c) || serve(c);
			else if (ev & (POLLIN | POLLHUP | POLLERR))
				r = on_readable(c);
			if (r)
				conn_close(i);
		}
		/*
		 * Idle connections go, and so do those whose request head is late
		 * however many bytes of it trickle in, so their slots serve others.
		 * Only after this round's events: a connection whose request
		 * arrived while the image was not running (a busy host) is served,
		 * not timed out.
		 */
		for (int i = nconns; i-- > 0;) {
			struct conn *c = conns[i];

			if (since(c->last_ns, now) >= IDLE_NS) {
				counters.timed_out++;
				conn_close(i);
			} else if (!sending(c) && since(c->head_ns, now) >= HEAD_NS) {
				head_timeout(i);
			}
		}
		if (fds[n].revents & POLLIN)
			accept_all(listener, now);
	}
}
