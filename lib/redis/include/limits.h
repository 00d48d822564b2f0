/* SPDX-License-Identifier: MIT */
/*
 * picolibc's <limits.h> with SSIZE_MAX, which POSIX puts there and
 * Redis's and hiredis's sds.c and config.c use.
 */
#include_next <limits.h>

#ifndef SSIZE_MAX
#define SSIZE_MAX __LONG_MAX__
#endif
