// SPDX-License-Identifier: MIT
//
// Console of QEMU's virt machine for the floor image: the PL011 at
// 0x09000000, the first -serial. QEMU's PL011 transmits without any
// set-up, so initialisation is empty.

	.equ	UART_BASE, 0x09000000	// PL011 UART0 (QEMU virt memory map)
	.equ	UART_DR, 0x00		// data register: write a byte to send it
	.equ	UART_FR, 0x18		// flag register
	.equ	UART_FR_TXFF, (1 << 5)	// transmit FIFO full

	.text

// ---------------------------------------------------------------------------
// floor_console_init: nothing to do on a PL011 under QEMU.
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
	// Wait for room in the FIFO, as real hardware requires.
	ldr	w2, [x1, #UART_FR]
	tst	w2, #UART_FR_TXFF
	b.ne	.L_wait
	strb	w0, [x1, #UART_DR]
	ret
	.size	floor_console_putc, . - floor_console_putc

// ---------------------------------------------------------------------------
// floor_park_secondaries: nothing to do: virt starts only core 0 (the
// others wait for PSCI CPU_ON).
// ---------------------------------------------------------------------------
	.globl	floor_park_secondaries
	.type	floor_park_secondaries, %function
floor_park_secondaries:
	ret
	.size	floor_park_secondaries, . - floor_park_secondaries
