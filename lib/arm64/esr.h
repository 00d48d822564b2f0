/* SPDX-License-Identifier: MIT */
/*
 * ESR_EL1 fields and codes the crash report decodes (Arm ARM D17.2.37
 * "ESR_EL1, Exception Syndrome Register (EL1)", and its ISS encodings for
 * instruction and data aborts). Private to the arm64 library.
 */
#ifndef KILN_ARM64_ESR_H
#define KILN_ARM64_ESR_H

#define ESR_EC_SHIFT            (26)          /* exception class, bits 31:26 */
#define ESR_EC_MASK             (0x3f)
#define ESR_IL                  (1u << 25)    /* 32-bit instruction */
#define ESR_ISS_MASK            (0x1ffffff)   /* instruction-specific syndrome, bits 24:0 */

/* Exception classes (ESR_EL1.EC). */
#define EC_UNKNOWN              (0x00)        /* unknown reason (e.g. undefined instruction) */
#define EC_WFX                  (0x01)        /* trapped WFI or WFE */
#define EC_FP_ACCESS            (0x07)        /* trapped FP/SIMD access */
#define EC_ILLEGAL_STATE        (0x0e)        /* illegal execution state */
#define EC_SVC64                (0x15)        /* SVC in AArch64 */
#define EC_HVC64                (0x16)        /* HVC in AArch64 */
#define EC_SMC64                (0x17)        /* SMC in AArch64 */
#define EC_SYSREG               (0x18)        /* trapped MSR, MRS or system instruction */
#define EC_IABT_LOWER           (0x20)        /* instruction abort from a lower EL */
#define EC_IABT_CUR             (0x21)        /* instruction abort at the current EL */
#define EC_PC_ALIGN             (0x22)        /* PC alignment fault */
#define EC_DABT_LOWER           (0x24)        /* data abort from a lower EL */
#define EC_DABT_CUR             (0x25)        /* data abort at the current EL */
#define EC_SP_ALIGN             (0x26)        /* SP alignment fault */
#define EC_FP_EXC64             (0x2c)        /* trapped floating-point exception */
#define EC_SERROR               (0x2f)        /* SError interrupt */
#define EC_BREAKPOINT_LOWER     (0x30)        /* hardware breakpoint, lower EL */
#define EC_BREAKPOINT_CUR       (0x31)        /* hardware breakpoint, current EL */
#define EC_STEP_LOWER           (0x32)        /* software step, lower EL */
#define EC_STEP_CUR             (0x33)        /* software step, current EL */
#define EC_WATCHPOINT_LOWER     (0x34)        /* watchpoint, lower EL */
#define EC_WATCHPOINT_CUR       (0x35)        /* watchpoint, current EL */
#define EC_BRK64                (0x3c)        /* BRK instruction in AArch64 */

/* ISS of instruction and data aborts. */
#define ISS_ABT_FSC_MASK        (0x3f)        /* fault status code, bits 5:0 */
#define ISS_ABT_FSC_TYPE(fsc)   ((fsc) >> 2)  /* fault kind for the level-encoded codes */
#define ISS_ABT_FSC_LEVEL(fsc)  ((fsc) & 3)   /* translation table level for those codes */
#define ISS_DABT_WNR            (1u << 6)     /* the access was a write */
#define ISS_ABT_S1PTW           (1u << 7)     /* fault on a stage 2 walk for stage 1 */
#define ISS_DABT_CM             (1u << 8)     /* fault from a cache maintenance instruction */
#define ISS_ABT_EA              (1u << 9)     /* external abort type */
#define ISS_ABT_FNV             (1u << 10)    /* FAR is not valid */

/* Fault status codes (ISS.DFSC / ISS.IFSC). Level-encoded kinds are code >> 2. */
#define FSC_TYPE_ADDR_SIZE      (0x0)         /* 0b0000LL address size fault */
#define FSC_TYPE_TRANSLATION    (0x1)         /* 0b0001LL translation fault */
#define FSC_TYPE_ACCESS_FLAG    (0x2)         /* 0b0010LL access flag fault */
#define FSC_TYPE_PERMISSION     (0x3)         /* 0b0011LL permission fault */
#define FSC_SYNC_EXTERNAL       (0x10)        /* synchronous external abort */
#define FSC_TYPE_EXTERNAL_WALK  (0x5)         /* 0b0101LL external abort on a table walk */
#define FSC_ALIGNMENT           (0x21)        /* alignment fault */
#define FSC_TLB_CONFLICT        (0x30)        /* TLB conflict abort */

/* SPSR_EL1.M[3:0]: the interrupted exception level and stack pointer (C5.2.18). */
#define SPSR_M_MASK             (0xf)
#define SPSR_M_EL1T             (0x4)         /* EL1 on SP_EL0 */
#define SPSR_M_EL1H             (0x5)         /* EL1 on SP_EL1 */

#endif /* KILN_ARM64_ESR_H */
