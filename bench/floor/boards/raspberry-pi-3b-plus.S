// SPDX-License-Identifier: MIT
//
// Console of the Raspberry Pi 3 B+ (QEMU -M raspi3b) for the floor image:
// the PL011 (UART0) at 0x3F201000, the first -serial. The firmware (or
// QEMU) leaves it usable, so initialisation is empty.

	.equ	UART_BASE, 0x3F201000	// PL011 UART0 (BCM2837 peripherals at 0x3F000000)
	.equ	UART_DR, 0x00		// data register: write a byte to send it
	.equ	UART_FR, 0x18		// flag register
	.equ	UART_FR_TXFF, (1 << 5)	// transmit FIFO full

	.text

// ---------------------------------------------------------------------------
// floor_console_init: nothing to do on the Pi's PL011 under QEMU.
// ---------------------------------------------------------------------------
	.globl	floor_console_init
	.type	floor_console_init, %function
floor_console_init:
	ret
	.size	floor_console_init, . - floor_console_init

// ---------------------------------------------------------------------------
// floor_console_putc: sends the byte in w0. Clobbers x1, x2.
// ---------------------------------------------------------------------------
	.globl	floor_console_putc
	.type	floor_console_putc, %function
floor_console_putc:
	ldr	x1, =UART_BASE
.L_wait:
	ldr	w2, [x1, #UART_FR]
	tst	w2, #UART_FR_TXFF
	b.ne	.L_wait
	strb	w0, [x1, #UART_DR]
	ret
	.size	floor_console_putc, . - floor_console_putc
