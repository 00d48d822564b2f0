/* SPDX-License-Identifier: MIT */
/*
 * Image entry for every board.
 *
 * Loaders leave us in different states: QEMU virt and ZynqMP enter at EL1,
 * the Raspberry Pi 3 firmware (and QEMU raspi3b with a raw kernel8.img) at
 * EL2, and QEMU raspi3b with an ELF at EL3 with all four cores running.
 * This code brings core 0 down to EL1 with FP/SIMD usable, a stack and a
 * zeroed .bss, then calls kiln_boot_main() with the counter value read at
 * the first instruction. Other cores park.
 */
#include <kiln/arm64/sysreg.h>

	.section .text.boot, "ax"

/* ---------------------------------------------------------------------- */
/* _start: first instruction of the image                                  */
/* ---------------------------------------------------------------------- */
	.global	_start
	.type	_start, %function
_start:
	/* The boot timeline starts here: x20 keeps the counter until C. */
	mrs	x20, cntpct_el0

	/* Park every core but core 0: the library OS is single-core for now. */
	mrs	x9, mpidr_el1
	and	x9, x9, #MPIDR_AFF0_MASK
	cbnz	x9, .L_park

	/* CurrentEL holds the level in bits 3:2. */
	mrs	x9, CurrentEL
	lsr	x9, x9, #2
	cmp	x9, #3
	b.eq	.L_from_el3
	cmp	x9, #2
	b.eq	.L_from_el2
	b	.L_at_el1

.L_from_el3:
	/* EL2 and EL1 are Non-secure and AArch64; FP/SIMD is not trapped. */
	ldr	x9, =SCR_EL3_VALUE
	msr	scr_el3, x9
	msr	cptr_el3, xzr
	/* EL1's execution state is HCR_EL2.RW even when we skip EL2. */
	ldr	x9, =HCR_EL2_VALUE
	msr	hcr_el2, x9
	mov	x9, #CNTHCTL_EL2_VALUE
	msr	cnthctl_el2, x9
	msr	cntvoff_el2, xzr
	ldr	x9, =SCTLR_EL1_VALUE
	msr	sctlr_el1, x9
	ldr	x9, =SPSR_EL1H_VALUE
	msr	spsr_el3, x9
	adr	x9, .L_at_el1
	msr	elr_el3, x9
	eret

.L_from_el2:
	ldr	x9, =HCR_EL2_VALUE
	msr	hcr_el2, x9
	/* Give EL1 the physical counter and timer, with no virtual offset. */
	mov	x9, #CNTHCTL_EL2_VALUE
	msr	cnthctl_el2, x9
	msr	cntvoff_el2, xzr
	ldr	x9, =CPTR_EL2_VALUE
	msr	cptr_el2, x9
	ldr	x9, =SCTLR_EL1_VALUE
	msr	sctlr_el1, x9
	ldr	x9, =SPSR_EL1H_VALUE
	msr	spsr_el2, x9
	adr	x9, .L_at_el1
	msr	elr_el2, x9
	eret

.L_at_el1:
	/* FP/SIMD on: the C library's string and formatting code uses it. */
	mov	x9, #CPACR_EL1_FPEN
	msr	cpacr_el1, x9
	isb

	/* Take exceptions through our own table rather than wherever we were left. */
	ldr	x9, =kiln_arm64_vectors
	msr	vbar_el1, x9

	ldr	x9, =__stack_top
	mov	sp, x9

	/* Zero .bss; the linker script aligns both ends to 16 bytes. */
	ldr	x9, =__bss_start
	ldr	x10, =__bss_end
.L_zero_bss:
	cmp	x9, x10
	b.hs	.L_bss_done
	stp	xzr, xzr, [x9], #16
	b	.L_zero_bss
.L_bss_done:

	mov	x0, x20
	bl	kiln_boot_main
	/* kiln_boot_main does not return; park if it ever does. */

.L_park:
	wfe
	b	.L_park
	.size	_start, . - _start
