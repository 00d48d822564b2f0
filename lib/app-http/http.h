/* SPDX-License-Identifier: MIT */
/*
 * The HTTP server's parts: request parsing (http.c), its pages
 * (content.c). Private to the application.
 */
#ifndef APP_HTTP_H
#define APP_HTTP_H

#include <stddef.h>

/**
 * struct http_request - what the server needs of a request head.
 * @method:     "GET", "HEAD"... (not NUL-terminated: @method_len)
 * @path:       the target's path, without the query
 * @keep_alive: whether the connection stays open after the response
 * @has_body:   a Content-Length above 0 or a Transfer-Encoding was sent
 */
struct http_request {
	const char *method;
	size_t method_len;
	const char *path;
	size_t path_len;
	int keep_alive;
	int has_body;
};

/**
 * http_parse() - parse the request head at the start of @buf.
 *
 * Return: the head's length (up to and including the blank line) when it
 * is complete and valid; 0 when more bytes are needed and @len < @max;
 * otherwise a negative HTTP status: -400 malformed, -431 head longer
 * than @max, -505 a version other than HTTP/1.0 or 1.1.
 */
long http_parse(const char *buf, size_t len, size_t max, struct http_request *req);

/** struct http_page - one page the server answers with. */
struct http_page {
	const char *path;
	const char *body;
	size_t length;
	const char *type;
};

/**
 * http_pages_load() - decode the configured pages ("PATH BODY ...",
 * percent-encoded).
 *
 * Return: how many pages, or -1 when the configuration is malformed.
 */
int http_pages_load(const char *encoded);

/** http_page_find() - the page for @path (@len bytes), or NULL. */
const struct http_page *http_page_find(const char *path, size_t len);

/** http_type_of() - the Content-Type for @path, from its extension. */
const char *http_type_of(const char *path);

/**
 * http_file_read() - the file the request path @path (@len bytes,
 * percent-encoded) names under @root in the file system.
 * @size: set to its size
 * @type: set to its Content-Type
 *
 * Return: its bytes (the caller frees them), or NULL with *@status set:
 * 404 when there is no such file, 400 when the path is not acceptable
 * (a ".." segment, a bad escape), 500 when it cannot be read.
 */
char *http_file_read(const char *root, const char *path, size_t len, size_t *size, const char **type, int *status);

#endif /* APP_HTTP_H */
