/* SPDX-License-Identifier: MIT */
/*
 * net-echo: sockets the blocking way, one cooperative thread per
 * connection. Each worker blocks in accept() on the shared listening
 * socket, then echoes what it reads until the peer closes. A blocked
 * call drives the network and lets the other threads run meanwhile.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <kiln/config.h>
#include <kiln/net.h>
#include <kiln/sched.h>
#include <kiln/time.h>

#define GATEWAY "10.0.2.2"

static int listener;

static void worker(void *arg)
{
	char buf[512];

	for (;;) {
		struct sockaddr_in peer;
		socklen_t len = sizeof(peer);
		int fd = accept(listener, (struct sockaddr *)&peer, &len);
		ssize_t n;

		if (fd < 0) {
			printf("net-echo: accept: %s\n", strerror(errno));
			kiln_thread_sleep_ns(100000000u);
			continue;
		}
		printf("net-echo: %s took %s:%u\n", (const char *)arg, inet_ntoa(peer.sin_addr), ntohs(peer.sin_port));
		while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
			for (ssize_t done = 0, w; done < n; done += w) {
				w = send(fd, buf + done, (size_t)(n - done), 0);
				if (w < 0)
					goto out;
			}
		}
out:
		close(fd);
	}
}

/* Greets the host over TCP and UDP through QEMU's gateway; prints what it answers. */
static void greet_host(int port)
{
	struct sockaddr_in host = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	struct timeval limit = { .tv_sec = 5 };
	const char hello[] = "hello from kiln\n";
	char reply[128];
	ssize_t n;
	int fd;

	inet_pton(AF_INET, GATEWAY, &host.sin_addr);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof(limit));
	if (connect(fd, (struct sockaddr *)&host, sizeof(host)) || send(fd, hello, sizeof(hello) - 1, 0) < 0 ||
	    (n = recv(fd, reply, sizeof(reply) - 1, 0)) < 0) {
		printf("net-echo: tcp to %s:%d: %s\n", GATEWAY, port, strerror(errno));
	} else {
		reply[n] = 0;
		printf("net-echo: tcp reply: %s", reply);
	}
	close(fd);

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
	if (sendto(fd, hello, sizeof(hello) - 1, 0, (struct sockaddr *)&host, sizeof(host)) < 0 ||
	    (n = recvfrom(fd, reply, sizeof(reply) - 1, 0, 0, 0)) < 0) {
		printf("net-echo: udp to %s:%d: %s\n", GATEWAY, port, strerror(errno));
	} else {
		reply[n] = 0;
		printf("net-echo: udp reply: %s", reply);
	}
	close(fd);
}

int main(int argc, char **argv)
{
	static char names[CONFIG_APP_NET_ECHO_WORKERS][16];
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(CONFIG_APP_NET_ECHO_PORT) };
	int one = 1;

	(void)argc;
	(void)argv;
	if (kiln_net_wait_ready(10ull * KILN_NSEC_PER_SEC)) {
		printf("net-echo: the network did not come up\n");
		return 1;
	}
	listener = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(listener, CONFIG_APP_NET_ECHO_WORKERS)) {
		printf("net-echo: cannot listen on port %d: %s\n", CONFIG_APP_NET_ECHO_PORT, strerror(errno));
		return 1;
	}
	for (int i = 0; i < CONFIG_APP_NET_ECHO_WORKERS; i++) {
		snprintf(names[i], sizeof(names[i]), "worker %d", i);
		if (!kiln_thread_create(names[i], worker, names[i], 0)) {
			printf("net-echo: no memory for thread %d\n", i);
			return 1;
		}
	}
	printf("net-echo: %d threads echo on port %d\n", CONFIG_APP_NET_ECHO_WORKERS, CONFIG_APP_NET_ECHO_PORT);
	if (CONFIG_APP_NET_ECHO_HOST_PORT)
		greet_host(CONFIG_APP_NET_ECHO_HOST_PORT);
	/* main() returning would end the image: serve until QEMU is stopped. */
	for (;;)
		kiln_thread_sleep_ns(KILN_NSEC_PER_SEC);
}
