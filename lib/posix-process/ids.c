/* SPDX-License-Identifier: MIT */
/*
 * Who the process is: one process, run by the only user, on a board
 * with one page size.
 *
 * picolibc's raise() and mkstemp() call getpid(): it is a KILN_LIBC_HOOK.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <kiln/config.h>
#include <kiln/libc_hook.h>

/* The process id programs see: 1, as the first process of a system. */
#define KILN_PID 1

static mode_t mask = 022;

KILN_LIBC_HOOK pid_t getpid(void)
{
	return KILN_PID;
}

pid_t getppid(void)
{
	return 0;
}

pid_t getpgrp(void)
{
	return KILN_PID;
}

uid_t getuid(void)
{
	return 0;
}

uid_t geteuid(void)
{
	return 0;
}

gid_t getgid(void)
{
	return 0;
}

gid_t getegid(void)
{
	return 0;
}

mode_t umask(mode_t m)
{
	mode_t old = mask;

	mask = m & 0777;
	return old;
}

int gethostname(char *name, size_t len)
{
	static const char host[] = "kiln";

	if (len < sizeof(host)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, host, sizeof(host));
	return 0;
}

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:
		return 4096;
	case _SC_CLK_TCK:
		return CLOCKS_PER_SEC;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		/* Kiln runs on one core; the others are parked. */
		return 1;
	case _SC_OPEN_MAX:
#ifdef CONFIG_LIBPOSIX_FD_MAX
		return CONFIG_LIBPOSIX_FD_MAX;
#else
		return 3;
#endif
	case _SC_ARG_MAX:
		return 4096;
	case _SC_HOST_NAME_MAX:
		return 64;
	case _SC_IOV_MAX:
		return 1024;
	default:
		errno = EINVAL;
		return -1;
	}
}
