// SPDX-License-Identifier: MIT
//
// Floor ending "idle": the guest sleeps in WFI forever, the least host CPU
// a guest can cost. The harness measures QEMU's CPU time over a window and
// then kills it.
//
// QEMU behaviour: under TCG, WFI halts the virtual CPU until an interrupt
// is pending, and its thread then blocks instead of translating code. With
// every exception masked and no interrupt source programmed nothing ever
// becomes pending, so the core stays halted and QEMU's host CPU use falls
// to its main loop's housekeeping. The loop around WFI is there because the
// architecture allows spurious wake-ups (Arm ARM, "Wait For
// Interrupt").

	.text

// ---------------------------------------------------------------------------
// floor_then: parks the other cores (where the board left any running),
// masks D, A, I and F (DAIFSet = 0b1111), then WFI in a loop.
// ---------------------------------------------------------------------------
	.globl	floor_then
	.type	floor_then, %function
floor_then:
	bl	floor_park_secondaries
	msr	daifset, #0xf
.L_sleep:
	wfi
	b	.L_sleep
	.size	floor_then, . - floor_then
