/* SPDX-License-Identifier: MIT */
/*
 * pipe() and pipe2() inside the one process: Redis opens a pipe at start
 * (module.c, for threads to wake the event loop) and stops if it cannot.
 * Each pipe is a 4 KiB ring in the heap with a descriptor for each end,
 * readable and writable through posix-fd, so select() and poll() see it.
 * Reading an empty pipe whose write end is open, or writing a full one
 * whose read end is open, fails with EAGAIN whether or not the end is
 * non-blocking: one thread waiting on itself would never wake. Reading
 * after the write end is closed gives 0 at the end; writing after the
 * read end is closed fails with EPIPE (no SIGPIPE: Kiln sends none).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <kiln/fd_impl.h>

#define PIPE_BYTES 4096

struct kiln_pipe {
	unsigned char ring[PIPE_BYTES];
	size_t head;   /* next byte to read */
	size_t count;  /* bytes in the ring */
	int ends;      /* ends still open (2, 1, 0) */
	int reader_open;
	int writer_open;
};

static ssize_t pipe_read(void *obj, void *buf, size_t len)
{
	struct kiln_pipe *p = obj;
	unsigned char *out = buf;
	size_t n = 0;

	if (len == 0)
		return 0;
	if (p->count == 0)
		return p->writer_open ? -EAGAIN : 0;
	while (n < len && p->count > 0) {
		out[n++] = p->ring[p->head];
		p->head = (p->head + 1) % PIPE_BYTES;
		p->count--;
	}
	kiln_fd_notify();
	return (ssize_t)n;
}

static ssize_t pipe_write(void *obj, const void *buf, size_t len)
{
	struct kiln_pipe *p = obj;
	const unsigned char *in = buf;
	size_t n = 0;

	if (!p->reader_open)
		return -EPIPE;
	if (len == 0)
		return 0;
	if (p->count == PIPE_BYTES)
		return -EAGAIN;
	while (n < len && p->count < PIPE_BYTES) {
		p->ring[(p->head + p->count) % PIPE_BYTES] = in[n++];
		p->count++;
	}
	kiln_fd_notify();
	return (ssize_t)n;
}

static void pipe_release(struct kiln_pipe *p)
{
	if (--p->ends == 0)
		free(p);
	else
		kiln_fd_notify();
}

static int pipe_close_reader(void *obj)
{
	struct kiln_pipe *p = obj;

	p->reader_open = 0;
	pipe_release(p);
	return 0;
}

static int pipe_close_writer(void *obj)
{
	struct kiln_pipe *p = obj;

	p->writer_open = 0;
	pipe_release(p);
	return 0;
}

static int pipe_fstat(void *obj, struct stat *st)
{
	(void)obj;
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFIFO | 0600;
	return 0;
}

static short pipe_poll_reader(void *obj, short events)
{
	struct kiln_pipe *p = obj;
	short ready = 0;

	if (p->count > 0 || !p->writer_open)
		ready |= POLLIN;
	if (!p->writer_open)
		ready |= POLLHUP;
	return ready & (events | POLLHUP);
}

static short pipe_poll_writer(void *obj, short events)
{
	struct kiln_pipe *p = obj;
	short ready = 0;

	if (!p->reader_open)
		ready |= POLLERR;
	else if (p->count < PIPE_BYTES)
		ready |= POLLOUT;
	return ready & (events | POLLERR);
}

static int pipe_fcntl(void *obj, int cmd, long arg)
{
	(void)obj;
	(void)arg;
	/* The table keeps the flags; the pipe behaves the same either way. */
	return cmd == F_SETFL || cmd == F_SETFD || cmd == F_GETFD ? 0 : -EINVAL;
}

static const struct kiln_fd_ops reader_ops = {
	.read = pipe_read,
	.close = pipe_close_reader,
	.fstat = pipe_fstat,
	.poll = pipe_poll_reader,
	.fcntl = pipe_fcntl,
};

static const struct kiln_fd_ops writer_ops = {
	.write = pipe_write,
	.close = pipe_close_writer,
	.fstat = pipe_fstat,
	.poll = pipe_poll_writer,
	.fcntl = pipe_fcntl,
};

int pipe2(int fds[2], int flags)
{
	struct kiln_pipe *p;
	int r, w;

	if (!fds) {
		errno = EFAULT;
		return -1;
	}
	if (flags & ~(O_NONBLOCK | O_CLOEXEC)) {
		errno = EINVAL;
		return -1;
	}
	p = calloc(1, sizeof(*p));
	if (!p) {
		errno = ENOMEM;
		return -1;
	}
	p->ends = 2;
	p->reader_open = p->writer_open = 1;
	r = kiln_fd_alloc(&reader_ops, p, O_RDONLY | (flags & O_NONBLOCK));
	if (r < 0) {
		free(p);
		errno = -r;
		return -1;
	}
	w = kiln_fd_alloc(&writer_ops, p, O_WRONLY | (flags & O_NONBLOCK));
	if (w < 0) {
		p->writer_open = 0;
		close(r);
		errno = -w;
		return -1;
	}
	fds[0] = r;
	fds[1] = w;
	return 0;
}

int pipe(int fds[2])
{
	return pipe2(fds, 0);
}
