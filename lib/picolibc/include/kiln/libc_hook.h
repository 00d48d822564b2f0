/* SPDX-License-Identifier: MIT */
/*
 * KILN_LIBC_HOOK marks a definition that picolibc's own objects call
 * (stdout, _exit, malloc, nanosleep, and the POSIX calls the posix-*
 * libraries add: read, open, getpid...). Those objects come from libc.a
 * and are not part of the link-time optimized code, so under LTO nothing
 * there seems to use the definition: keep it, and (gcc) keep it visible
 * to the final link.
 *
 * For the C library glue and the libraries that fill in its POSIX side;
 * each of them selects LIBPICOLIBC.
 */
#ifndef KILN_LIBC_HOOK_H
#define KILN_LIBC_HOOK_H

#ifdef __clang__
/* clang's LTO keeps used symbols visible already; it has no externally_visible. */
#define KILN_LIBC_HOOK __attribute__((used))
#else
#define KILN_LIBC_HOOK __attribute__((used, externally_visible))
#endif

#endif /* KILN_LIBC_HOOK_H */
