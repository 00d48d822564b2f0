/* SPDX-License-Identifier: MIT */
/*
 * GICv2: distributor and CPU interface for core 0.
 *
 * Works from either security view: on QEMU virt the GIC has no security
 * extensions; on a GIC with them, Kiln runs Non-secure and the firmware
 * (or QEMU's direct boot) has put the lines in group 1, which is what the
 * Non-secure view of GICD_CTLR bit 0 enables.
 */
#include <gicv2/gicv2.h>
#include "gicv2_regs.h"

static inline volatile uint32_t *gicd(const struct gicv2 *g, uintptr_t off)
{
	return (volatile uint32_t *)(g->dist_base + off);
}

static inline volatile uint8_t *gicd8(const struct gicv2 *g, uintptr_t off)
{
	return (volatile uint8_t *)(g->dist_base + off);
}

static inline volatile uint32_t *gicc(const struct gicv2 *g, uintptr_t off)
{
	return (volatile uint32_t *)(g->cpu_base + off);
}

static void gicv2_init(void *dev)
{
	struct gicv2 *g = dev;

	*gicd(g, GICD_CTLR) = 0;
	g->lines = GICD_TYPER_LINES(*gicd(g, GICD_TYPER));
	if (g->lines > GIC_SPURIOUS)
		g->lines = GIC_SPURIOUS;
	/* Every line off, not pending, not active, middle priority; shared ones to core 0. */
	for (unsigned int n = 0; n < g->lines / 32; n++) {
		*gicd(g, GICD_ICENABLER(n)) = ~0u;
		*gicd(g, GICD_ICPENDR(n)) = ~0u;
		*gicd(g, GICD_ICACTIVER(n)) = ~0u;
	}
	for (unsigned int irq = 0; irq < g->lines; irq++) {
		*gicd8(g, GICD_IPRIORITYR(irq)) = GIC_DEFAULT_PRIORITY;
		if (irq >= GIC_SPI_FIRST)
			*gicd8(g, GICD_ITARGETSR(irq)) = GIC_TARGET_CPU0;
	}
	*gicd(g, GICD_CTLR) = GICD_CTLR_ENABLE;

	*gicc(g, GICC_PMR) = GICC_PMR_ALLOW_ALL;
	*gicc(g, GICC_BPR) = 0;
	*gicc(g, GICC_CTLR) = GICC_CTLR_ENABLE;
}

static void gicv2_enable(void *dev, unsigned int irq)
{
	struct gicv2 *g = dev;

	*gicd(g, GICD_ISENABLER(irq / 32)) = 1u << (irq % 32);
}

static void gicv2_disable(void *dev, unsigned int irq)
{
	struct gicv2 *g = dev;

	*gicd(g, GICD_ICENABLER(irq / 32)) = 1u << (irq % 32);
}

static unsigned int gicv2_ack(void *dev)
{
	struct gicv2 *g = dev;
	unsigned int id = GICC_IAR_ID(*gicc(g, GICC_IAR));

	return id >= GIC_SPURIOUS ? KILN_IRQ_NONE : id;
}

static void gicv2_eoi(void *dev, unsigned int irq)
{
	struct gicv2 *g = dev;

	*gicc(g, GICC_EOIR) = irq;
}

const struct kiln_irq_ops gicv2_irq_ops = {
	.name = "gicv2",
	.init = gicv2_init,
	.enable = gicv2_enable,
	.disable = gicv2_disable,
	.ack = gicv2_ack,
	.eoi = gicv2_eoi,
};
