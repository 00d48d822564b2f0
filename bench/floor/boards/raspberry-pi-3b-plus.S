// SPDX-License-Identifier: MIT
//
// Console of the Raspberry Pi 3 B+ (QEMU -M raspi3b) for the floor image:
// the PL011 (UART0) at 0x3F201000, the first -serial. The firmware (or
// QEMU) leaves it usable, so initialisation is empty.

	.equ	UART_BASE, 0x3F201000	// PL011 UART0 (BCM2837 peripherals at 0x3F000000)
	.equ	UART_DR, 0x00		// data register: write a byte to send it
	.equ	UART_FR, 0x18		// flag register
	.equ	UART_FR_TXFF, (1 << 5)	// transmit FIFO full
	.equ	SPIN_TABLE_CORE1, 0xe0	// QEMU raspi boot stub: core 1's entry slot

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

// ---------------------------------------------------------------------------
// floor_park_secondaries: moves cores 1-3 from QEMU's boot stub into WFI.
//
// With a raw binary, QEMU leaves cores 1-3 in its own spin loop, which
// polls the spin table (core n reads 0xd8 + 8n) between WFEs. TCG treats
// WFE as a mere yield, so each of them keeps a host thread busy: left
// there, they cost more host CPU than core 0 (about two host cores on a
// two-core machine). Writing .L_park's address to their slots and sending
// an event sends them to sleep instead. Clobbers x1, x2.
// ---------------------------------------------------------------------------
	.globl	floor_park_secondaries
	.type	floor_park_secondaries, %function
floor_park_secondaries:
	adr	x1, .L_park
	mov	x2, #SPIN_TABLE_CORE1
	str	x1, [x2]		// core 1
	str	x1, [x2, #8]		// core 2
	str	x1, [x2, #16]		// core 3
	dsb	sy			// the slots are written before the cores look
	sev				// wake them from WFE to read their slot
	ret
	.size	floor_park_secondaries, . - floor_park_secondaries

// Cores 1-3 land here (at EL2, as core 0 was entered): every exception
// masked, then WFI for good.
.L_park:
	msr	daifset, #0xf
.L_park_sleep:
	wfi
	b	.L_park_sleep
