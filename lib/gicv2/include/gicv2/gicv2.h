/* SPDX-License-Identifier: MIT */
/*
 * ARM GICv2 (GIC-400) interrupt controller driver. Line numbers are GIC
 * INTIDs: 16-31 private peripheral interrupts (the generic timer's EL1
 * physical timer is 30), 32 and up shared peripheral interrupts.
 */
#ifndef GICV2_H
#define GICV2_H

#include <stdint.h>
#include <kiln/irq_impl.h>

/**
 * struct gicv2 - one GICv2, described by the board's memory map.
 * @dist_base: distributor (GICD) base address
 * @cpu_base:  CPU interface (GICC) base address
 * @lines:     how many lines it has, read at init
 */
struct gicv2 {
	uintptr_t dist_base;
	uintptr_t cpu_base;
	unsigned int lines;
};

/** Interrupt API operations for a struct gicv2. */
extern const struct kiln_irq_ops gicv2_irq_ops;

#endif /* GICV2_H */
