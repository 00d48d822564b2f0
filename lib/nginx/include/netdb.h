/* SPDX-License-Identifier: MIT */
/*
 * <netdb.h>, for NGINX's ngx_inet_resolve_host(): a host name in a
 * "listen" directive (addresses in dotted form never get here). Kiln has
 * no resolver and no hosts file, so gethostbyname() knows only
 * "localhost" (127.0.0.1, as every hosts file says) and fails with
 * HOST_NOT_FOUND for any other name (kiln/ngx_kiln_netdb.c).
 */
#ifndef KILN_NGINX_NETDB_H
#define KILN_NGINX_NETDB_H

#include <netinet/in.h>

struct hostent {
	char *h_name;
	char **h_aliases;
	int h_addrtype;
	int h_length;
	char **h_addr_list;
};

#define HOST_NOT_FOUND 1

extern int h_errno;

struct hostent *gethostbyname(const char *name);

#endif
