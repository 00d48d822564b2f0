/* SPDX-License-Identifier: MIT */
/*
 * The POSIX self-test's checks, one file per area.
 */
#ifndef KILN_POSIX_SELFTEST_H
#define KILN_POSIX_SELFTEST_H

#include <time.h>

/*
 * picolibc declares these only on systems that claim _POSIX_TIMERS, which
 * its feature header does for none of Kiln's; Kiln implements both.
 */
#ifndef _POSIX_TIMERS
int clock_gettime(clockid_t clock, struct timespec *tp);
int clock_getres(clockid_t clock, struct timespec *res);
int nanosleep(const struct timespec *req, struct timespec *rem);
#endif

/** check() - print "ok N - what" or "not ok N - what" and count it. */
void check(int passed, const char *what);

void check_files(void);
void check_clocks(void);
void check_threads(void);

#endif /* KILN_POSIX_SELFTEST_H */
