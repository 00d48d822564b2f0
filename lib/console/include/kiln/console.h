/* SPDX-License-Identifier: MIT */
/*
 * Console API: where the image's text output goes.
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

/**
 * kiln_console_getc() - read one byte from the console.
 *
 * Return: the byte, or -1 when none is waiting or no driver can read.
 */
int kiln_console_getc(void);

#endif /* KILN_CONSOLE_H */
