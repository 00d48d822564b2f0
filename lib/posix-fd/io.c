/* SPDX-License-Identifier: MIT */
/*
 * The calls that work on any descriptor: each finds the description and
 * hands the work to its ops, turning a -errno result into errno and -1.
 *
 * picolibc's own objects (fdopen, freopen, tmpfile) call read, write,
 * lseek and fstat: those are KILN_LIBC_HOOKs.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <kiln/libc_hook.h>
#include "fd_private.h"

static ssize_t result(ssize_t r)
{
	return r < 0 ? kiln_fd_fail((int)-r) : r;
}

static struct kiln_file *readable(int fd)
{
	struct kiln_file *f = kiln_fd_file(fd);

	if (!f || (f->flags & O_ACCMODE) == O_WRONLY || !f->ops->read)
		return 0;
	return f;
}

static struct kiln_file *writable(int fd)
{
	struct kiln_file *f = kiln_fd_file(fd);

	if (!f || (f->flags & O_ACCMODE) == O_RDONLY || !f->ops->write)
		return 0;
	return f;
}

KILN_LIBC_HOOK ssize_t read(int fd, void *buf, size_t len)
{
	struct kiln_file *f = readable(fd);

	if (!f)
		return kiln_fd_fail(EBADF);
	return result(f->ops->read(f->obj, buf, len));
}

KILN_LIBC_HOOK ssize_t write(int fd, const void *buf, size_t len)
{
	struct kiln_file *f = writable(fd);

	if (!f)
		return kiln_fd_fail(EBADF);
	return result(f->ops->write(f->obj, buf, len));
}

KILN_LIBC_HOOK off_t lseek(int fd, off_t offset, int whence)
{
	struct kiln_file *f = kiln_fd_file(fd);

	if (!f)
		return kiln_fd_fail(EBADF);
	if (!f->ops->lseek)
		return kiln_fd_fail(ESPIPE);
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
		return kiln_fd_fail(EINVAL);
	return result(f->ops->lseek(f->obj, offset, whence));
}

KILN_LIBC_HOOK int fstat(int fd, struct stat *st)
{
	struct kiln_file *f = kiln_fd_file(fd);

	if (!f)
		return kiln_fd_fail(EBADF);
	memset(st, 0, sizeof(*st));
	if (!f->ops->fstat) {
		st->st_mode = S_IFCHR | 0666;
		st->st_blksize = 1024;
		return 0;
	}
	return (int)result(f->ops->fstat(f->obj, st));
}

int isatty(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return 0;
	if (!S_ISCHR(st.st_mode)) {
		errno = ENOTTY;
		return 0;
	}
	return 1;
}

/*
 * Positioned reads and writes leave the offset where it was. With one
 * core and no preemption nothing can run between the seeks.
 */
static ssize_t positioned(struct kiln_file *f, off_t at, ssize_t (*io)(struct kiln_file *, void *, size_t), void *buf, size_t len)
{
	off_t was;
	ssize_t n;

	if (!f)
		return kiln_fd_fail(EBADF);
	if (!f->ops->lseek)
		return kiln_fd_fail(ESPIPE);
	if (at < 0)
		return kiln_fd_fail(EINVAL);
	was = f->ops->lseek(f->obj, 0, SEEK_CUR);
	if (was < 0)
		return kiln_fd_fail((int)-was);
	n = f->ops->lseek(f->obj, at, SEEK_SET);
	if (n >= 0)
		n = io(f, buf, len);
	f->ops->lseek(f->obj, was, SEEK_SET);
	return result(n);
}

static ssize_t do_read(struct kiln_file *f, void *buf, size_t len)
{
	return f->ops->read(f->obj, buf, len);
}

static ssize_t do_write(struct kiln_file *f, void *buf, size_t len)
{
	return f->ops->write(f->obj, buf, len);
}

ssize_t pread(int fd, void *buf, size_t len, off_t at)
{
	return positioned(readable(fd), at, do_read, buf, len);
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t at)
{
	struct kiln_file *f = writable(fd);

	/* POSIX leaves pwrite() on an O_APPEND descriptor to the system; Linux appends. Kiln writes at @at. */
	return positioned(f, at, do_write, (void *)buf, len);
}

/* readv() and writev(): one call per buffer, stopping at the first short transfer. */
static ssize_t vector(int fd, const struct iovec *iov, int n, int out)
{
	ssize_t total = 0;

	if (n < 0 || n > IOV_MAX)
		return kiln_fd_fail(EINVAL);
	for (int i = 0; i < n; i++) {
		ssize_t r = out ? write(fd, iov[i].iov_base, iov[i].iov_len) : read(fd, iov[i].iov_base, iov[i].iov_len);

		if (r < 0)
			return total ? total : -1;
		total += r;
		if ((size_t)r < iov[i].iov_len)
			break;
	}
	return total;
}

ssize_t readv(int fd, const struct iovec *iov, int n)
{
	return vector(fd, iov, n, 0);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	return vector(fd, iov, n, 1);
}

int ftruncate(int fd, off_t length)
{
	struct kiln_file *f = kiln_fd_file(fd);

	if (!f)
		return kiln_fd_fail(EBADF);
	if ((f->flags & O_ACCMODE) == O_RDONLY || !f->ops->ftruncate)
		return kiln_fd_fail(EINVAL);
	if (length < 0)
		return kiln_fd_fail(EINVAL);
	return (int)result(f->ops->ftruncate(f->obj, length));
}

int fsync(int fd)
{
	struct kiln_file *f = kiln_fd_file(fd);

	if (!f)
		return kiln_fd_fail(EBADF);
	return f->ops->fsync ? (int)result(f->ops->fsync(f->obj)) : 0;
}

int fdatasync(int fd)
{
	return fsync(fd);
}
