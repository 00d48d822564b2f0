/* SPDX-License-Identifier: MIT */
/*
 * Reporting the first use of each call Kiln does not implement.
 */
#include <errno.h>
#include <kiln/config.h>
#include <kiln/console.h>
#include <kiln/enosys.h>

/* Calls already reported; past this many, each further one is reported every time. */
#define SEEN 32

int kiln_enosys(const char *name)
{
#ifdef CONFIG_LIBPOSIX_ENOSYS_WARN
	static const char *seen[SEEN];
	unsigned int i;

	for (i = 0; i < SEEN && seen[i] && seen[i] != name; i++)
		;
	if (i == SEEN || !seen[i]) {
		if (i < SEEN)
			seen[i] = name;
		kiln_console_puts("kiln: posix: ");
		kiln_console_puts(name);
		kiln_console_puts("() is not implemented (ENOSYS)\n");
	}
#endif
	errno = ENOSYS;
	return -1;
}
