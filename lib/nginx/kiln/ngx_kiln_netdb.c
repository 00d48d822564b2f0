/* SPDX-License-Identifier: MIT */
/*
 * gethostbyname() for NGINX's "listen NAME:PORT" (include/netdb.h says
 * why it is so small): Kiln has no resolver and no hosts file, so the
 * only name known is "localhost", as every hosts file has it.
 */
#include <string.h>
#include <netdb.h>

int h_errno;

struct hostent *gethostbyname(const char *name)
{
	static struct in_addr loopback;
	static char *addresses[2];
	static char *aliases[1];
	static char localhost[] = "localhost";
	static struct hostent entry;

	if (!name || strcmp(name, "localhost") != 0) {
		h_errno = HOST_NOT_FOUND;
		return NULL;
	}
	loopback.s_addr = htonl(INADDR_LOOPBACK);
	addresses[0] = (char *)&loopback;
	addresses[1] = NULL;
	aliases[0] = NULL;
	entry.h_name = localhost;
	entry.h_aliases = aliases;
	entry.h_addrtype = AF_INET;
	entry.h_length = sizeof(loopback);
	entry.h_addr_list = addresses;
	return &entry;
}
