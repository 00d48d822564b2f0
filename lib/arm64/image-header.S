/* SPDX-License-Identifier: MIT */
/*
 * arm64 "Image" header (Linux Documentation/arch/arm64/booting.rst, the
 * documented boot protocol U-Boot's booti and the Raspberry Pi firmware
 * follow): 64 bytes at the start of the raw image. The loader jumps to its
 * first word, which branches to _start. The image is linked at one
 * address: the board's load address must be its 2 MiB aligned RAM base
 * plus text_offset (0x80000 on every board Kiln has), which the flags ask
 * a loader to pick near the start of RAM (bit 3 clear).
 */

	.section .text.head, "ax"
	.global	kiln_image_head
	.type	kiln_image_head, %function
kiln_image_head:
	b	_start                  /* code0: executable branch to the entry */
	.long	0                       /* code1 */
	.quad	0x80000                 /* text_offset from a 2 MiB aligned base */
	.quad	__image_end - kiln_image_head  /* image_size, .bss included */
	.quad	0x2                     /* flags: little-endian, 4 KiB pages, 2 MiB aligned base near DRAM start */
	.quad	0                       /* res2 */
	.quad	0                       /* res3 */
	.quad	0                       /* res4 */
	.ascii	"ARM\x64"               /* magic */
	.long	0                       /* res5: no PE/COFF header */
	.size	kiln_image_head, . - kiln_image_head
