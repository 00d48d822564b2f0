/* SPDX-License-Identifier: MIT */
/*
 * Cache maintenance by virtual address range (Arm ARM D7.5). The line
 * size comes from CTR_EL0.DminLine (D17.2.34), log2 of the number of
 * 4-byte words in the smallest data cache line.
 */

/* Loop \op over every data cache line of [x0, x1). */
	.macro	DCACHE_RANGE op
	mrs	x3, ctr_el0
	ubfx	x3, x3, #16, #4          /* DminLine */
	mov	x2, #4
	lsl	x2, x2, x3               /* line size in bytes */
	sub	x3, x2, #1
	bic	x0, x0, x3               /* first line */
.L_\op\()_loop:
	cmp	x0, x1
	b.hs	.L_\op\()_done
	dc	\op, x0
	add	x0, x0, x2
	b	.L_\op\()_loop
.L_\op\()_done:
	dsb	sy
	ret
	.endm

	.section .text.kiln_dcache_clean_range, "ax"
	.global	kiln_dcache_clean_range
	.type	kiln_dcache_clean_range, %function
/* ---------------------------------------------------------------------- */
/* kiln_dcache_clean_range(start, end)                                     */
/* ---------------------------------------------------------------------- */
kiln_dcache_clean_range:
	DCACHE_RANGE cvac
	.size	kiln_dcache_clean_range, . - kiln_dcache_clean_range

	.section .text.kiln_dcache_inval_range, "ax"
	.global	kiln_dcache_inval_range
	.type	kiln_dcache_inval_range, %function
/* ---------------------------------------------------------------------- */
/* kiln_dcache_inval_range(start, end)                                     */
/* ---------------------------------------------------------------------- */
kiln_dcache_inval_range:
	DCACHE_RANGE ivac
	.size	kiln_dcache_inval_range, . - kiln_dcache_inval_range

	.section .text.kiln_dcache_clean_inval_range, "ax"
	.global	kiln_dcache_clean_inval_range
	.type	kiln_dcache_clean_inval_range, %function
/* ---------------------------------------------------------------------- */
/* kiln_dcache_clean_inval_range(start, end)                               */
/* ---------------------------------------------------------------------- */
kiln_dcache_clean_inval_range:
	DCACHE_RANGE civac
	.size	kiln_dcache_clean_inval_range, . - kiln_dcache_clean_inval_range

	.section .text.kiln_icache_inval_all, "ax"
	.global	kiln_icache_inval_all
	.type	kiln_icache_inval_all, %function
/* ---------------------------------------------------------------------- */
/* kiln_icache_inval_all()                                                 */
/* ---------------------------------------------------------------------- */
kiln_icache_inval_all:
	ic	iallu
	dsb	nsh
	isb
	ret
	.size	kiln_icache_inval_all, . - kiln_icache_inval_all
