/* SPDX-License-Identifier: MIT */
/*
 * BCM2836 local interrupt controller with the BCM2835 ARM controller
 * cascaded into it, for core 0. Sources are level-triggered and cleared
 * at the device, so there is nothing to acknowledge here: ack() only says
 * which line is asserted.
 */
#include <bcm2836/bcm2836.h>
#include "bcm2836_regs.h"

static inline volatile uint32_t *local(const struct bcm2836_intc *c, uintptr_t off)
{
	return (volatile uint32_t *)(c->local_base + off);
}

static inline volatile uint32_t *armctrl(const struct bcm2836_intc *c, uintptr_t off)
{
	return (volatile uint32_t *)(c->armctrl_base + off);
}

static void bcm2836_init(void *dev)
{
	struct bcm2836_intc *c = dev;

	*local(c, LOCAL_TIMER_CTL(0)) = 0;
	*local(c, LOCAL_GPU_ROUTING) = LOCAL_GPU_TO_CORE0;
	*armctrl(c, ARMCTRL_DISABLE(0)) = ~0u;
	*armctrl(c, ARMCTRL_DISABLE(1)) = ~0u;
	*armctrl(c, ARMCTRL_DISABLE_BASIC) = ~0u;
}

/* Sets or clears the enable of @irq; lines that do not exist are ignored. */
static void set_enabled(struct bcm2836_intc *c, unsigned int irq, int on)
{
	if (irq < LOCAL_TIMER_SOURCES) {
		if (on)
			*local(c, LOCAL_TIMER_CTL(0)) |= 1u << irq;
		else
			*local(c, LOCAL_TIMER_CTL(0)) &= ~(1u << irq);
	} else if (irq >= BCM2836_IRQ_GPU_FIRST && irq < BCM2836_IRQ_BASIC_FIRST) {
		unsigned int n = irq - BCM2836_IRQ_GPU_FIRST;

		*armctrl(c, on ? ARMCTRL_ENABLE(n / 32) : ARMCTRL_DISABLE(n / 32)) = 1u << (n % 32);
	} else if (irq >= BCM2836_IRQ_BASIC_FIRST && irq < BCM2836_IRQ_COUNT) {
		*armctrl(c, on ? ARMCTRL_ENABLE_BASIC : ARMCTRL_DISABLE_BASIC) = 1u << (irq - BCM2836_IRQ_BASIC_FIRST);
	}
}

static void bcm2836_enable(void *dev, unsigned int irq)
{
	set_enabled(dev, irq, 1);
}

static void bcm2836_disable(void *dev, unsigned int irq)
{
	set_enabled(dev, irq, 0);
}

static unsigned int lowest(uint32_t bits)
{
	return (unsigned int)__builtin_ctz(bits);
}

static unsigned int bcm2836_ack(void *dev)
{
	struct bcm2836_intc *c = dev;
	uint32_t source = *local(c, LOCAL_IRQ_SOURCE(0));
	uint32_t own = source & LOCAL_SOURCE_MASK & ~LOCAL_SOURCE_GPU;
	uint32_t pending;

	if (own)
		return lowest(own);
	if (!(source & LOCAL_SOURCE_GPU))
		return KILN_IRQ_NONE;
	for (unsigned int n = 0; n < 2; n++) {
		pending = *armctrl(c, ARMCTRL_PENDING(n));
		if (pending)
			return BCM2836_IRQ_GPU_FIRST + 32 * n + lowest(pending);
	}
	pending = *armctrl(c, ARMCTRL_PENDING_BASIC) & ARMCTRL_BASIC_SOURCES;
	return pending ? BCM2836_IRQ_BASIC_FIRST + lowest(pending) : KILN_IRQ_NONE;
}

const struct kiln_irq_ops bcm2836_irq_ops = {
	.name = "bcm2836",
	.init = bcm2836_init,
	.enable = bcm2836_enable,
	.disable = bcm2836_disable,
	.ack = bcm2836_ack,
};
