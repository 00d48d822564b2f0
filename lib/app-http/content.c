/* SPDX-License-Identifier: MIT */
/*
 * The server's pages, decoded once at start from the configuration
 * (APP_HTTP_CONTENT: "PATH BODY PATH BODY ...", each percent-encoded).
 */
#include <stdlib.h>
#include <string.h>
#include "http.h"

static struct http_page *pages;
static int page_count;

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes [@p, @end) into a new NUL-terminated string; its length in *@len. NULL if malformed. */
static char *decode(const char *p, const char *end, size_t *len)
{
	char *out = malloc((size_t)(end - p) + 1), *o = out;

	if (!out)
		return 0;
	while (p < end) {
		if (*p == '%') {
			int hi = end - p >= 3 ? hex(p[1]) : -1;
			int lo = hi >= 0 ? hex(p[2]) : -1;

			if (lo < 0) {
				free(out);
				return 0;
			}
			*o++ = (char)(hi << 4 | lo);
			p += 3;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	*len = (size_t)(o - out);
	return out;
}

const char *http_type_of(const char *path)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".html", "text/html; charset=utf-8" }, { ".htm", "text/html; charset=utf-8" },
		{ ".txt", "text/plain; charset=utf-8" }, { ".css", "text/css" },
		{ ".js", "text/javascript" },            { ".json", "application/json" },
		{ ".svg", "image/svg+xml" },             { ".xml", "application/xml" },
	};
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');

	if (!dot || (slash && dot < slash))
		return "text/html; charset=utf-8";
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(dot, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

int http_pages_load(const char *encoded)
{
	const char *p = encoded;
	int n = 0;

	for (const char *q = encoded; *q; q++)
		n += *q == ' ';
	pages = calloc((size_t)(n / 2 + 1), sizeof(*pages));
	if (!pages)
		return -1;
	while (*p) {
		const char *sp = strchr(p, ' '), *end;
		struct http_page *pg = &pages[page_count];
		size_t len;

		if (!sp)
			return -1;  /* a path without a body */
		end = strchr(sp + 1, ' ');
		if (!end)
			end = sp + 1 + strlen(sp + 1);
		pg->path = decode(p, sp, &len);
		pg->body = decode(sp + 1, end, &pg->length);
		if (!pg->path || !pg->body || pg->path[0] != '/')
			return -1;
		pg->type = http_type_of(pg->path);
		page_count++;
		p = *end ? end + 1 : end;
	}
	return page_count;
}

const struct http_page *http_page_find(const char *path, size_t len)
{
	for (int i = 0; i < page_count; i++)
		if (strlen(pages[i].path) == len && !memcmp(pages[i].path, path, len))
			return &pages[i];
	return 0;
}
