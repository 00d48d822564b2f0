// SPDX-License-Identifier: MIT
//
// Console of the Ultra96-V2 (QEMU -M xlnx-zcu102) for the floor image:
// Cadence UART1 at 0xFF010000, which QEMU connects to the SECOND -serial
// (UART1 is the real board's console). The Cadence UART sends nothing
// until its transmitter is enabled, hence floor_console_init.

	.equ	UART_BASE, 0xFF010000	// Cadence UART1 (Zynq UltraScale+ memory map)
	.equ	UART_CR, 0x00		// control register
	.equ	UART_CR_TX_EN, (1 << 4)	// transmitter enable
	.equ	UART_CR_RX_EN, (1 << 2)	// receiver enable
	.equ	UART_SR, 0x2C		// channel status register
	.equ	UART_SR_TXFULL, (1 << 4)	// transmit FIFO full
	.equ	UART_FIFO, 0x30		// transmit and receive FIFO

	.text

// ---------------------------------------------------------------------------
// floor_console_init: enables transmitter and receiver (CR = 0x14).
// Clobbers x1, x2.
// ---------------------------------------------------------------------------
	.globl	floor_console_init
	.type	floor_console_init, %function
floor_console_init:
	ldr	x1, =UART_BASE
	mov	w2, #(UART_CR_TX_EN | UART_CR_RX_EN)
	str	w2, [x1, #UART_CR]
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
	ldr	w2, [x1, #UART_SR]
	tst	w2, #UART_SR_TXFULL
	b.ne	.L_wait
	str	w0, [x1, #UART_FIFO]
	ret
	.size	floor_console_putc, . - floor_console_putc

// ---------------------------------------------------------------------------
// floor_park_secondaries: nothing to do: zcu102 starts only core 0 (the
// others wait for PSCI CPU_ON).
// ---------------------------------------------------------------------------
	.globl	floor_park_secondaries
	.type	floor_park_secondaries, %function
floor_park_secondaries:
	ret
	.size	floor_park_secondaries, . - floor_park_secondaries
