/* SPDX-License-Identifier: MIT */
/*
 * <netdb.h> for Redis and hiredis: getaddrinfo() for the addresses in
 * "bind", "replicaof" and Sentinel's monitors. Kiln has no resolver and
 * no hosts file: kiln/netdb_kiln.c's getaddrinfo() takes IPv4 addresses
 * in dotted form, "localhost" (127.0.0.1, as every hosts file says) and
 * no name (the wildcard address with AI_PASSIVE), and fails with
 * EAI_NONAME for any other name and EAI_FAMILY for IPv6.
 */
#ifndef KILN_REDIS_NETDB_H
#define KILN_REDIS_NETDB_H

#include <sys/socket.h>
#include <netinet/in.h>

struct addrinfo {
	int ai_flags;
	int ai_family;
	int ai_socktype;
	int ai_protocol;
	socklen_t ai_addrlen;
	struct sockaddr *ai_addr;
	char *ai_canonname;
	struct addrinfo *ai_next;
};

#define AI_PASSIVE     0x01
#define AI_CANONNAME   0x02
#define AI_NUMERICHOST 0x04
#define AI_NUMERICSERV 0x400

#define NI_NUMERICHOST 0x01
#define NI_NUMERICSERV 0x02
#define NI_MAXHOST     1025
#define NI_MAXSERV     32

#define EAI_BADFLAGS -1
#define EAI_NONAME   -2
#define EAI_AGAIN    -3
#define EAI_FAIL     -4
#define EAI_FAMILY   -6
#define EAI_SOCKTYPE -7
#define EAI_SERVICE  -8
#define EAI_MEMORY   -10
#define EAI_SYSTEM   -11

/*
 * Kiln's sockets are IPv4 only: socket(AF_INET6) fails, so a "bind ::1"
 * makes Redis say it cannot listen there. These are what the IPv6 code
 * paths that compile anyway (anet.c, cluster.c) name.
 */
#ifndef AF_INET6
#define AF_INET6 10
#define PF_INET6 AF_INET6
#define IPPROTO_IPV6 41
#define IPV6_V6ONLY 26
#define INET6_ADDRSTRLEN 46
struct in6_addr {
	unsigned char s6_addr[16];
};
struct sockaddr_in6 {
	sa_family_t sin6_family;
	in_port_t sin6_port;
	uint32_t sin6_flowinfo;
	struct in6_addr sin6_addr;
	uint32_t sin6_scope_id;
};
#endif

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);
const char *gai_strerror(int code);

#endif
