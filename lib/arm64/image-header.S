/* SPDX-License-Identifier: MIT */
/*
 * arm64 "Image" header (Linux Documentation/arch/arm64/booting.rst, the
 * documented boot protocol U-Boot's booti follows): 64 bytes at the start
 * of the raw image. The loader jumps to its first word, which branches to
 * _start.
 */

	.section .text.head, "ax"
	.global	kiln_image_head
	.type	kiln_image_head, %function
kiln_image_head:
	b	_start                  /* code0: executable branch to the entry */
	.long	0                       /* code1 */
	.quad	0x80000                 /* text_offset from a 2 MiB aligned base */
	.quad	__image_end - kiln_image_head  /* image_size, .bss included */
	.quad	0                       /* flags: little-endian, 2 MiB aligned base near DRAM start */
	.quad	0                       /* res2 */
	.quad	0                       /* res3 */
	.quad	0                       /* res4 */
	.ascii	"ARM\x64"               /* magic */
	.long	0                       /* res5: no PE/COFF header */
	.size	kiln_image_head, . - kiln_image_head
