// SPDX-License-Identifier: MIT
//
// Floor ending "busy": the guest spins forever, the most host CPU a
// single-core guest can cost. The harness measures QEMU's CPU time over a
// window and then kills it.

	.text

// ---------------------------------------------------------------------------
// floor_then: parks the other cores (where the board left any running),
// then branches to itself.
// ---------------------------------------------------------------------------
	.globl	floor_then
	.type	floor_then, %function
floor_then:
	bl	floor_park_secondaries
.L_spin:
	b	.L_spin
	.size	floor_then, . - floor_then
