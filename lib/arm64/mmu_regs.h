/* SPDX-License-Identifier: MIT */
/*
 * Translation registers and descriptor fields for the stage 1 EL1&0
 * regime with a 4 KiB granule. Private to the arm64 MMU code.
 *
 * References: Arm ARM (DDI 0487) D17.2.131 TCR_EL1, D17.2.97 MAIR_EL1,
 * D17.2.80 ID_AA64MMFR0_EL1, and D8.3 "Translation table descriptor
 * formats" (VMSAv8-64 block, page and table descriptors).
 */
#ifndef KILN_ARM64_MMU_REGS_H
#define KILN_ARM64_MMU_REGS_H

/* Virtual address space: 39 bits, so the walk starts at level 1 (D8.2.6). */
#define MMU_VA_BITS          (39)
#define MMU_VA_LIMIT         (1ull << MMU_VA_BITS)      /* first address the identity map cannot reach */
#define MMU_ENTRIES          (512)                      /* 8-byte entries in a 4 KiB table */
#define MMU_LEVEL_SHIFT(l)   (39 - 9 * (l))             /* level 1: 30, level 2: 21, level 3: 12 */
#define MMU_FIRST_LEVEL      (1)
#define MMU_LAST_LEVEL       (3)

/* TCR_EL1 fields. */
#define TCR_T0SZ(bits)       (64ull - (bits))           /* bits 5:0: size of the TTBR0 region */
#define TCR_IRGN0_WBWA       (1ull << 8)                /* walks: inner write-back, write-allocate */
#define TCR_ORGN0_WBWA       (1ull << 10)               /* walks: outer write-back, write-allocate */
#define TCR_SH0_INNER        (3ull << 12)               /* walks: inner shareable */
#define TCR_TG0_4K           (0ull << 14)               /* TTBR0 granule 4 KiB */
#define TCR_EPD1             (1ull << 23)               /* no walks through TTBR1 */
#define TCR_TG1_4K           (2ull << 30)               /* TTBR1 granule 4 KiB (encoding differs from TG0) */
#define TCR_IPS_SHIFT        (32)                       /* bits 34:32: physical address size */
#define TCR_IPS_MAX          (5ull)                     /* 48 bits: the largest this layout handles */

/* ID_AA64MMFR0_EL1.PARange, bits 3:0: the core's physical address size, in TCR.IPS encoding. */
#define ID_MMFR0_PARANGE_MASK (0xfull)

/* MAIR_EL1: one byte per memory type, selected by a descriptor's AttrIndx. */
#define MAIR_DEVICE_nGnRnE   (0x00ull)                  /* strongly ordered MMIO */
#define MAIR_NORMAL_WB       (0xffull)                  /* inner and outer write-back, read/write allocate */
#define MAIR_NORMAL_NC       (0x44ull)                  /* inner and outer non-cacheable */
#define MAIR_IDX_DEVICE      (0)
#define MAIR_IDX_NORMAL      (1)
#define MAIR_IDX_NORMAL_NC   (2)
#define MAIR_VALUE           ((MAIR_DEVICE_nGnRnE << (8 * MAIR_IDX_DEVICE)) |   \
			      (MAIR_NORMAL_WB << (8 * MAIR_IDX_NORMAL)) |       \
			      (MAIR_NORMAL_NC << (8 * MAIR_IDX_NORMAL_NC)))

/* Descriptor type, bits 1:0. */
#define PTE_VALID            (1ull << 0)
#define PTE_TYPE_MASK        (3ull)
#define PTE_TYPE_BLOCK       (1ull)                     /* level 1 or 2: maps a whole 1 GiB or 2 MiB */
#define PTE_TYPE_TABLE       (3ull)                     /* level 1 or 2: points at the next table */
#define PTE_TYPE_PAGE        (3ull)                     /* level 3: maps 4 KiB */

/* Block and page attributes. */
#define PTE_ATTRIDX(i)       ((unsigned long long)(i) << 2)  /* bits 4:2: MAIR index */
#define PTE_AP_RO            (1ull << 7)                /* AP[2]: read-only */
#define PTE_SH_INNER         (3ull << 8)                /* inner shareable */
#define PTE_AF               (1ull << 10)               /* access flag: set, or the first access faults */
#define PTE_PXN              (1ull << 53)               /* never executable at EL1 */
#define PTE_UXN              (1ull << 54)               /* never executable at EL0 */
#define PTE_ADDR_MASK        (0x0000fffffffff000ull)    /* output address / next table, bits 47:12 */
#define PTE_ATTR_MASK        (0xfff0000000000ffcull)    /* upper (63:52) and lower (11:2) attributes */

#endif /* KILN_ARM64_MMU_REGS_H */
