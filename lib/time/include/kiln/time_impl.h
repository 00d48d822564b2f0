/* SPDX-License-Identifier: MIT */
/*
 * Time API for implementers only: timer drivers and schedulers include
 * this; users of time include <kiln/time.h>.
 */
#ifndef KILN_TIME_IMPL_H
#define KILN_TIME_IMPL_H

#include <stdint.h>

/**
 * struct kiln_timer_ops - what a timer driver provides.
 * @name:        short name, e.g. "generic-timer"
 * @init:        start the counter if needed, attach the interrupt
 * @hz:          the counter's frequency
 * @ticks:       the counter (monotonic)
 * @set_alarm:   interrupt once the counter reaches @ticks (replaces any
 *               earlier alarm; fires at once if @ticks has passed)
 * @clear_alarm: no alarm
 */
struct kiln_timer_ops {
	const char *name;
	void (*init)(void *dev);
	uint64_t (*hz)(void *dev);
	uint64_t (*ticks)(void *dev);
	void (*set_alarm)(void *dev, uint64_t ticks);
	void (*clear_alarm)(void *dev);
};

/**
 * kiln_time_register() - make @dev, driven by @ops, the system timer.
 *
 * Called from the generated kiln_platform_bind(); initialised at the
 * KILN_INIT_TIME step.
 */
void kiln_time_register(const struct kiln_timer_ops *ops, void *dev);

/**
 * kiln_time_set_sleeper() - how kiln_time_sleep_until_ns() sleeps.
 * @sleep_until: a scheduler's "this thread sleeps until" (it must not
 *               return before the deadline)
 */
void kiln_time_set_sleeper(void (*sleep_until)(uint64_t deadline_ns));

#endif /* KILN_TIME_IMPL_H */
