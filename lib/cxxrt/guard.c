/* SPDX-License-Identifier: MIT */
/*
 * Guards of function-local statics (Itanium C++ ABI 3.3.2): the compiler
 * checks the guard's first byte inline and calls __cxa_guard_acquire()
 * only while it is 0; the object is constructed when acquire returns 1,
 * then release (or abort, if the constructor threw) is called.
 *
 * Byte 0 of the 64-bit guard says "constructed", byte 1 "being
 * constructed". Only cooperative threads exist (a thread runs until it
 * blocks, sleeps or yields), so no atomics are needed against other
 * cores; a thread that finds another thread's construction under way
 * yields until it ends. With no scheduler in the image the only way to
 * find one under way is to have re-entered it: the image ends saying so.
 */
#include <stdint.h>
#include <kiln/libc_hook.h>
#include "cxxrt.h"

/*
 * lib/sched's API, when the image has a scheduler. Declared here, weak,
 * rather than through <kiln/sched.h>: most images have no scheduler, and
 * their guards never wait.
 */
void kiln_thread_yield(void) __attribute__((weak));

enum { GUARD_DONE = 0, GUARD_BUSY = 1 };

static volatile uint8_t *bytes(uint64_t *guard)
{
	return (volatile uint8_t *)guard;
}

/* Return: 1 when the caller must construct the object, 0 when it already is. */
KILN_LIBC_HOOK int __cxa_guard_acquire(uint64_t *guard)
{
	volatile uint8_t *g = bytes(guard);

	while (!__atomic_load_n(&g[GUARD_DONE], __ATOMIC_ACQUIRE)) {
		if (!g[GUARD_BUSY]) {
			g[GUARD_BUSY] = 1;
			return 1;
		}
		if (!kiln_thread_yield)
			kiln_cxxrt_fail("a function-local static's initialisation re-entered itself", 0);
		/* Another thread constructs it: let it finish. */
		kiln_thread_yield();
	}
	return 0;
}

KILN_LIBC_HOOK void __cxa_guard_release(uint64_t *guard)
{
	volatile uint8_t *g = bytes(guard);

	g[GUARD_BUSY] = 0;
	__atomic_store_n(&g[GUARD_DONE], 1, __ATOMIC_RELEASE);
}

/* The constructor threw: the next pass through the declaration tries again. */
KILN_LIBC_HOOK void __cxa_guard_abort(uint64_t *guard)
{
	bytes(guard)[GUARD_BUSY] = 0;
}
