/* SPDX-License-Identifier: MIT */
/*
 * picolibc glue: standard streams on the console, _exit() on the
 * platform's exit path.
 */
#include <stdio.h>
#include <kiln/console.h>
#include <kiln/exit.h>
#include <kiln/libc_hook.h>

static int console_put(char c, FILE *file)
{
	(void)file;
	kiln_console_write(&c, 1);
	return (unsigned char)c;
}

static int console_get(FILE *file)
{
	int c;

	(void)file;
	while ((c = kiln_console_getc()) == -1)
		;
	return c == KILN_CONSOLE_EOF ? _FDEV_EOF : c;
}

static FILE console_stream = FDEV_SETUP_STREAM(console_put, console_get, NULL, _FDEV_SETUP_RW);


KILN_LIBC_HOOK FILE *const stdin = &console_stream;
KILN_LIBC_HOOK FILE *const stdout = &console_stream;
KILN_LIBC_HOOK FILE *const stderr = &console_stream;

KILN_LIBC_HOOK void _exit(int status)
{
	kiln_platform_exit(status);
}
