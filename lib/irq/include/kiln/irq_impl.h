/* SPDX-License-Identifier: MIT */
/*
 * Interrupt API for implementers only: interrupt controller drivers
 * include this; users of interrupts include <kiln/irq.h>.
 */
#ifndef KILN_IRQ_IMPL_H
#define KILN_IRQ_IMPL_H

/** Returned by @ack when no interrupt is pending (or it was spurious). */
#define KILN_IRQ_NONE (~0u)

/**
 * struct kiln_irq_ops - what an interrupt controller driver provides.
 * @name:    short name, e.g. "gicv2"
 * @init:    reset the controller: every line disabled, this core's
 *           interface on
 * @enable:  let a line reach this core
 * @disable: stop a line
 * @ack:     the highest-priority pending line, acknowledged (it becomes
 *           active), or KILN_IRQ_NONE
 * @eoi:     end of handling for a line @ack returned (may be NULL)
 */
struct kiln_irq_ops {
	const char *name;
	void (*init)(void *dev);
	void (*enable)(void *dev, unsigned int irq);
	void (*disable)(void *dev, unsigned int irq);
	unsigned int (*ack)(void *dev);
	void (*eoi)(void *dev, unsigned int irq);
};

/**
 * kiln_irq_register() - make @dev, driven by @ops, the interrupt controller.
 *
 * Called from the generated kiln_platform_bind(); the controller is
 * initialised, and interrupts unmasked on the boot core, at the
 * KILN_INIT_IRQ step.
 */
void kiln_irq_register(const struct kiln_irq_ops *ops, void *dev);

#endif /* KILN_IRQ_IMPL_H */
