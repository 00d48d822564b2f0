/* SPDX-License-Identifier: MIT */
/*
 * GICv2 register map (ARM Generic Interrupt Controller Architecture
 * Specification v2, IHI 0048B: 4.3 distributor, 4.4 CPU interface).
 * Private to the driver.
 */
#ifndef GICV2_REGS_H
#define GICV2_REGS_H

/* Distributor (GICD), 4.3. */
#define GICD_CTLR            (0x000)          /* distributor control */
#define GICD_TYPER           (0x004)          /* interrupt controller type */
#define GICD_IGROUPR(n)      (0x080 + 4 * (n)) /* group of 32 lines per register */
#define GICD_ISENABLER(n)    (0x100 + 4 * (n)) /* set-enable, 32 lines per register */
#define GICD_ICENABLER(n)    (0x180 + 4 * (n)) /* clear-enable */
#define GICD_ICPENDR(n)      (0x280 + 4 * (n)) /* clear-pending */
#define GICD_ICACTIVER(n)    (0x380 + 4 * (n)) /* clear-active */
#define GICD_IPRIORITYR(n)   (0x400 + (n))    /* one priority byte per line */
#define GICD_ITARGETSR(n)    (0x800 + (n))    /* one CPU-target byte per line (SPIs) */

#define GICD_CTLR_ENABLE     (1u << 0)        /* forward interrupts (group 1 in the Non-secure view) */
#define GICD_TYPER_LINES(t)  (32 * (((t) & 0x1f) + 1))  /* ITLinesNumber: how many lines exist */

/* CPU interface (GICC), 4.4. */
#define GICC_CTLR            (0x000)          /* CPU interface control */
#define GICC_PMR             (0x004)          /* priority mask */
#define GICC_BPR             (0x008)          /* binary point */
#define GICC_IAR             (0x00c)          /* interrupt acknowledge */
#define GICC_EOIR            (0x010)          /* end of interrupt */

#define GICC_CTLR_ENABLE     (1u << 0)        /* signal interrupts to the core */
#define GICC_PMR_ALLOW_ALL   (0xf0u)          /* lowest mask every implementation supports */
#define GICC_IAR_ID(iar)     ((iar) & 0x3ffu) /* INTID of an acknowledged interrupt */
#define GIC_SPURIOUS         (1020u)          /* IDs 1020-1023 are special: nothing to handle */

/* Line numbering (2.2.1). */
#define GIC_PPI_FIRST        (16u)            /* 16-31: private peripheral interrupts */
#define GIC_SPI_FIRST        (32u)            /* 32 and up: shared peripheral interrupts */
#define GIC_DEFAULT_PRIORITY (0xa0u)          /* middle of the range, below the mask */
#define GIC_TARGET_CPU0      (0x01u)          /* ITARGETSR byte: core 0 */

#endif /* GICV2_REGS_H */
