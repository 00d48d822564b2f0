/* SPDX-License-Identifier: MIT */
/*
 * Descriptors 0, 1 and 2 on the console, opened before main().
 *
 * Reading waits for the first byte, then takes what else is already
 * there up to the end of the line, as a terminal in canonical mode hands
 * a program one line at a time; once the console's input has ended
 * (<kiln/console.h>: Ctrl-D, or the end of what `kiln run` was given) it
 * returns 0. A byte poll() had to read to see it is kept for the next
 * read.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <kiln/console.h>
#include <kiln/init.h>
#include <kiln/fd_impl.h>

static int held = -1;

static int take(void)
{
	int c = held;

	if (c >= 0) {
		held = -1;
		return c;
	}
	return kiln_console_getc();
}

static ssize_t console_read(void *obj, void *buf, size_t len)
{
	unsigned char *p = buf;
	size_t n = 0;
	int c;

	(void)obj;
	if (!len)
		return 0;
	while ((c = take()) == -1)
		;
	if (c == KILN_CONSOLE_EOF)
		return 0;
	do {
		p[n++] = (unsigned char)c;
	} while (c != '\n' && n < len && (c = take()) >= 0);
	return (ssize_t)n;
}

static ssize_t console_write(void *obj, const void *buf, size_t len)
{
	(void)obj;
	kiln_console_write(buf, len);
	return (ssize_t)len;
}

static short console_poll(void *obj, short events)
{
	short ready = POLLOUT | POLLWRNORM;
	int c = held;

	(void)obj;
	if (c < 0)
		c = kiln_console_getc();
	if (c >= 0)
		held = c;
	/* At the end of the input a read does not wait either: it returns 0. */
	if (c >= 0 || c == KILN_CONSOLE_EOF)
		ready |= POLLIN | POLLRDNORM;
	return (short)(ready & events);
}

static int console_close(void *obj)
{
	(void)obj;
	return 0;
}

static const struct kiln_fd_ops console_ops = {
	.read = console_read,
	.write = console_write,
	.close = console_close,
	.poll = console_poll,
};

static int kiln_posix_console_fds(void)
{
	/* The table is empty yet: these are 0, 1 and 2. */
	for (int i = 0; i < 3; i++) {
		int fd = kiln_fd_alloc(&console_ops, 0, O_RDWR);

		if (fd < 0)
			return kiln_init_fail(fd, "posix-fd: no descriptor for the console");
	}
	return 0;
}

KILN_INIT(kiln_posix_console_fds, KILN_INIT_EARLY_APP);
