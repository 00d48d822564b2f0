/* SPDX-License-Identifier: MIT */
/*
 * EL1 exception vector table.
 *
 * Sixteen 128-byte slots, 2 KiB aligned (Arm ARM D1.10.2 "Exception
 * vectors"): four kinds (synchronous, IRQ, FIQ, SError) for each of
 * current EL with SP_EL0, current EL with SP_EL1, lower EL AArch64 and
 * lower EL AArch32. Threads run with SP_EL0, so their exceptions come
 * through slots 0-3 and the handlers run on SP_EL1, the exception stack.
 *
 * IRQs (and FIQs, which a GIC may signal for group 0 interrupts) save
 * every general and FP/SIMD register, call the registered handler and
 * return. Everything else saves the general registers and the syndrome
 * and calls kiln_arm64_fault(), which prints the crash report and ends the
 * image with a failure status.
 */
#include <kiln/arm64/exception.h>

/* One slot: make room for the frame, free x0, record the slot, branch. */
	.macro	VECTOR kind, slot, size
	.balign	128
	sub	sp, sp, #\size
	stp	x0, x1, [sp, #KILN_FRAME_X0]
	mov	x0, #\slot
	b	.L_\kind
	.endm

/* Saves x2-x30 into the frame at sp (x0 and x1 are already there). */
	.macro	SAVE_X2_X30
	stp	x2, x3, [sp, #KILN_FRAME_X0 + 16]
	stp	x4, x5, [sp, #KILN_FRAME_X0 + 32]
	stp	x6, x7, [sp, #KILN_FRAME_X0 + 48]
	stp	x8, x9, [sp, #KILN_FRAME_X0 + 64]
	stp	x10, x11, [sp, #KILN_FRAME_X0 + 80]
	stp	x12, x13, [sp, #KILN_FRAME_X0 + 96]
	stp	x14, x15, [sp, #KILN_FRAME_X0 + 112]
	stp	x16, x17, [sp, #KILN_FRAME_X0 + 128]
	stp	x18, x19, [sp, #KILN_FRAME_X0 + 144]
	stp	x20, x21, [sp, #KILN_FRAME_X0 + 160]
	stp	x22, x23, [sp, #KILN_FRAME_X0 + 176]
	stp	x24, x25, [sp, #KILN_FRAME_X0 + 192]
	stp	x26, x27, [sp, #KILN_FRAME_X0 + 208]
	stp	x28, x29, [sp, #KILN_FRAME_X0 + 224]
	str	x30, [sp, #KILN_FRAME_X0 + 240]
	.endm

	.section .vectors, "ax"
	.balign	2048
	.global	kiln_arm64_vectors
	.type	kiln_arm64_vectors, %function
kiln_arm64_vectors:
	/* Current EL with SP_EL0: threads. */
	VECTOR	fault, 0, KILN_FRAME_SIZE
	VECTOR	irq, 1, KILN_IRQ_FRAME_SIZE
	VECTOR	irq, 2, KILN_IRQ_FRAME_SIZE
	VECTOR	fault, 3, KILN_FRAME_SIZE
	/* Current EL with SP_EL1: handlers themselves. */
	VECTOR	fault, 4, KILN_FRAME_SIZE
	VECTOR	irq, 5, KILN_IRQ_FRAME_SIZE
	VECTOR	irq, 6, KILN_IRQ_FRAME_SIZE
	VECTOR	fault, 7, KILN_FRAME_SIZE
	/* Lower ELs: nothing runs there, so any of these is a fault. */
	VECTOR	fault, 8, KILN_FRAME_SIZE
	VECTOR	fault, 9, KILN_FRAME_SIZE
	VECTOR	fault, 10, KILN_FRAME_SIZE
	VECTOR	fault, 11, KILN_FRAME_SIZE
	VECTOR	fault, 12, KILN_FRAME_SIZE
	VECTOR	fault, 13, KILN_FRAME_SIZE
	VECTOR	fault, 14, KILN_FRAME_SIZE
	VECTOR	fault, 15, KILN_FRAME_SIZE
	.size	kiln_arm64_vectors, . - kiln_arm64_vectors

	/* The handlers live with the rest of the code: the table holds only the slots. */
	.section .text.kiln_arm64_handlers, "ax"
	.type	kiln_arm64_handlers, %function
kiln_arm64_handlers:

/* ---------------------------------------------------------------------- */
/* Faults: save everything the crash report shows, then report and exit.   */
/* ---------------------------------------------------------------------- */
.L_fault:
	SAVE_X2_X30
	mrs	x1, sp_el0
	str	x1, [sp, #KILN_FRAME_SP_EL0]
	add	x1, sp, #KILN_FRAME_SIZE
	str	x1, [sp, #KILN_FRAME_SP_EL1]
	mrs	x1, elr_el1
	mrs	x2, spsr_el1
	stp	x1, x2, [sp, #KILN_FRAME_ELR]
	mrs	x1, esr_el1
	mrs	x2, far_el1
	stp	x1, x2, [sp, #KILN_FRAME_ESR]
	str	x0, [sp, #KILN_FRAME_SLOT]
	mov	x0, sp
	bl	kiln_arm64_fault
.L_hang:
	/* kiln_arm64_fault does not return. */
	wfe
	b	.L_hang

/* ---------------------------------------------------------------------- */
/* Interrupts: save all state the interrupted code owns, handle, return.   */
/* ---------------------------------------------------------------------- */
.L_irq:
	SAVE_X2_X30
	mrs	x1, elr_el1
	mrs	x2, spsr_el1
	stp	x1, x2, [sp, #KILN_FRAME_ELR]
	str	x0, [sp, #KILN_FRAME_SLOT]
	/* The handler is C and may use any FP/SIMD register: save all 128 bits of each. */
	stp	q0, q1, [sp, #KILN_IRQ_FRAME_Q0 + 0]
	stp	q2, q3, [sp, #KILN_IRQ_FRAME_Q0 + 32]
	stp	q4, q5, [sp, #KILN_IRQ_FRAME_Q0 + 64]
	stp	q6, q7, [sp, #KILN_IRQ_FRAME_Q0 + 96]
	stp	q8, q9, [sp, #KILN_IRQ_FRAME_Q0 + 128]
	stp	q10, q11, [sp, #KILN_IRQ_FRAME_Q0 + 160]
	stp	q12, q13, [sp, #KILN_IRQ_FRAME_Q0 + 192]
	stp	q14, q15, [sp, #KILN_IRQ_FRAME_Q0 + 224]
	stp	q16, q17, [sp, #KILN_IRQ_FRAME_Q0 + 256]
	stp	q18, q19, [sp, #KILN_IRQ_FRAME_Q0 + 288]
	stp	q20, q21, [sp, #KILN_IRQ_FRAME_Q0 + 320]
	stp	q22, q23, [sp, #KILN_IRQ_FRAME_Q0 + 352]
	stp	q24, q25, [sp, #KILN_IRQ_FRAME_Q0 + 384]
	stp	q26, q27, [sp, #KILN_IRQ_FRAME_Q0 + 416]
	stp	q28, q29, [sp, #KILN_IRQ_FRAME_Q0 + 448]
	stp	q30, q31, [sp, #KILN_IRQ_FRAME_Q0 + 480]
	mrs	x1, fpcr
	mrs	x2, fpsr
	stp	x1, x2, [sp, #KILN_IRQ_FRAME_FPCR]

	mov	x0, sp
	bl	kiln_arm64_irq

	ldp	x1, x2, [sp, #KILN_IRQ_FRAME_FPCR]
	msr	fpcr, x1
	msr	fpsr, x2
	ldp	q0, q1, [sp, #KILN_IRQ_FRAME_Q0 + 0]
	ldp	q2, q3, [sp, #KILN_IRQ_FRAME_Q0 + 32]
	ldp	q4, q5, [sp, #KILN_IRQ_FRAME_Q0 + 64]
	ldp	q6, q7, [sp, #KILN_IRQ_FRAME_Q0 + 96]
	ldp	q8, q9, [sp, #KILN_IRQ_FRAME_Q0 + 128]
	ldp	q10, q11, [sp, #KILN_IRQ_FRAME_Q0 + 160]
	ldp	q12, q13, [sp, #KILN_IRQ_FRAME_Q0 + 192]
	ldp	q14, q15, [sp, #KILN_IRQ_FRAME_Q0 + 224]
	ldp	q16, q17, [sp, #KILN_IRQ_FRAME_Q0 + 256]
	ldp	q18, q19, [sp, #KILN_IRQ_FRAME_Q0 + 288]
	ldp	q20, q21, [sp, #KILN_IRQ_FRAME_Q0 + 320]
	ldp	q22, q23, [sp, #KILN_IRQ_FRAME_Q0 + 352]
	ldp	q24, q25, [sp, #KILN_IRQ_FRAME_Q0 + 384]
	ldp	q26, q27, [sp, #KILN_IRQ_FRAME_Q0 + 416]
	ldp	q28, q29, [sp, #KILN_IRQ_FRAME_Q0 + 448]
	ldp	q30, q31, [sp, #KILN_IRQ_FRAME_Q0 + 480]
	ldp	x1, x2, [sp, #KILN_FRAME_ELR]
	msr	elr_el1, x1
	msr	spsr_el1, x2
	ldp	x0, x1, [sp, #KILN_FRAME_X0]
	ldp	x2, x3, [sp, #KILN_FRAME_X0 + 16]
	ldp	x4, x5, [sp, #KILN_FRAME_X0 + 32]
	ldp	x6, x7, [sp, #KILN_FRAME_X0 + 48]
	ldp	x8, x9, [sp, #KILN_FRAME_X0 + 64]
	ldp	x10, x11, [sp, #KILN_FRAME_X0 + 80]
	ldp	x12, x13, [sp, #KILN_FRAME_X0 + 96]
	ldp	x14, x15, [sp, #KILN_FRAME_X0 + 112]
	ldp	x16, x17, [sp, #KILN_FRAME_X0 + 128]
	ldp	x18, x19, [sp, #KILN_FRAME_X0 + 144]
	ldp	x20, x21, [sp, #KILN_FRAME_X0 + 160]
	ldp	x22, x23, [sp, #KILN_FRAME_X0 + 176]
	ldp	x24, x25, [sp, #KILN_FRAME_X0 + 192]
	ldp	x26, x27, [sp, #KILN_FRAME_X0 + 208]
	ldp	x28, x29, [sp, #KILN_FRAME_X0 + 224]
	ldr	x30, [sp, #KILN_FRAME_X0 + 240]
	add	sp, sp, #KILN_IRQ_FRAME_SIZE
	eret
	.size	kiln_arm64_handlers, . - kiln_arm64_handlers
