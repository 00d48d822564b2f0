/* SPDX-License-Identifier: MIT */
/*
 * KILN_LIBC_HOOK marks what picolibc's own objects call (stdout, _exit,
 * malloc, nanosleep...). Those objects are not part of the link-time
 * optimized code, so under LTO nothing there seems to use them: keep them,
 * and (gcc) keep them visible to the final link. Private to the glue.
 */
#ifndef KILN_PICOLIBC_HOOK_H
#define KILN_PICOLIBC_HOOK_H

#ifdef __clang__
/* clang's LTO keeps used symbols visible already; it has no externally_visible. */
#define KILN_LIBC_HOOK __attribute__((used))
#else
#define KILN_LIBC_HOOK __attribute__((used, externally_visible))
#endif

#endif /* KILN_PICOLIBC_HOOK_H */
