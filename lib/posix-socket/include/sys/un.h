/* SPDX-License-Identifier: MIT */
/*
 * <sys/un.h>: the Unix-domain address. Kiln's sockets have only the
 * Internet domain: socket(AF_UNIX, ...) fails with EAFNOSUPPORT, as does
 * bind() or connect() with this address. The structure is here because
 * programs that can use Unix sockets (NGINX, Redis) build one in code an
 * image without them never reaches.
 */
#ifndef KILN_SYS_UN_H
#define KILN_SYS_UN_H

#include <sys/socket.h>

#define AF_UNIX  1
#define AF_LOCAL AF_UNIX
#define PF_UNIX  AF_UNIX
#define PF_LOCAL AF_UNIX

struct sockaddr_un {
	sa_family_t sun_family;
	char sun_path[108];
};

#endif
