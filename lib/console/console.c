/* SPDX-License-Identifier: MIT */
/*
 * Console API: one registered driver, newline translation both ways, the
 * end of the input, and the printf-free formatting helpers.
 */
#include <kiln/console.h>
#include <kiln/console_impl.h>

/*
 * A serial line has no end of file, so the input carries it in-band, as
 * a terminal in canonical mode does: Ctrl-D (EOT) ends the input, Ctrl-V
 * (SYN, the terminal's "literal next") makes the byte after it plain
 * data, and Enter's CR reads as LF. `kiln run` sends piped input and
 * --stdin files that way (synth/console-input.ts): every EOT, SYN and CR
 * of the data behind a SYN, an EOT after the last byte.
 */
#define CONSOLE_END_OF_INPUT 0x04
#define CONSOLE_LITERAL_NEXT 0x16

static const struct kiln_console_ops *console_ops;
static void *console_dev;
static int input_ended;		/* an EOT arrived: every read from now on is end of file */
static int literal_next;	/* a SYN arrived: the next byte is data, whatever it is */

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
	int c;

	if (input_ended || !console_ops || !console_ops->getc)
		return KILN_CONSOLE_EOF;
	for (;;) {
		c = console_ops->getc(console_dev);
		if (c < 0)
			return -1;
		if (literal_next) {
			literal_next = 0;
			return c;
		}
		if (c == CONSOLE_LITERAL_NEXT) {
			literal_next = 1;
			continue;
		}
		if (c == CONSOLE_END_OF_INPUT) {
			input_ended = 1;
			return KILN_CONSOLE_EOF;
		}
		return c == '\r' ? '\n' : c;
	}
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
