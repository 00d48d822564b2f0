/* SPDX-License-Identifier: MIT */
/*
 * What lwIP asks of a NO_SYS port: a millisecond clock, random numbers,
 * and what to do when an assertion fails.
 */
#include <stdint.h>
#include <stdio.h>
#include <kiln/arm64/exception.h>
#include <kiln/time.h>
#include "lwip/sys.h"

u32_t sys_now(void)
{
	return (u32_t)(kiln_time_now_ns() / 1000000u);
}

/*
 * xorshift64* (Vigna, 2016), seeded from the counter's low bits at the
 * first call. Not cryptographic: it keeps TCP sequence numbers and
 * ports from repeating across boots, which is all lwIP asks of it.
 */
uint32_t kiln_lwip_rand(void)
{
	static uint64_t state;

	if (!state)
		state = kiln_time_ticks() * 0x9e3779b97f4a7c15ull | 1;
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (uint32_t)((state * 0x2545f4914f6cdd1dull) >> 32);
}

void kiln_lwip_assert(const char *message, const char *file, int line)
{
	static char what[160];

	snprintf(what, sizeof(what), "lwip: assertion \"%s\" failed at %s:%d", message, file, line);
	kiln_arm64_crash(what);
}
