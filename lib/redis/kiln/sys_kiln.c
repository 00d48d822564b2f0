/* SPDX-License-Identifier: MIT */
/*
 * The few system calls Redis makes that Kiln's POSIX layer has no
 * general answer for, answered for Redis: uname() for INFO, syslog() on
 * the console, and the failures of the dynamic loader, of process control and of thread cancellation (Redis starts no
 * threads here: kiln/bio_kiln.c does its background jobs at once, and
 * io-threads is 1). Also two GNU calls: get_current_dir_name() (Debian's
 * patch 0003 has rdb.c use it) and mkostemp() (CONFIG REWRITE's
 * temporary file).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <dlfcn.h>
#include <pthread.h>
#include <syslog.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/utsname.h>

static void copy(char *to, const char *from, size_t size)
{
	strncpy(to, from, size - 1);
	to[size - 1] = '\0';
}

int uname(struct utsname *buf)
{
	if (!buf) {
		errno = EFAULT;
		return -1;
	}
	copy(buf->sysname, "Kiln", sizeof(buf->sysname));
	copy(buf->nodename, "kiln", sizeof(buf->nodename));
	copy(buf->release, "1", sizeof(buf->release));
	copy(buf->version, "Kiln library OS", sizeof(buf->version));
	copy(buf->machine, "aarch64", sizeof(buf->machine));
	return 0;
}

static const char *syslog_ident = "redis";

void openlog(const char *ident, int option, int facility)
{
	(void)option;
	(void)facility;
	if (ident)
		syslog_ident = ident;
}

void syslog(int priority, const char *format, ...)
{
	va_list ap;

	(void)priority;
	fprintf(stderr, "%s: ", syslog_ident);
	va_start(ap, format);
	vfprintf(stderr, format, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void closelog(void)
{
}

char *dlerror(void)
{
	return (char *)"a Kiln image is one statically linked program: it loads no modules";
}

int dladdr(const void *addr, Dl_info *info)
{
	(void)addr;
	(void)info;
	return 0;
}

int prctl(int option, ...)
{
	(void)option;
	errno = ENOSYS;
	return -1;
}

int pthread_setcancelstate(int state, int *old)
{
	(void)state;
	if (old)
		*old = 0;
	return 0;
}

int pthread_setcanceltype(int type, int *old)
{
	(void)type;
	if (old)
		*old = 0;
	return 0;
}

int pthread_cancel(pthread_t thread)
{
	(void)thread;
	return ENOSYS;
}

char *get_current_dir_name(void)
{
	size_t size = 256;

	for (;;) {
		char *buf = malloc(size);

		if (!buf)
			return NULL;
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			return NULL;
		size *= 2;
	}
}

int mkostemp(char *template, int flags)
{
	int fd = mkstemp(template);

	if (fd >= 0 && (flags & O_CLOEXEC))
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	return fd;
}
