/* SPDX-License-Identifier: MIT */
/*
 * Interrupt API: attach a handler to an interrupt line, enable and
 * disable it, and mask interrupts on this core around critical sections.
 *
 * Line numbers are the interrupt controller's own (GIC INTIDs on GICv2
 * boards; on the Raspberry Pi 3, see <bcm2836/bcm2836.h>). Which
 * controller an image has is decided by its board and bound in the
 * generated bindings.c.
 */
#ifndef KILN_IRQ_H
#define KILN_IRQ_H

/**
 * kiln_irq_handler_t - called on the exception stack with interrupts masked.
 * @irq: the line that fired
 * @arg: what was given to kiln_irq_attach()
 */
typedef void (*kiln_irq_handler_t)(unsigned int irq, void *arg);

/**
 * kiln_irq_attach() - run @fn when @irq fires. Does not enable the line.
 *
 * Return: 0, or -1 when the handler table is full.
 */
int kiln_irq_attach(unsigned int irq, kiln_irq_handler_t fn, void *arg);

/** kiln_irq_enable() - let @irq reach this core. */
void kiln_irq_enable(unsigned int irq);

/** kiln_irq_disable() - stop @irq from reaching this core. */
void kiln_irq_disable(unsigned int irq);

/** kiln_irq_save() - mask interrupts on this core; returns the previous state for kiln_irq_restore(). */
static inline unsigned long kiln_irq_save(void)
{
	unsigned long daif;

	__asm__ volatile("mrs %0, daif\n\tmsr daifset, #2" : "=r"(daif) : : "memory");
	return daif;
}

/** kiln_irq_restore() - put back the mask state kiln_irq_save() returned. */
static inline void kiln_irq_restore(unsigned long daif)
{
	__asm__ volatile("msr daif, %0" : : "r"(daif) : "memory");
}

/** kiln_irq_count() - interrupts dispatched since boot (handled or not). */
unsigned long kiln_irq_count(void);

#endif /* KILN_IRQ_H */
