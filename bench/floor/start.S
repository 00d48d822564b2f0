// SPDX-License-Identifier: MIT
//
// The emulator floor: the least an image can do and still be seen. It
// prints one character and a newline on the board's console, then hands
// over to whichever ending was linked in (then/exit.S, then/busy.S or
// then/idle.S). No stack, no .bss, no exception vectors: every cycle QEMU
// spends between spawning and this line is the emulator's own cost, which
// is what Kiln's boot time is measured against.
//
// Linked with one boards/<board>.S (floor_console_init, floor_console_putc,
// floor_park_secondaries) and one then/<ending>.S (floor_then).

	.section .text.start, "ax"

// ---------------------------------------------------------------------------
// _start: the entry QEMU jumps to (the first byte of the raw binary).
//
// On every board this runs on a single core: raw binaries on the Pi 3 leave
// cores 1-3 in QEMU's own spin loop, and virt and zcu102 start only core 0.
// ---------------------------------------------------------------------------
	.globl	_start
	.type	_start, %function
_start:
	// Some UARTs must be switched on before they transmit.
	bl	floor_console_init

	// The one character, then the newline the harness timestamps.
	mov	w0, #'*'
	bl	floor_console_putc
	mov	w0, #'\n'
	bl	floor_console_putc

	// Exit, spin or sleep: the linked ending decides, and never returns.
	b	floor_then
	.size	_start, . - _start
