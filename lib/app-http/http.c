/* SPDX-License-Identifier: MIT */
/*
 * Request heads (RFC 9112, sections 2 to 5): the request line, then
 * header fields up to an empty line. Strict where leniency would be a
 * risk (no bare LF line ends in the request line, no whitespace before a
 * colon, only HTTP/1.0 and 1.1), silent about fields it does not use.
 */
#include <string.h>
#include "http.h"

static int is_tchar(char c)
{
	/* RFC 9110, 5.6.2: token characters. */
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$%&'*+-.^_`|~", c));
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int name_is(const char *name, size_t len, const char *want)
{
	size_t i;

	for (i = 0; i < len && want[i]; i++)
		if (lower(name[i]) != want[i])
			return 0;
	return i == len && !want[i];
}

/* Whether the comma-separated @value (@len bytes) holds the token @want, case-insensitively. */
static int has_token(const char *value, size_t len, const char *want)
{
	size_t i = 0;

	while (i < len) {
		size_t start, end;

		while (i < len && (value[i] == ' ' || value[i] == '\t' || value[i] == ','))
			i++;
		start = i;
		while (i < len && value[i] != ',')
			i++;
		end = i;
		while (end > start && (value[end - 1] == ' ' || value[end - 1] == '\t'))
			end--;
		if (name_is(value + start, end - start, want))
			return 1;
	}
	return 0;
}

/* The end of the head (just past CRLF CRLF), or NULL. */
static const char *head_end(const char *buf, size_t len)
{
	for (size_t i = 3; i < len; i++)
		if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r')
			return buf + i + 1;
	return 0;
}

long http_parse(const char *buf, size_t len, size_t max, struct http_request *req)
{
	const char *end = head_end(buf, len), *p = buf, *line_end;
	int minor, close = 0, keep = 0;

	if (!end) {
		if (len >= max)
			return -431;
		/* Refuse early what can never become a request line. */
		for (size_t i = 0; i < len && buf[i] != ' '; i++)
			if (!is_tchar(buf[i]))
				return -400;
		return 0;
	}
	memset(req, 0, sizeof(*req));

	/* request-line = method SP request-target SP HTTP-version CRLF */
	line_end = memchr(p, '\r', (size_t)(end - p));
	if (!line_end || line_end[1] != '\n')
		return -400;
	req->method = p;
	while (p < line_end && is_tchar(*p))
		p++;
	req->method_len = (size_t)(p - req->method);
	if (!req->method_len || p >= line_end || *p++ != ' ')
		return -400;
	if (*p != '/')
		return -400;  /* origin-form only: no proxy requests */
	req->path = p;
	while (p < line_end && *p != ' ' && *p != '?') {
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return -400;
		p++;
	}
	req->path_len = (size_t)(p - req->path);
	while (p < line_end && *p != ' ') {
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return -400;
		p++;
	}
	if (p >= line_end || *p++ != ' ')
		return -400;
	/* HTTP-version = "HTTP/" DIGIT "." DIGIT; a later 1.x is answered as 1.1 (RFC 9110, 2.5). */
	if (line_end - p != 8 || memcmp(p, "HTTP/", 5) != 0 || p[6] != '.' || p[5] < '0' || p[5] > '9' ||
	    p[7] < '0' || p[7] > '9')
		return -400;
	if (p[5] != '1')
		return -505;
	minor = p[7] - '0';
	p = line_end + 2;

	/* field-line = field-name ":" OWS field-value OWS, each ending in CRLF */
	while (p < end - 2) {
		const char *name = p, *colon, *value, *vend;

		line_end = memchr(p, '\r', (size_t)(end - p));
		if (!line_end || line_end[1] != '\n')
			return -400;
		while (p < line_end && is_tchar(*p))
			p++;
		if (p == name || p >= line_end || *p != ':')
			return -400;  /* empty name, or whitespace before the colon (RFC 9112, 5.1) */
		colon = p;
		value = colon + 1;
		while (value < line_end && (*value == ' ' || *value == '\t'))
			value++;
		vend = line_end;
		while (vend > value && (vend[-1] == ' ' || vend[-1] == '\t'))
			vend--;
		for (const char *v = value; v < vend; v++)
			if ((*v < ' ' && *v != '\t') || *v == 0x7f)
				return -400;
		if (name_is(name, (size_t)(colon - name), "connection")) {
			close |= has_token(value, (size_t)(vend - value), "close");
			keep |= has_token(value, (size_t)(vend - value), "keep-alive");
		} else if (name_is(name, (size_t)(colon - name), "content-length")) {
			for (const char *v = value; v < vend; v++) {
				if (*v < '0' || *v > '9')
					return -400;
				if (*v != '0')
					req->has_body = 1;
			}
			if (value == vend)
				return -400;
		} else if (name_is(name, (size_t)(colon - name), "transfer-encoding")) {
			req->has_body = 1;
		}
		p = line_end + 2;
	}
	req->keep_alive = minor >= 1 ? !close : keep && !close;
	return (long)(end - buf);
}
