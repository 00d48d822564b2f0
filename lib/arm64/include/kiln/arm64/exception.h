/* SPDX-License-Identifier: MIT */
/*
 * Exceptions on arm64: the register frame the vectors save, and the hooks
 * other libraries attach to them (the interrupt API takes IRQs, the
 * scheduler explains faults in its thread stacks' guard pages).
 *
 * Usable from assembly for the frame offsets.
 */
#ifndef KILN_ARM64_EXCEPTION_H
#define KILN_ARM64_EXCEPTION_H

/* Frame saved for synchronous exceptions and SErrors (struct kiln_arm64_frame). */
#define KILN_FRAME_X0          (0)     /* x0..x30, 8 bytes each */
#define KILN_FRAME_SP_EL0      (248)
#define KILN_FRAME_SP_EL1      (256)
#define KILN_FRAME_ELR         (264)
#define KILN_FRAME_SPSR        (272)
#define KILN_FRAME_ESR         (280)
#define KILN_FRAME_FAR         (288)
#define KILN_FRAME_SLOT        (296)
#define KILN_FRAME_SIZE        (304)   /* a multiple of 16: SP stays aligned */

/* Interrupt frame: the same general part, FPCR and FPSR, then every FP/SIMD register. */
#define KILN_IRQ_FRAME_FPCR    (KILN_FRAME_SIZE)
#define KILN_IRQ_FRAME_FPSR    (KILN_IRQ_FRAME_FPCR + 8)
#define KILN_IRQ_FRAME_Q0      (KILN_IRQ_FRAME_FPSR + 8)
#define KILN_IRQ_FRAME_SIZE    (KILN_IRQ_FRAME_Q0 + 32 * 16)

#ifndef __ASSEMBLER__
#include <stdint.h>

/**
 * struct kiln_arm64_frame - registers at the moment of an exception.
 * @x:      x0 to x30
 * @sp_el0: the stack pointer threads run on
 * @sp_el1: the exception stack pointer before this frame was pushed
 * @elr:    where the exception was taken (the faulting instruction)
 * @spsr:   the interrupted PSTATE; its mode says which SP was in use
 * @esr:    syndrome (ESR_EL1)
 * @far:    fault address (FAR_EL1), meaningful for aborts
 * @slot:   vector table slot (0-15) the exception came through
 */
struct kiln_arm64_frame {
	uint64_t x[31];
	uint64_t sp_el0;
	uint64_t sp_el1;
	uint64_t elr;
	uint64_t spsr;
	uint64_t esr;
	uint64_t far;
	uint64_t slot;
};

/**
 * kiln_arm64_set_irq_handler() - who takes IRQs (and FIQs).
 * @handler: called on the exception stack with interrupts masked; every
 *           register the interrupted code had is restored afterwards
 *
 * Without a handler an interrupt is reported as a crash.
 */
void kiln_arm64_set_irq_handler(void (*handler)(void));

/**
 * kiln_arm64_set_fault_describer() - explain fault addresses in crash reports.
 * @describe: returns a phrase for an address it knows (e.g. "the guard page
 *            below thread ping's stack"), or NULL
 */
void kiln_arm64_set_fault_describer(const char *(*describe)(uintptr_t address));

/**
 * kiln_arm64_crash() - report a fatal error and end the image.
 * @what: one line saying what went wrong
 *
 * Prints "kiln: crash: <what>" and exits with the crash status. For
 * errors found by software (corrupted heap, deadlock), not by the CPU.
 */
void kiln_arm64_crash(const char *what) __attribute__((noreturn));

#endif /* __ASSEMBLER__ */
#endif /* KILN_ARM64_EXCEPTION_H */
