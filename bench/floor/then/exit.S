// SPDX-License-Identifier: MIT
//
// Floor ending "exit": stops QEMU through semihosting with status 0, the
// way a Kiln image built for QEMU ends. Needs QEMU's -semihosting flag.

	.equ	SYS_EXIT, 0x18				// semihosting operation number
	.equ	ADP_STOPPED_APPLICATION_EXIT, 0x20026	// reason: the program exited

	.text

// ---------------------------------------------------------------------------
// floor_then: SYS_EXIT(ApplicationExit, 0). On AArch64 x1 points at a
// two-doubleword block {reason, status} (Arm semihosting spec, SYS_EXIT).
// ---------------------------------------------------------------------------
	.globl	floor_then
	.type	floor_then, %function
floor_then:
	mov	w0, #SYS_EXIT
	adr	x1, .L_exit_block
	hlt	#0xf000			// the A64 semihosting trap
.L_hang:
	// Not reached once QEMU has taken the exit; never run past the image.
	b	.L_hang
	.size	floor_then, . - floor_then

	.section .rodata
	.balign	8
.L_exit_block:
	.quad	ADP_STOPPED_APPLICATION_EXIT
	.quad	0			// exit status
