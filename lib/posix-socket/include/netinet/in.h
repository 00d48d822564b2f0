/* SPDX-License-Identifier: MIT */
/*
 * <netinet/in.h> (POSIX.1-2017): IPv4 addresses and ports.
 */
#ifndef KILN_NETINET_IN_H
#define KILN_NETINET_IN_H

#include <stdint.h>
#include <sys/socket.h>

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

/** struct in_addr - an IPv4 address, network byte order. */
struct in_addr {
	in_addr_t s_addr;
};

/** struct sockaddr_in - an IPv4 address and port, both network byte order. */
struct sockaddr_in {
	sa_family_t sin_family;
	in_port_t sin_port;
	struct in_addr sin_addr;
	unsigned char sin_zero[8];
};

#define IPPROTO_IP      0
#define IPPROTO_ICMP    1
#define IPPROTO_TCP     6
#define IPPROTO_UDP     17

#define INADDR_ANY       ((in_addr_t)0x00000000)
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#define INADDR_NONE      ((in_addr_t)0xffffffff)
#define INADDR_LOOPBACK  ((in_addr_t)0x7f000001)

#define INET_ADDRSTRLEN 16

/* Byte order: ARM64 images run little-endian. */
#define htons(x) __builtin_bswap16((uint16_t)(x))
#define ntohs(x) __builtin_bswap16((uint16_t)(x))
#define htonl(x) __builtin_bswap32((uint32_t)(x))
#define ntohl(x) __builtin_bswap32((uint32_t)(x))

#endif /* KILN_NETINET_IN_H */
