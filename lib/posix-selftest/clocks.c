/* SPDX-License-Identifier: MIT */
/*
 * Clocks and sleeping: the clocks move forward, a sleep lasts at least
 * what was asked, clock() and times() agree with them.
 */
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/times.h>
#include "selftest.h"

/* picolibc declares CLOCK_MONOTONIC only where it claims _POSIX_MONOTONIC_CLOCK; the value is its own. */
#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC ((clockid_t)4)
#endif

static long long ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000ll + t->tv_nsec;
}

void check_clocks(void)
{
	struct timespec a, b, res, nap = { 0, 20 * 1000 * 1000 };
	struct timeval tv;
	struct tms tms;
	clock_t c0, c1;

	check(clock_gettime(CLOCK_MONOTONIC, &a) == 0 && clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_nsec > 0,
	      "clock_gettime and clock_getres");
	c0 = clock();
	check(nanosleep(&nap, 0) == 0 && clock_gettime(CLOCK_MONOTONIC, &b) == 0 && ns(&b) - ns(&a) >= 20000000,
	      "nanosleep sleeps at least as long as asked");
	c1 = clock();
	check(c1 - c0 >= 2 && times(&tms) >= c1 && tms.tms_utime >= c1, "clock() and times() count the time that passed");
	check(gettimeofday(&tv, 0) == 0 && time(0) - tv.tv_sec <= 1, "gettimeofday and time agree");
	check(usleep(1000) == 0, "usleep");
}
