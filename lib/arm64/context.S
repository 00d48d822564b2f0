/* SPDX-License-Identifier: MIT */
/*
 * Context switch (struct kiln_arm64_context in <kiln/arm64/context.h>):
 * the callee-saved state of the AAPCS64, the stack pointer and TPIDR_EL0.
 */

/* Field offsets of struct kiln_arm64_context. */
#define CTX_X19    (0)
#define CTX_FP     (80)
#define CTX_LR     (88)
#define CTX_SP     (96)
#define CTX_D8     (104)
#define CTX_FPCR   (168)
#define CTX_TPIDR  (176)

	.section .text.kiln_arm64_context_switch, "ax"
	.global	kiln_arm64_context_switch
	.type	kiln_arm64_context_switch, %function
/* ---------------------------------------------------------------------- */
/* kiln_arm64_context_switch(from = x0, to = x1)                           */
/* ---------------------------------------------------------------------- */
kiln_arm64_context_switch:
	stp	x19, x20, [x0, #CTX_X19 + 0]
	stp	x21, x22, [x0, #CTX_X19 + 16]
	stp	x23, x24, [x0, #CTX_X19 + 32]
	stp	x25, x26, [x0, #CTX_X19 + 48]
	stp	x27, x28, [x0, #CTX_X19 + 64]
	stp	x29, x30, [x0, #CTX_FP]
	mov	x9, sp
	str	x9, [x0, #CTX_SP]
	stp	d8, d9, [x0, #CTX_D8 + 0]
	stp	d10, d11, [x0, #CTX_D8 + 16]
	stp	d12, d13, [x0, #CTX_D8 + 32]
	stp	d14, d15, [x0, #CTX_D8 + 48]
	mrs	x9, fpcr
	mrs	x10, tpidr_el0
	stp	x9, x10, [x0, #CTX_FPCR]

	ldp	x19, x20, [x1, #CTX_X19 + 0]
	ldp	x21, x22, [x1, #CTX_X19 + 16]
	ldp	x23, x24, [x1, #CTX_X19 + 32]
	ldp	x25, x26, [x1, #CTX_X19 + 48]
	ldp	x27, x28, [x1, #CTX_X19 + 64]
	ldp	x29, x30, [x1, #CTX_FP]
	ldr	x9, [x1, #CTX_SP]
	mov	sp, x9
	ldp	d8, d9, [x1, #CTX_D8 + 0]
	ldp	d10, d11, [x1, #CTX_D8 + 16]
	ldp	d12, d13, [x1, #CTX_D8 + 32]
	ldp	d14, d15, [x1, #CTX_D8 + 48]
	ldp	x9, x10, [x1, #CTX_FPCR]
	msr	fpcr, x9
	msr	tpidr_el0, x10
	ret
	.size	kiln_arm64_context_switch, . - kiln_arm64_context_switch

	.section .text.kiln_arm64_thread_start, "ax"
	.global	kiln_arm64_thread_start
	.type	kiln_arm64_thread_start, %function
/* ---------------------------------------------------------------------- */
/* kiln_arm64_thread_start: first code of a new thread.                    */
/* x19 = entry, x20 = its argument, x21 = what to call if entry returns.   */
/* ---------------------------------------------------------------------- */
kiln_arm64_thread_start:
	mov	x29, xzr                 /* end of the frame chain for debuggers */
	mov	x0, x20
	blr	x19
	blr	x21
.L_thread_start_hang:
	/* x21 must not return. */
	wfe
	b	.L_thread_start_hang
	.size	kiln_arm64_thread_start, . - kiln_arm64_thread_start
