/* SPDX-License-Identifier: MIT */
/*
 * Time: the clock and sleeping, on the timer the board binds.
 */
#include <errno.h>
#include <stdint.h>
#include <kiln/init.h>
#include <kiln/irq.h>
#include <kiln/time.h>
#include <kiln/time_impl.h>

static const struct kiln_timer_ops *ops;
static void *dev;
static uint64_t hz;
static void (*sleeper)(uint64_t deadline_ns);

void kiln_time_register(const struct kiln_timer_ops *o, void *d)
{
	ops = o;
	dev = d;
}

void kiln_time_set_sleeper(void (*sleep_until)(uint64_t deadline_ns))
{
	sleeper = sleep_until;
}

uint64_t kiln_time_hz(void)
{
	return hz;
}

uint64_t kiln_time_ticks(void)
{
	return ops->ticks(dev);
}

/* Split so that nothing overflows below 18 GHz and no 128-bit division is needed. */
uint64_t kiln_time_ticks_to_ns(uint64_t ticks)
{
	return ticks / hz * KILN_NSEC_PER_SEC + ticks % hz * KILN_NSEC_PER_SEC / hz;
}

/* The first tick at or after @ns. */
static uint64_t ns_to_ticks_ceil(uint64_t ns)
{
	return ns / KILN_NSEC_PER_SEC * hz + (ns % KILN_NSEC_PER_SEC * hz + KILN_NSEC_PER_SEC - 1) / KILN_NSEC_PER_SEC;
}

uint64_t kiln_time_now_ns(void)
{
	return kiln_time_ticks_to_ns(ops->ticks(dev));
}

void kiln_time_idle_until_ns(uint64_t deadline_ns)
{
	uint64_t deadline = ns_to_ticks_ceil(deadline_ns);
	/*
	 * Masked, so that an interrupt between the check and WFI cannot be
	 * lost: WFI wakes on a pending interrupt even when it is masked,
	 * and the handler runs as soon as the mask is restored.
	 */
	unsigned long flags = kiln_irq_save();

	if (ops->ticks(dev) < deadline) {
		ops->set_alarm(dev, deadline);
		__asm__ volatile("dsb sy\n\twfi" ::: "memory");
	}
	kiln_irq_restore(flags);
}

void kiln_time_sleep_until_ns(uint64_t deadline_ns)
{
	if (sleeper) {
		sleeper(deadline_ns);
		return;
	}
	while (kiln_time_now_ns() < deadline_ns)
		kiln_time_idle_until_ns(deadline_ns);
}

void kiln_time_sleep_ns(uint64_t ns)
{
	kiln_time_sleep_until_ns(kiln_time_now_ns() + ns);
}

static int kiln_time_init(void)
{
	if (!ops)
		return kiln_init_fail(-ENODEV, "time: no timer registered for this board");
	ops->init(dev);
	hz = ops->hz(dev);
	if (!hz)
		return kiln_init_fail(-EINVAL, "time: the timer reports a frequency of 0 Hz");
	return 0;
}

KILN_INIT(kiln_time_init, KILN_INIT_TIME);
