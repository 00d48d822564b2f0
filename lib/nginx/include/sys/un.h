/* SPDX-License-Identifier: MIT */
/*
 * <sys/un.h>, which NGINX's POSIX configuration includes. Kiln's sockets
 * have no Unix domain (NGX_HAVE_UNIX_DOMAIN is off), so NGINX refuses
 * "unix:" addresses in its configuration; the structure is here only
 * because the header is included unconditionally.
 */
#ifndef KILN_NGINX_SYS_UN_H
#define KILN_NGINX_SYS_UN_H

#include <sys/socket.h>

/* socket() refuses it (EAFNOSUPPORT); NGINX names it in code it never reaches here. */
#define AF_UNIX  1
#define AF_LOCAL AF_UNIX

struct sockaddr_un {
	sa_family_t sun_family;
	char sun_path[108];
};

#endif
