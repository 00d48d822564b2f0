/* SPDX-License-Identifier: MIT */
/*
 * Console API: one registered driver, newline translation, and the
 * printf-free formatting helpers.
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

void kiln_console_puts(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	kiln_console_write(s, n);
}

void kiln_console_put_dec(unsigned long long v)
{
	char buf[20];
	size_t i = sizeof(buf);

	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	kiln_console_write(buf + i, sizeof(buf) - i);
}

void kiln_console_put_hex(unsigned long long v, int digits)
{
	char buf[18];
	size_t i = 0;

	buf[i++] = '0';
	buf[i++] = 'x';
	for (int shift = (digits > 16 ? 16 : digits) * 4 - 4; shift >= 0; shift -= 4)
		buf[i++] = "0123456789abcdef"[(v >> shift) & 0xf];
	kiln_console_write(buf, i);
}
