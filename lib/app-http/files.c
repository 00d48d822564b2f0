/* SPDX-License-Identifier: MIT */
/*
 * Static files from the RAM file system (APP_HTTP_FILES): a request path
 * is percent-decoded, refused if any segment is "..", and looked up under
 * the configured root; a folder serves its index.html.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "http.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Appends the decoded request path to @out (which holds @used bytes); -1 when unacceptable. */
static int decode_path(const char *path, size_t len, char *out, size_t used, size_t cap)
{
	size_t seg = used;

	for (size_t i = 0; i < len; i++) {
		char c = path[i];

		if (c == '%') {
			int hi = i + 2 < len ? hexval(path[i + 1]) : -1;
			int lo = hi >= 0 ? hexval(path[i + 2]) : -1;

			if (lo < 0)
				return -1;
			c = (char)(hi << 4 | lo);
			i += 2;
			if (c == '/' || c == 0)
				return -1;  /* an encoded separator or NUL is never a file name */
		}
		if (used + 1 >= cap)
			return -1;
		if (c == '/') {
			/* The segment just ended: ".." would climb out of the root. */
			if (used - seg == 2 && out[seg] == '.' && out[seg + 1] == '.')
				return -1;
			seg = used + 1;
		}
		out[used++] = c;
	}
	if (used - seg == 2 && out[seg] == '.' && out[seg + 1] == '.')
		return -1;
	out[used] = 0;
	return (int)used;
}

char *http_file_read(const char *root, const char *path, size_t len, size_t *size, const char **type, int *status)
{
	char full[PATH_MAX];
	size_t root_len = strlen(root);
	struct stat st;
	char *data;
	int n, fd;

	if (root_len >= sizeof(full)) {
		*status = 500;
		return 0;
	}
	memcpy(full, root, root_len);
	n = decode_path(path, len, full, root_len, sizeof(full) - sizeof("/index.html"));
	if (n < 0) {
		*status = 400;
		return 0;
	}
	if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
		strcpy(full + n, full[n - 1] == '/' ? "index.html" : "/index.html");
		if (stat(full, &st) != 0) {
			*status = 404;
			return 0;
		}
	}
	fd = open(full, O_RDONLY);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*status = fd < 0 && errno != ENOENT && errno != ENOTDIR ? 500 : 404;
		if (fd >= 0)
			close(fd);
		return 0;
	}
	data = malloc((size_t)st.st_size + 1);
	*size = 0;
	while (data && *size < (size_t)st.st_size) {
		ssize_t r = read(fd, data + *size, (size_t)st.st_size - *size);

		if (r <= 0)
			break;
		*size += (size_t)r;
	}
	close(fd);
	if (!data || *size != (size_t)st.st_size) {
		free(data);
		*status = 500;
		return 0;
	}
	*type = http_type_of(full);
	return data;
}
