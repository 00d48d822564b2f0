/* SPDX-License-Identifier: MIT */
/*
 * System register values used while leaving the higher exception levels
 * and turning on the MMU.
 *
 * Each value is built from named fields; the section numbers refer to the
 * Arm Architecture Reference Manual for A-profile (DDI 0487), chapter D17
 * "AArch64 System Register Descriptions". Usable from C and assembly.
 */
#ifndef KILN_ARM64_SYSREG_H
#define KILN_ARM64_SYSREG_H

#define KILN_BIT(n)            (1 << (n))

/* MPIDR_EL1 (D17.2.101): Aff0 is the core number on Cortex-A53 clusters. */
#define MPIDR_AFF0_MASK        (0xff)

/* SCR_EL3 (D17.2.117) */
#define SCR_EL3_NS             KILN_BIT(0)   /* lower levels are Non-secure */
#define SCR_EL3_RES1           (0x3 << 4)    /* bits 5:4 are RES1 */
#define SCR_EL3_HCE            KILN_BIT(8)   /* HVC enabled (PSCI from EL1) */
#define SCR_EL3_RW             KILN_BIT(10)  /* EL2 runs AArch64 */
#define SCR_EL3_VALUE          (SCR_EL3_RW | SCR_EL3_HCE | SCR_EL3_RES1 | SCR_EL3_NS)

/* HCR_EL2 (D17.2.48) */
#define HCR_EL2_RW             (1 << 31)     /* EL1 runs AArch64 */
#define HCR_EL2_VALUE          (HCR_EL2_RW)

/* CNTHCTL_EL2 (D17.12.2): let EL1 read the physical counter and timer. */
#define CNTHCTL_EL2_EL1PCTEN   KILN_BIT(0)
#define CNTHCTL_EL2_EL1PCEN    KILN_BIT(1)
#define CNTHCTL_EL2_VALUE      (CNTHCTL_EL2_EL1PCTEN | CNTHCTL_EL2_EL1PCEN)

/* CPTR_EL2 (D17.2.31), HCR_EL2.E2H == 0 layout: RES1 bits, TFP = 0 (no FP trap). */
#define CPTR_EL2_RES1          (0x33ff)
#define CPTR_EL2_VALUE         (CPTR_EL2_RES1)

/* SCTLR_EL1 (D17.2.118) */
#define SCTLR_EL1_M            KILN_BIT(0)   /* stage 1 MMU on */
#define SCTLR_EL1_C            KILN_BIT(2)   /* data and unified caches on */
#define SCTLR_EL1_SA           KILN_BIT(3)   /* SP alignment check at EL1 */
#define SCTLR_EL1_I            KILN_BIT(12)  /* instruction cache on */
#define SCTLR_EL1_WXN          KILN_BIT(19)  /* writable implies execute-never */
#define SCTLR_EL1_RES1         ((3 << 28) | (3 << 22) | KILN_BIT(20) | KILN_BIT(11))
/* At entry: MMU, caches and alignment checks off. */
#define SCTLR_EL1_VALUE        (SCTLR_EL1_RES1)
/* Once the page tables are built: MMU and caches on, W^X enforced by hardware. */
#define SCTLR_EL1_MMU_ON       (SCTLR_EL1_RES1 | SCTLR_EL1_M | SCTLR_EL1_C | SCTLR_EL1_SA | \
				SCTLR_EL1_I | SCTLR_EL1_WXN)

/* SPSR_ELx (C5.2.18): return to EL1 using SP_EL1, with D, A, I and F masked. */
#define SPSR_MODE_EL1H         (0x5)
#define SPSR_DAIF_MASKED       (0xf << 6)
#define SPSR_EL1H_VALUE        (SPSR_DAIF_MASKED | SPSR_MODE_EL1H)

/* CPACR_EL1 (D17.2.30): FPEN = 0b11, FP/SIMD usable at EL0 and EL1. */
#define CPACR_EL1_FPEN         (0x3 << 20)

/* DAIF bits for msr daifset/daifclr (C5.2.2): the immediate's bit 1 is I. */
#define DAIF_IRQ               (0x2)

#endif /* KILN_ARM64_SYSREG_H */
