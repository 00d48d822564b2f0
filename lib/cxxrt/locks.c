/* SPDX-License-Identifier: MIT */
/*
 * Mutexes for libstdc++'s emergency exception pool and libgcc's unwinder
 * (reached from libstdc++'s members even without C++ exceptions, see
 * glibc.c) in an image without POSIX threads (lib/posix-pthread supplies the real
 * ones when it is in the image). Both archives were built for glibc,
 * whose threads are always on, so they lock unconditionally; with one
 * thread there is nothing to wait for.
 */
#include <kiln/libc_hook.h>

/* Only the address is passed: the type's layout does not matter here. */
struct pthread_mutex;

KILN_LIBC_HOOK int pthread_mutex_lock(struct pthread_mutex *mutex)
{
	(void)mutex;
	return 0;
}

KILN_LIBC_HOOK int pthread_mutex_unlock(struct pthread_mutex *mutex)
{
	(void)mutex;
	return 0;
}
