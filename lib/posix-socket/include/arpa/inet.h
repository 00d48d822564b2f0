/* SPDX-License-Identifier: MIT */
/*
 * <arpa/inet.h> (POSIX.1-2017): IPv4 address text conversions, and the
 * byte order functions. Replaces picolibc's, which has only the latter.
 */
#ifndef KILN_ARPA_INET_H
#define KILN_ARPA_INET_H

#include <netinet/in.h>

in_addr_t inet_addr(const char *text);
int inet_aton(const char *text, struct in_addr *out);
char *inet_ntoa(struct in_addr addr);
const char *inet_ntop(int af, const void *src, char *dst, socklen_t size);
int inet_pton(int af, const char *src, void *dst);

#endif /* KILN_ARPA_INET_H */
