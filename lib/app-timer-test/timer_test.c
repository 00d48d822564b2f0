/* SPDX-License-Identifier: MIT */
/*
 * Timer test: nanosleep() for the configured time, measured with the
 * counter. Exit status 0 when the sleep lasted at least that long and not
 * much longer.
 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <kiln/config.h>
#include <kiln/irq.h>
#include <kiln/time.h>

/*
 * picolibc's <time.h> declares nanosleep() only when _POSIX_TIMERS is
 * defined, which its aarch64 build leaves out; Kiln's picolibc glue
 * defines it whenever the time library is in the image.
 */
#ifndef _POSIX_TIMERS
int nanosleep(const struct timespec *request, struct timespec *remaining);
#endif

int main(int argc, char **argv)
{
	const uint64_t ms = CONFIG_APP_TIMER_TEST_SLEEP_MS;
	const struct timespec request = { .tv_sec = (time_t)(ms / 1000), .tv_nsec = (long)(ms % 1000) * 1000000 };
	uint64_t hz = kiln_time_hz();
	uint64_t want = hz * ms / 1000, late = hz * CONFIG_APP_TIMER_TEST_TOLERANCE_MS / 1000;
	unsigned long irqs = kiln_irq_count();
	uint64_t before, after, ticks;

	(void)argc;
	(void)argv;
	printf("timer-test: counter at %llu Hz\n", (unsigned long long)hz);
	printf("timer-test: sleeping %llu ms\n", (unsigned long long)ms);
	fflush(stdout);
	before = kiln_time_ticks();
	nanosleep(&request, 0);
	after = kiln_time_ticks();
	ticks = after - before;
	printf("timer-test: woke after %llu ticks = %llu us (wanted %llu ticks), %lu interrupts\n",
	       (unsigned long long)ticks, (unsigned long long)(kiln_time_ticks_to_ns(ticks) / 1000),
	       (unsigned long long)want, kiln_irq_count() - irqs);
	if (ticks < want) {
		printf("timer-test: FAIL: woke %llu ticks early\n", (unsigned long long)(want - ticks));
		return 1;
	}
	if (ticks > want + late) {
		printf("timer-test: FAIL: woke %llu ticks late\n", (unsigned long long)(ticks - want));
		return 1;
	}
	printf("timer-test: ok\n");
	return 0;
}
