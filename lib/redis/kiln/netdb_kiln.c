/* SPDX-License-Identifier: MIT */
/*
 * getaddrinfo() for Redis and hiredis without a resolver: an IPv4
 * address in dotted form, "localhost", or no node at all (the wildcard
 * address with AI_PASSIVE, else the loopback), with a numeric service.
 * One answer, of the socket type the hints ask for (TCP by default).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netdb.h>

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res)
{
	struct addrinfo *ai;
	struct sockaddr_in *sin;
	struct in_addr addr;
	unsigned long port = 0;
	int flags = hints ? hints->ai_flags : 0;
	int family = hints ? hints->ai_family : AF_UNSPEC;

	if (!res)
		return EAI_FAIL;
	if (family != AF_UNSPEC && family != AF_INET)
		return EAI_FAMILY;
	if (!node && !service)
		return EAI_NONAME;
	if (service && *service) {
		char *end;

		port = strtoul(service, &end, 10);
		if (*end || port > 65535)
			return EAI_SERVICE;
	}
	if (!node)
		addr.s_addr = htonl((flags & AI_PASSIVE) ? INADDR_ANY : INADDR_LOOPBACK);
	else if (strcmp(node, "localhost") == 0)
		addr.s_addr = htonl(INADDR_LOOPBACK);
	else if (inet_pton(AF_INET, node, &addr) != 1)
		return strchr(node, ':') ? EAI_FAMILY : EAI_NONAME;

	ai = calloc(1, sizeof(*ai) + sizeof(*sin));
	if (!ai)
		return EAI_MEMORY;
	sin = (struct sockaddr_in *)(ai + 1);
	sin->sin_family = AF_INET;
	sin->sin_port = htons((unsigned short)port);
	sin->sin_addr = addr;
	ai->ai_family = AF_INET;
	ai->ai_socktype = hints && hints->ai_socktype ? hints->ai_socktype : SOCK_STREAM;
	ai->ai_protocol = ai->ai_socktype == SOCK_DGRAM ? IPPROTO_UDP : IPPROTO_TCP;
	ai->ai_addrlen = sizeof(*sin);
	ai->ai_addr = (struct sockaddr *)sin;
	*res = ai;
	return 0;
}

void freeaddrinfo(struct addrinfo *res)
{
	while (res) {
		struct addrinfo *next = res->ai_next;

		free(res);
		res = next;
	}
}

const char *gai_strerror(int code)
{
	switch (code) {
	case 0: return "Success";
	case EAI_NONAME: return "Name or service not known (a Kiln image has no resolver: use an IPv4 address)";
	case EAI_FAMILY: return "Address family not supported (Kiln's sockets are IPv4 only)";
	case EAI_SERVICE: return "Service not known (use a port number)";
	case EAI_MEMORY: return "Memory allocation failure";
	case EAI_SOCKTYPE: return "Socket type not supported";
	case EAI_BADFLAGS: return "Bad value for ai_flags";
	default: return "Unknown error";
	}
}
