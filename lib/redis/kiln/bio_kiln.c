/* SPDX-License-Identifier: MIT */
/*
 * Redis's background jobs (the bio.h API) without threads, in place of
 * src/bio.c, which starts three POSIX threads at boot. A Kiln image has
 * threads only when its scheduler runs them, and Redis's main loop never
 * yields to one, so each job is done when it is submitted, on the main
 * thread: closing (and fsyncing) a file, fsyncing the AOF, or freeing an
 * object (what UNLINK, FLUSHALL ASYNC and the lazyfree-* options hand
 * over). Nothing is ever pending, so the waits return at once. The
 * result is what Redis does with lazyfree off: the same answers, with
 * the time of the work on the command that caused it.
 */
#include <stdarg.h>
#include <unistd.h>
#include "server.h"
#include "bio.h"

/* The most arguments a lazy-free job is given (lazyfree.c passes up to 3). */
#define BIO_KILN_MAX_ARGS 8

void bioInit(void)
{
}

void bioKillThreads(void)
{
}

unsigned long long bioPendingJobsOfType(int type)
{
	(void)type;
	return 0;
}

unsigned long long bioWaitStepOfType(int type)
{
	(void)type;
	return 0;
}

void bioCreateLazyFreeJob(lazy_free_fn free_fn, int arg_count, ...)
{
	void *args[BIO_KILN_MAX_ARGS];
	va_list ap;

	if (arg_count > BIO_KILN_MAX_ARGS)
		serverPanic("bioCreateLazyFreeJob: %d arguments, at most %d on Kiln", arg_count, BIO_KILN_MAX_ARGS);
	va_start(ap, arg_count);
	for (int i = 0; i < arg_count; i++)
		args[i] = va_arg(ap, void *);
	va_end(ap);
	free_fn(args);
}

void bioCreateCloseJob(int fd, int need_fsync)
{
	if (need_fsync)
		redis_fsync(fd);
	close(fd);
}

void bioCreateFsyncJob(int fd)
{
	/* As bio.c does: a descriptor closed meanwhile is not an AOF failure. */
	if (redis_fsync(fd) == -1 && errno != EBADF && errno != EINVAL) {
		int last;

		atomicGet(server.aof_bio_fsync_status, last);
		atomicSet(server.aof_bio_fsync_status, C_ERR);
		atomicSet(server.aof_bio_fsync_errno, errno);
		if (last == C_OK)
			serverLog(LL_WARNING, "Fail to fsync the AOF file: %s", strerror(errno));
	} else {
		atomicSet(server.aof_bio_fsync_status, C_OK);
	}
}
