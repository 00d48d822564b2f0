/* SPDX-License-Identifier: MIT */
/*
 * What NGINX's ./configure writes into objs/ngx_auto_config.h, written
 * by hand from what a Kiln image has: gcc for AArch64 (little-endian,
 * 64-bit pointers, time_t and off_t), picolibc, and Kiln's POSIX layer
 * (descriptors, the RAM file system, sockets over lwIP: IPv4 only, no
 * Unix domain sockets). Every feature ./configure would probe and Kiln
 * lacks is left undefined, so NGINX takes its portable path: no epoll,
 * kqueue or sendfile (read and write instead), no FIONBIO (fcntl's
 * O_NONBLOCK), no mmap (Kiln's ngx_shm_alloc takes heap memory), no
 * getaddrinfo, no IPv6, no PCRE (so no regular expressions in
 * locations or rewrite).
 *
 * ngx_posix_config.h includes this after the system headers.
 */
#ifndef KILN_NGX_AUTO_CONFIG_H
#define KILN_NGX_AUTO_CONFIG_H

#define NGX_CONFIGURE " (Kiln: written by hand, lib/nginx/include/ngx_auto_config.h)"
#define NGX_COMPILER  "gcc (Kiln cross build for AArch64)"

/* The compiler. */
#define NGX_HAVE_GCC_ATOMIC          1
#define NGX_HAVE_C99_VARIADIC_MACROS 1
#define NGX_HAVE_GCC_VARIADIC_MACROS 1
#define NGX_HAVE_GCC_BSWAP64         1

/* The CPU: Cortex-A53, unaligned loads allowed on normal memory. */
#define NGX_HAVE_NONALIGNED      1
#define NGX_CPU_CACHE_LINE       64
#define NGX_HAVE_LITTLE_ENDIAN   1
#define NGX_PTR_SIZE             8
#define NGX_SIG_ATOMIC_T_SIZE    4
#define NGX_MAX_SIZE_T_VALUE     9223372036854775807LL
#define NGX_SIZE_T_LEN           (sizeof("-9223372036854775808") - 1)
#define NGX_MAX_OFF_T_VALUE      9223372036854775807LL
#define NGX_OFF_T_LEN            (sizeof("-9223372036854775808") - 1)
#define NGX_TIME_T_SIZE          8
#define NGX_TIME_T_LEN           (sizeof("-9223372036854775808") - 1)
#define NGX_MAX_TIME_T_VALUE     9223372036854775807LL

/* Events: poll() from posix-fd. */
#define NGX_HAVE_POLL            1

/* Calls Kiln's POSIX layer and picolibc have. */
#define NGX_HAVE_PREAD           1
#define NGX_HAVE_PWRITE          1
#define NGX_HAVE_LOCALTIME_R     1
#define NGX_HAVE_CLOCK_MONOTONIC 1
#define NGX_HAVE_POSIX_MEMALIGN  1
#define NGX_HAVE_D_TYPE          1
#define NGX_HAVE_SC_NPROCESSORS_ONLN 1
#define NGX_HAVE_ACCEPT4         1
#define NGX_HAVE_MSGHDR_MSG_CONTROL 1

/* Where things are in the image. */
#define NGX_PREFIX               "/"
#define NGX_CONF_PREFIX          "/etc/nginx/"
#define NGX_SBIN_PATH            "/nginx"
#define NGX_CONF_PATH            "/etc/nginx/nginx.conf"
#define NGX_PID_PATH             "/nginx.pid"
#define NGX_LOCK_PATH            "/nginx.lock"
/* Empty: the error log is standard error, the console. */
#define NGX_ERROR_LOG_PATH       ""
#define NGX_HTTP_LOG_PATH        "/access.log"
#define NGX_HTTP_CLIENT_TEMP_PATH "/client_body_temp"
#define NGX_HTTP_PROXY_TEMP_PATH  "/proxy_temp"
#define NGX_HTTP_FASTCGI_TEMP_PATH "/fastcgi_temp"
#define NGX_HTTP_UWSGI_TEMP_PATH "/uwsgi_temp"
#define NGX_HTTP_SCGI_TEMP_PATH  "/scgi_temp"

/*
 * The image's one user is root (posix-process): NGINX looks its default
 * user up when it runs as root, and would change the owner of its
 * temporary folders to another one.
 */
#define NGX_USER                 "root"
#define NGX_GROUP                "root"

#define NGX_SUPPRESS_WARN        1

/* One core. */
#define NGX_SMP                  0

/* picolibc names POSIX's timezone variable _timezone. */
#define timezone _timezone

#endif /* KILN_NGX_AUTO_CONFIG_H */
