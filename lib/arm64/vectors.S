/* SPDX-License-Identifier: MIT */
/*
 * EL1 exception vector table.
 *
 * Sixteen 128-byte slots, 2 KiB aligned (Arm ARM D1.10.2). Every slot saves
 * the slot number and calls kiln_arm64_exception(), which reports the
 * exception and ends the image with a failure status instead of hanging.
 */

	.section .text.vectors, "ax"
	.balign	2048
	.global	kiln_arm64_vectors
	.type	kiln_arm64_vectors, %function
kiln_arm64_vectors:
	.set	.L_slot, 0
	.rept	16
	.balign	128
	mov	x0, #.L_slot
	b	.L_report
	.set	.L_slot, .L_slot + 1
	.endr

.L_report:
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	bl	kiln_arm64_exception
.L_hang:
	wfe
	b	.L_hang
	.size	kiln_arm64_vectors, . - kiln_arm64_vectors
