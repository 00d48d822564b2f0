/* SPDX-License-Identifier: MIT */
/*
 * IPv4 address text conversions (<arpa/inet.h>, POSIX.1-2017): dotted
 * decimal only for inet_pton(); inet_aton() also takes the older forms
 * (a, a.b, a.b.c, octal and hex parts) as BSD's does.
 */
#include <errno.h>
#include <stdio.h>
#include <arpa/inet.h>

int inet_aton(const char *text, struct in_addr *out)
{
	uint32_t parts[4];
	int n = 0;
	const char *p = text;

	for (;;) {
		uint32_t v = 0, base = 10;
		int digits = 0;

		if (*p == '0') {
			base = 8;
			if (p[1] == 'x' || p[1] == 'X') {
				base = 16;
				p += 2;
			}
		}
		for (;; p++, digits++) {
			uint32_t d;

			if (*p >= '0' && *p <= '9')
				d = (uint32_t)(*p - '0');
			else if (base == 16 && *p >= 'a' && *p <= 'f')
				d = (uint32_t)(*p - 'a' + 10);
			else if (base == 16 && *p >= 'A' && *p <= 'F')
				d = (uint32_t)(*p - 'A' + 10);
			else
				break;
			if (d >= base || v > (0xffffffffu - d) / base)
				return 0;
			v = v * base + d;
		}
		if (!digits && base != 8)
			return 0;
		parts[n++] = v;
		if (*p != '.')
			break;
		if (n == 4)
			return 0;
		p++;
	}
	if (*p)
		return 0;
	/* The last part fills the bytes the earlier ones did not. */
	uint32_t addr;

	switch (n) {
	case 1: addr = parts[0]; break;
	case 2: if (parts[0] > 0xff || parts[1] > 0xffffff) return 0;
		addr = parts[0] << 24 | parts[1]; break;
	case 3: if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff) return 0;
		addr = parts[0] << 24 | parts[1] << 16 | parts[2]; break;
	default: if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xff || parts[3] > 0xff) return 0;
		addr = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]; break;
	}
	if (out)
		out->s_addr = htonl(addr);
	return 1;
}

in_addr_t inet_addr(const char *text)
{
	struct in_addr a;

	return inet_aton(text, &a) ? a.s_addr : INADDR_NONE;
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	const unsigned char *b = src;
	int n;

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return 0;
	}
	n = snprintf(dst, size, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	if (n < 0 || (socklen_t)n >= size) {
		errno = ENOSPC;
		return 0;
	}
	return dst;
}

char *inet_ntoa(struct in_addr addr)
{
	static char text[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &addr, text, sizeof(text));
	return text;
}

int inet_pton(int af, const char *src, void *dst)
{
	unsigned char out[4];

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	/* Strictly four decimal parts of 0 to 255, no leading zeros. */
	for (int i = 0; i < 4; i++) {
		unsigned v = 0;
		int digits = 0;

		if (src[0] == '0' && src[1] >= '0' && src[1] <= '9')
			return 0;
		while (*src >= '0' && *src <= '9' && digits < 3) {
			v = v * 10 + (unsigned)(*src++ - '0');
			digits++;
		}
		if (!digits || v > 255)
			return 0;
		out[i] = (unsigned char)v;
		if (i < 3 && *src++ != '.')
			return 0;
	}
	if (*src)
		return 0;
	for (int i = 0; i < 4; i++)
		((unsigned char *)dst)[i] = out[i];
	return 1;
}
