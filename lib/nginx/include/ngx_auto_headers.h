/* SPDX-License-Identifier: MIT */
/*
 * What NGINX's ./configure writes into objs/ngx_auto_headers.h: the
 * system headers the target has. Written by hand for Kiln (./configure
 * runs test programs, which a cross build cannot): picolibc has these
 * four. No NGX_LINUX or other system name, so ngx_config.h takes
 * NGINX's generic POSIX configuration (ngx_posix_config.h).
 */
#ifndef KILN_NGX_AUTO_HEADERS_H
#define KILN_NGX_AUTO_HEADERS_H

#define NGX_HAVE_UNISTD_H     1
#define NGX_HAVE_INTTYPES_H   1
#define NGX_HAVE_LIMITS_H     1
#define NGX_HAVE_SYS_PARAM_H  1

/*
 * ngx_config.h includes this before any system header, so this is where
 * picolibc is told what Kiln provides: clock_gettime() and
 * CLOCK_MONOTONIC (the time library). picolibc's feature header claims
 * them for no Kiln board (docs/posix.md, Time).
 */
#define _POSIX_TIMERS           1
#define _POSIX_MONOTONIC_CLOCK  200112L

#endif /* KILN_NGX_AUTO_HEADERS_H */
