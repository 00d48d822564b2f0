/* SPDX-License-Identifier: MIT */
/*
 * Image entry for every board.
 *
 * Loaders leave us in different states: QEMU virt and ZynqMP enter at EL1,
 * the Raspberry Pi 3 firmware (and QEMU raspi3b with a raw kernel8.img) at
 * EL2, U-Boot's booti at EL2 (or EL1), and QEMU raspi3b with an ELF at
 * EL3 with all four cores running. What the arm64 boot protocol (Linux's
 * Documentation/arch/arm64/booting.rst, which booti follows) allows is
 * assumed and no more: MMU off, instruction cache on or off, the image
 * cleaned to the point of coherency, interrupts masked, x0 = the device
 * tree's address (0, or anything else, from loaders that pass none).
 * This code brings core 0 down to EL1 with the MMU and caches off in a
 * known SCTLR_EL1, FP/SIMD usable, stacks and a zeroed .bss, then calls
 * kiln_boot_main() with the counter value read at the first instruction,
 * x0 as the loader left it and the level it entered at. Other cores park.
 *
 * Two stacks: exceptions and interrupts run on SP_EL1 (their own stack),
 * everything else on SP_EL0 (the boot stack, later each thread's). A
 * thread that overflows into its guard page then still gets a crash
 * report, because the handler does not push onto the broken stack.
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
	/* What the loader passed in x0 (the device tree), kept until C in x21. */
	mov	x21, x0

	/* Park every core but core 0: the library OS is single-core for now. */
	mrs	x9, mpidr_el1
	and	x9, x9, #MPIDR_AFF0_MASK
	cbnz	x9, .L_park

	/* CurrentEL holds the level in bits 3:2; x22 keeps it for C. */
	mrs	x9, CurrentEL
	lsr	x9, x9, #2
	mov	x22, x9
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
	/*
	 * A loader that enters at EL1 leaves SCTLR_EL1 as it had it: MMU off
	 * as the boot protocol demands, but the I-cache, alignment checks or
	 * endianness are its choice. Start from the same value as the other
	 * paths (MMU and caches off, little-endian), which the MMU library
	 * later turns on with its own tables.
	 */
	ldr	x9, =SCTLR_EL1_VALUE
	msr	sctlr_el1, x9
	isb
	/* Nothing the loader's translations cached may be used with ours. */
	tlbi	vmalle1
	dsb	nsh
	isb

	/* FP/SIMD on: the C library's string and formatting code uses it. */
	mov	x9, #CPACR_EL1_FPEN
	msr	cpacr_el1, x9
	isb

	/* Take exceptions through our own table rather than wherever we were left. */
	ldr	x9, =kiln_arm64_vectors
	msr	vbar_el1, x9

	/* SP_EL1 (the current SP after the drop to EL1h): the exception stack. */
	ldr	x9, =__exception_stack_top
	mov	sp, x9
	/* From here on run on SP_EL0 (EL1t): the boot stack. */
	msr	spsel, #0
	ldr	x9, =__stack_top
	mov	sp, x9

	/*
	 * .rodata and .data are stored packed after .text but run from page
	 * boundaries (so the MMU can protect each): move them up, .data
	 * first since it moves furthest.
	 */
	ldr	x0, =__data_start
	ldr	x1, =__data_load
	ldr	x2, =__data_size
	bl	.L_move_up
	ldr	x0, =__rodata_start
	ldr	x1, =__rodata_load
	ldr	x2, =__rodata_size
	bl	.L_move_up

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
	mov	x1, x21
	mov	x2, x22
	bl	kiln_boot_main
	/* kiln_boot_main does not return; park if it ever does. */

.L_park:
	/* WFI, not WFE: QEMU's TCG halts a core in WFI but spins one in WFE. */
	msr	daifset, #0xf
	wfi
	b	.L_park

/* ---------------------------------------------------------------------- */
/* kiln_arm64_secondary_park: where other cores are sent (see park.c)      */
/* ---------------------------------------------------------------------- */
	.global	kiln_arm64_secondary_park
	.type	kiln_arm64_secondary_park, %function
kiln_arm64_secondary_park:
	b	.L_park
	.size	kiln_arm64_secondary_park, . - kiln_arm64_secondary_park

/*
 * Copy x2 bytes (a multiple of 16) from x1 up to x0 >= x1. Backwards,
 * since the two ranges may overlap. Uses x3 and x4.
 */
.L_move_up:
	cbz	x2, .L_move_done
	add	x0, x0, x2
	add	x1, x1, x2
.L_move_loop:
	ldp	x3, x4, [x1, #-16]!
	stp	x3, x4, [x0, #-16]!
	subs	x2, x2, #16
	b.ne	.L_move_loop
.L_move_done:
	ret
	.size	_start, . - _start
