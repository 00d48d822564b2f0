/* SPDX-License-Identifier: MIT */
/*
 * times() and clock_getres() on the time library's counter.
 *
 * picolibc's clock() calls times(): it is a KILN_LIBC_HOOK.
 */
#include <errno.h>
#include <time.h>
#include <sys/times.h>
#include <kiln/libc_hook.h>
#include <kiln/time.h>

/* picolibc declares CLOCK_MONOTONIC only where it claims _POSIX_MONOTONIC_CLOCK; the value is its own. */
#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC ((clockid_t)4)
#endif
#ifndef CLOCK_MONOTONIC_RAW
#define CLOCK_MONOTONIC_RAW ((clockid_t)5)
#endif

/* Nanoseconds per clock_t tick: clock() reports in CLOCKS_PER_SEC, and times() feeds it. */
#define NS_PER_CLOCK (KILN_NSEC_PER_SEC / CLOCKS_PER_SEC)

KILN_LIBC_HOOK clock_t times(struct tms *t)
{
	clock_t now = (clock_t)(kiln_time_now_ns() / NS_PER_CLOCK);

	/* One process, always running: all of its time is user time, and it has no children. */
	if (t) {
		t->tms_utime = now;
		t->tms_stime = 0;
		t->tms_cutime = 0;
		t->tms_cstime = 0;
	}
	return now;
}

int clock_getres(clockid_t clock, struct timespec *res)
{
	uint64_t hz = kiln_time_hz();

	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_MONOTONIC_RAW) {
		errno = EINVAL;
		return -1;
	}
	if (res) {
		res->tv_sec = 0;
		/* One tick, rounded up so that it is never claimed finer than it is. */
		res->tv_nsec = (long)((KILN_NSEC_PER_SEC + hz - 1) / hz);
	}
	return 0;
}
