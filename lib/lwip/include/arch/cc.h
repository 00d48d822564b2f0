/* SPDX-License-Identifier: MIT */
/*
 * lwIP's compiler and platform definitions for Kiln (lwIP's
 * include/lwip/arch.h lists what a port may define): the C library's
 * types, little-endian ARM64, diagnostics on the console.
 */
#ifndef KILN_LWIP_ARCH_CC_H
#define KILN_LWIP_ARCH_CC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <limits.h>
#include <sys/types.h>

/* picolibc's sys/types.h has ssize_t but not SSIZE_MAX, by which lwIP's arch.h recognises it. */
#ifndef SSIZE_MAX
#define SSIZE_MAX LONG_MAX
#endif

#ifndef BYTE_ORDER
#define BYTE_ORDER LITTLE_ENDIAN
#endif

/* Byte swaps as single instructions; <netinet/in.h> gives the standard names, not lwIP. */
#define lwip_htons(x) ((uint16_t)__builtin_bswap16((uint16_t)(x)))
#define lwip_htonl(x) ((uint32_t)__builtin_bswap32((uint32_t)(x)))
#define LWIP_DONT_PROVIDE_BYTEORDER_FUNCTIONS 1

/* picolibc's errno.h has every code lwIP names. */
#define LWIP_ERRNO_STDINCLUDE 1

/* Random numbers for TCP's initial sequence numbers, ports and DHCP's transaction ids. */
uint32_t kiln_lwip_rand(void);

/* A broken invariant inside lwIP ends the image with a crash report. */
void kiln_lwip_assert(const char *message, const char *file, int line) __attribute__((noreturn));

#define LWIP_PLATFORM_DIAG(x)      do { printf x; } while (0)
#define LWIP_PLATFORM_ASSERT(x)    kiln_lwip_assert((x), __FILE__, __LINE__)

#endif /* KILN_LWIP_ARCH_CC_H */
