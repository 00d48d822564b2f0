/* SPDX-License-Identifier: MIT */
/*
 * Generic timer: the counter (CNTPCT_EL0) is the clock; the EL1 physical
 * timer's compare value (CNTP_CVAL_EL0) is the alarm. EL1 has access to
 * both: the entry code sets CNTHCTL_EL2 when it comes from EL2 or EL3.
 */
#include <stdint.h>
#include <generic-timer/generic-timer.h>
#include <kiln/boot.h>
#include <kiln/irq.h>
#include "generic_timer_regs.h"

static uint64_t gt_ticks(void *dev)
{
	uint64_t ticks;

	(void)dev;
	/* The ISB keeps the read from being done early, out of order. */
	__asm__ volatile("isb\n\tmrs %0, cntpct_el0" : "=r"(ticks));
	return ticks;
}

static uint64_t gt_hz(void *dev)
{
	return ((struct generic_timer *)dev)->hz;
}

static void gt_set_alarm(void *dev, uint64_t ticks)
{
	(void)dev;
	__asm__ volatile("msr cntp_cval_el0, %0\n\t"
			 "msr cntp_ctl_el0, %1\n\t"
			 "isb"
			 : : "r"(ticks), "r"((uint64_t)CNTP_CTL_ENABLE) : "memory");
}

static void gt_clear_alarm(void *dev)
{
	(void)dev;
	__asm__ volatile("msr cntp_ctl_el0, xzr\n\tisb" ::: "memory");
}

/* The alarm went off: turn it off (the line is level-triggered). Sleepers look at the clock. */
static void gt_interrupt(unsigned int irq, void *dev)
{
	(void)irq;
	gt_clear_alarm(dev);
}

static void gt_init(void *dev)
{
	struct generic_timer *t = dev;
	uint64_t hz;

	/*
	 * The frequency is the counter's own (CNTFRQ_EL0, which firmware
	 * programs: 62.5 MHz under QEMU, 19.2 MHz on a real Pi 3), never
	 * the board's. A device tree's clock-frequency on the timer node
	 * wins when present: by its binding it exists only for firmware
	 * that left CNTFRQ_EL0 wrong, and Linux reads it the same way.
	 */
	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(hz));
	t->hz = kiln_machine()->timer_hz ? kiln_machine()->timer_hz : hz;
	gt_clear_alarm(dev);
	kiln_irq_attach(t->irq, gt_interrupt, t);
	kiln_irq_enable(t->irq);
}

const struct kiln_timer_ops generic_timer_ops = {
	.name = "generic-timer",
	.init = gt_init,
	.hz = gt_hz,
	.ticks = gt_ticks,
	.set_alarm = gt_set_alarm,
	.clear_alarm = gt_clear_alarm,
};
