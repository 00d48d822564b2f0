/* SPDX-License-Identifier: MIT */
/*
 * <sys/un.h> for Redis (server.c and anet.c include it). Kiln's sockets
 * have no Unix domain: socket(AF_UNIX) fails with EAFNOSUPPORT, so a
 * "unixsocket" line in redis.conf makes Redis stop at start with that
 * error. The structure is here because the code that builds one compiles.
 */
#ifndef KILN_REDIS_SYS_UN_H
#define KILN_REDIS_SYS_UN_H

#include <sys/socket.h>

#define AF_UNIX  1
#define AF_LOCAL AF_UNIX

struct sockaddr_un {
	sa_family_t sun_family;
	char sun_path[108];
};

#endif
