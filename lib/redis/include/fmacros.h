/* SPDX-License-Identifier: MIT */
/*
 * Redis's feature macros on Kiln (in place of src/fmacros.h): picolibc's
 * headers declare the POSIX and BSD calls Redis uses under _DEFAULT_SOURCE
 * and _GNU_SOURCE; file offsets are 64-bit already.
 */
#ifndef _REDIS_FMACRO_H
#define _REDIS_FMACRO_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
/* picolibc's errno.h names ENONET and ESOCKTNOSUPPORT, which anet.c and server.c test, under this. */
#ifndef __LINUX_ERRNO_EXTENSIONS__
#define __LINUX_ERRNO_EXTENSIONS__
#endif

#endif
