/* SPDX-License-Identifier: MIT */
/*
 * Console API: where the image's text output goes.
 *
 * Besides raw writes, a few formatting helpers small enough for code
 * that must not depend on the C library's printf: crash reports, the
 * memory report, images that want to stay tiny.
 */
#ifndef KILN_CONSOLE_H
#define KILN_CONSOLE_H

#include <stddef.h>

/**
 * kiln_console_write() - write bytes to the console.
 * @buf: the bytes
 * @len: how many
 *
 * A newline is sent as CR LF, as serial terminals expect. Bytes written
 * before a driver registers are dropped.
 */
void kiln_console_write(const char *buf, size_t len);

/* What kiln_console_getc() returns once the console's input has ended. */
#define KILN_CONSOLE_EOF (-2)

/**
 * kiln_console_getc() - read one byte from the console, without waiting.
 *
 * The input is read as a terminal in canonical mode reads it: Enter's CR
 * comes back as LF, Ctrl-D (0x04) ends the input, and Ctrl-V (0x16)
 * makes the byte after it plain data (so a CR, 0x04 or 0x16 in piped
 * data arrives as itself: `kiln run` sends it that way). Once the input
 * has ended it stays ended, as a pipe's does.
 *
 * Return: the byte; -1 when none is waiting; KILN_CONSOLE_EOF when the
 * input has ended, or no driver can read.
 */
int kiln_console_getc(void);

/** kiln_console_puts() - write a NUL-terminated string (no newline added). */
void kiln_console_puts(const char *s);

/** kiln_console_put_dec() - write @v in decimal. */
void kiln_console_put_dec(unsigned long long v);

/** kiln_console_put_hex() - write @v as "0x" and @digits hex digits (leading zeros kept). */
void kiln_console_put_hex(unsigned long long v, int digits);

#endif /* KILN_CONSOLE_H */
