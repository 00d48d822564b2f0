/* SPDX-License-Identifier: MIT */
/*
 * For C++ only (on the C++ system include path, never C's). libstdc++'s
 * headers were configured for glibc: their <bits/os_defines.h> includes
 * <features.h> and asks __GLIBC_PREREQ() which glibc it runs on. On
 * picolibc, that is picolibc's <sys/features.h>, and no glibc at all.
 */
#ifndef KILN_CXXRT_FEATURES_H
#define KILN_CXXRT_FEATURES_H

#include <sys/features.h>

/* No glibc: every "glibc at least x.y" question is answered no. */
#define __GLIBC_PREREQ(maj, min) 0

#ifdef __cplusplus
extern "C" {
#endif

struct timespec;

/*
 * C11's timespec_get(): libstdc++'s <ctime> (and so <chrono>) brings it
 * into std::, as glibc has it. picolibc 1.8 has none: declared so those
 * headers compile; a call to it fails to link (use clock_gettime()).
 */
int timespec_get(struct timespec *ts, int base);

#ifdef __cplusplus
}
#endif

#endif /* KILN_CXXRT_FEATURES_H */
