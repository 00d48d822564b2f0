/* SPDX-License-Identifier: MIT */
/*
 * picolibc glue: POSIX clocks and sleeps on Kiln's time library. Compiled
 * when the image has the time library (library.yaml keys it on LIBTIME).
 *
 * There is no clock that keeps the date: CLOCK_REALTIME counts from
 * boot, like the monotonic clock, from LIBTIME_EPOCH seconds after 1970
 * (0 unless the image says otherwise).
 */
#include <errno.h>
#include <stdint.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <kiln/config.h>
#include <kiln/libc_hook.h>
#include <kiln/time.h>

/* picolibc's time.h declares these only on some targets; the values are its own. */
#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC ((clockid_t)4)
#endif
#ifndef CLOCK_MONOTONIC_RAW
#define CLOCK_MONOTONIC_RAW ((clockid_t)5)
#endif

#ifdef CONFIG_LIBTIME_EPOCH
#define WALL_EPOCH ((time_t)CONFIG_LIBTIME_EPOCH)
#else
#define WALL_EPOCH ((time_t)0)
#endif

KILN_LIBC_HOOK int clock_gettime(clockid_t clock, struct timespec *ts)
{
	uint64_t ns;

	if (clock != CLOCK_MONOTONIC && clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC_RAW) {
		errno = EINVAL;
		return -1;
	}
	ns = kiln_time_now_ns();
	ts->tv_sec = (time_t)(ns / KILN_NSEC_PER_SEC) + (clock == CLOCK_REALTIME ? WALL_EPOCH : 0);
	ts->tv_nsec = (long)(ns % KILN_NSEC_PER_SEC);
	return 0;
}

KILN_LIBC_HOOK int gettimeofday(struct timeval *tv, void *tz)
{
	uint64_t ns = kiln_time_now_ns();

	(void)tz;
	tv->tv_sec = (time_t)(ns / KILN_NSEC_PER_SEC) + WALL_EPOCH;
	tv->tv_usec = (suseconds_t)(ns % KILN_NSEC_PER_SEC / 1000);
	return 0;
}

KILN_LIBC_HOOK int nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (req->tv_sec < 0 || req->tv_nsec < 0 || req->tv_nsec >= (long)KILN_NSEC_PER_SEC) {
		errno = EINVAL;
		return -1;
	}
	kiln_time_sleep_ns((uint64_t)req->tv_sec * KILN_NSEC_PER_SEC + (uint64_t)req->tv_nsec);
	if (rem) {
		rem->tv_sec = 0;
		rem->tv_nsec = 0;
	}
	return 0;
}

KILN_LIBC_HOOK int usleep(useconds_t us)
{
	kiln_time_sleep_ns((uint64_t)us * 1000);
	return 0;
}

KILN_LIBC_HOOK unsigned int sleep(unsigned int seconds)
{
	kiln_time_sleep_ns((uint64_t)seconds * KILN_NSEC_PER_SEC);
	return 0;
}
