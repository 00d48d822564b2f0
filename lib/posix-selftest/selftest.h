/* SPDX-License-Identifier: MIT */
/*
 * The POSIX self-test's checks, one file per area.
 */
#ifndef KILN_POSIX_SELFTEST_H
#define KILN_POSIX_SELFTEST_H

/** check() - print "ok N - what" or "not ok N - what" and count it. */
void check(int passed, const char *what);

void check_files(void);
void check_clocks(void);
void check_threads(void);

#endif /* KILN_POSIX_SELFTEST_H */
