/* SPDX-License-Identifier: MIT */
/*
 * Raspberry Pi 3 interrupt controllers: the BCM2836 per-core local
 * controller and, behind it, the BCM2835 ARM interrupt controller. There
 * is no GIC on this SoC.
 *
 * Line numbers:
 *   0-11    core 0's local sources (bit n of its IRQ source register):
 *           0 CNTPSIRQ, 1 CNTPNSIRQ (the EL1 physical timer), 2 CNTHPIRQ,
 *           3 CNTVIRQ; only 0-3 can be enabled here
 *   32-95   GPU peripheral IRQs 0-63 of the BCM2835 controller
 *   96-103  its basic IRQs 0-7 (ARM timer, mailbox, doorbells, ...)
 */
#ifndef BCM2836_H
#define BCM2836_H

#include <stdint.h>
#include <kiln/irq_impl.h>

#define BCM2836_IRQ_GPU_FIRST    32u
#define BCM2836_IRQ_BASIC_FIRST  96u
#define BCM2836_IRQ_COUNT        104u

/**
 * struct bcm2836_intc - the two controllers, from the board's memory map.
 * @local_base:   BCM2836 local block
 * @armctrl_base: BCM2835 ARM interrupt controller
 */
struct bcm2836_intc {
	uintptr_t local_base;
	uintptr_t armctrl_base;
};

/** Interrupt API operations for a struct bcm2836_intc. */
extern const struct kiln_irq_ops bcm2836_irq_ops;

#endif /* BCM2836_H */
