/* SPDX-License-Identifier: MIT */
/*
 * <netinet/tcp.h>: TCP-level socket options (level IPPROTO_TCP).
 */
#ifndef KILN_NETINET_TCP_H
#define KILN_NETINET_TCP_H

#define TCP_NODELAY     1   /* send at once, no Nagle coalescing */
#define TCP_KEEPIDLE    4   /* seconds idle before the first keepalive probe */
#define TCP_KEEPINTVL   5   /* seconds between probes */
#define TCP_KEEPCNT     6   /* probes before the connection is dropped */

#endif /* KILN_NETINET_TCP_H */
