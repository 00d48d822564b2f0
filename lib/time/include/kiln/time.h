/* SPDX-License-Identifier: MIT */
/*
 * Time: a monotonic clock and sleeping.
 *
 * The clock counts from an arbitrary point before boot and never goes
 * back. Sleeping idles the core (WFI) until a timer interrupt: an image
 * that sleeps costs its host almost nothing. With a scheduler that runs
 * threads, only the calling thread sleeps.
 */
#ifndef KILN_TIME_H
#define KILN_TIME_H

#include <stdint.h>

#define KILN_NSEC_PER_SEC 1000000000ull

/** kiln_time_now_ns() - the monotonic clock, in nanoseconds. */
uint64_t kiln_time_now_ns(void);

/** kiln_time_ticks() - the timer's raw counter. */
uint64_t kiln_time_ticks(void);

/** kiln_time_hz() - the counter's frequency, as the hardware reports it. */
uint64_t kiln_time_hz(void);

/** kiln_time_ticks_to_ns() - a tick count in nanoseconds. */
uint64_t kiln_time_ticks_to_ns(uint64_t ticks);

/**
 * kiln_time_sleep_ns() - return no sooner than @ns nanoseconds from now.
 *
 * With a scheduler that runs threads, other threads run meanwhile;
 * otherwise the core idles until the time has passed.
 */
void kiln_time_sleep_ns(uint64_t ns);

/** kiln_time_sleep_until_ns() - kiln_time_sleep_ns() to an absolute time of the clock. */
void kiln_time_sleep_until_ns(uint64_t deadline_ns);

/**
 * kiln_time_idle_until_ns() - idle the core until @deadline_ns or any
 * interrupt, whichever comes first (returns at once if it has passed).
 *
 * For schedulers and event loops, which call it in a loop and look at
 * what woke them. Interrupt handlers have run when it returns.
 */
void kiln_time_idle_until_ns(uint64_t deadline_ns);

#endif /* KILN_TIME_H */
