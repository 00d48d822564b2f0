/* SPDX-License-Identifier: MIT */
/*
 * The descriptor table: descriptors name open file descriptions, which
 * hold the object, its ops and its status flags. dup() shares a
 * description (and so its offset and flags), as POSIX says.
 *
 * Both tables are static, sized by LIBPOSIX_FD_MAX: there cannot be more
 * descriptions than descriptors, so opening never allocates.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <kiln/config.h>
#include <kiln/fd_impl.h>
#include "fd_private.h"

#define FD_MAX CONFIG_LIBPOSIX_FD_MAX

/* Flags F_SETFL may change; the access mode and creation flags stay. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK)

static struct kiln_file files[FD_MAX];

/* Per descriptor: its description, and FD_CLOEXEC (kept for F_GETFD; nothing execs). */
static struct {
	struct kiln_file *file;
	unsigned char cloexec;
} table[FD_MAX];

struct kiln_file *kiln_fd_file(int fd)
{
	if (fd < 0 || fd >= FD_MAX)
		return 0;
	return table[fd].file;
}

static int lowest_free(int from)
{
	for (int fd = from < 0 ? 0 : from; fd < FD_MAX; fd++)
		if (!table[fd].file)
			return fd;
	return -EMFILE;
}

int kiln_fd_alloc(const struct kiln_fd_ops *ops, void *obj, int flags)
{
	int fd = lowest_free(0);

	if (fd < 0)
		return fd;
	for (struct kiln_file *f = files; f < files + FD_MAX; f++) {
		if (f->refs)
			continue;
		f->ops = ops;
		f->obj = obj;
		f->flags = flags;
		f->refs = 1;
		table[fd].file = f;
		table[fd].cloexec = (flags & O_CLOEXEC) != 0;
		return fd;
	}
	/* Unreachable while descriptions <= descriptors; kept for safety. */
	return -EMFILE;
}

void *kiln_fd_lookup(int fd, const struct kiln_fd_ops **ops)
{
	struct kiln_file *f = kiln_fd_file(fd);

	if (!f)
		return 0;
	*ops = f->ops;
	return f->obj;
}

int kiln_fd_flags(int fd)
{
	struct kiln_file *f = kiln_fd_file(fd);

	return f ? f->flags : -EBADF;
}

int kiln_fd_fail(int err)
{
	errno = err;
	return -1;
}

/* Drops one reference; the last one closes the object. */
static int release(struct kiln_file *f)
{
	int r = 0;

	if (--f->refs == 0) {
		r = f->ops->close(f->obj);
		f->ops = 0;
		f->obj = 0;
	}
	return r;
}

int close(int fd)
{
	struct kiln_file *f = kiln_fd_file(fd);
	int r;

	if (!f)
		return kiln_fd_fail(EBADF);
	table[fd].file = 0;
	r = release(f);
	return r < 0 ? kiln_fd_fail(-r) : 0;
}

/* Makes @to name @f (closing what @to named), as dup2() does. */
static int install(int to, struct kiln_file *f, int cloexec)
{
	struct kiln_file *old = table[to].file;

	f->refs++;
	table[to].file = f;
	table[to].cloexec = (unsigned char)cloexec;
	if (old)
		release(old);
	return to;
}

int dup(int fd)
{
	struct kiln_file *f = kiln_fd_file(fd);
	int to;

	if (!f)
		return kiln_fd_fail(EBADF);
	to = lowest_free(0);
	if (to < 0)
		return kiln_fd_fail(-to);
	return install(to, f, 0);
}

int dup2(int fd, int to)
{
	struct kiln_file *f = kiln_fd_file(fd);

	if (!f || to < 0 || to >= FD_MAX)
		return kiln_fd_fail(EBADF);
	if (fd == to)
		return to;
	return install(to, f, 0);
}

int fcntl(int fd, int cmd, ...)
{
	struct kiln_file *f = kiln_fd_file(fd);
	va_list ap;
	long arg;
	int to;

	if (!f)
		return kiln_fd_fail(EBADF);
	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		to = lowest_free((int)arg);
		if (to < 0)
			return kiln_fd_fail(arg >= FD_MAX ? EINVAL : EMFILE);
		return install(to, f, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return table[fd].cloexec ? FD_CLOEXEC : 0;
	case F_SETFD:
		table[fd].cloexec = (arg & FD_CLOEXEC) != 0;
		return 0;
	case F_GETFL:
		/* The access mode and status flags; creation flags (O_CREAT...) are not the file's state. */
		return f->flags & (O_ACCMODE | SETFL_MASK);
	case F_SETFL:
		f->flags = (f->flags & ~SETFL_MASK) | ((int)arg & SETFL_MASK);
		if (f->ops->fcntl) {
			int r = f->ops->fcntl(f->obj, F_SETFL, f->flags);

			if (r < 0 && r != -EINVAL)
				return kiln_fd_fail(-r);
		}
		return 0;
	default:
		if (!f->ops->fcntl)
			return kiln_fd_fail(EINVAL);
		{
			int r = f->ops->fcntl(f->obj, cmd, arg);

			return r < 0 ? kiln_fd_fail(-r) : r;
		}
	}
}
