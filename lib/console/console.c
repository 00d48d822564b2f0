/* SPDX-License-Identifier: MIT */
/*
 * Console API: one registered driver, newline translation.
 */
#include <kiln/console.h>
#include <kiln/console_impl.h>

static const struct kiln_console_ops *console_ops;
static void *console_dev;

void kiln_console_register(const struct kiln_console_ops *ops, void *dev)
{
	console_ops = ops;
	console_dev = dev;
}

void kiln_console_write(const char *buf, size_t len)
{
	if (!console_ops)
		return;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n')
			console_ops->putc(console_dev, '\r');
		console_ops->putc(console_dev, buf[i]);
	}
}

int kiln_console_getc(void)
{
	if (!console_ops || !console_ops->getc)
		return -1;
	return console_ops->getc(console_dev);
}
