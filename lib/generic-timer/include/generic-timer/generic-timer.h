/* SPDX-License-Identifier: MIT */
/*
 * ARM generic timer driver: the system counter and the EL1 physical timer
 * (Arm ARM D11 "The Generic Timer in AArch64 state").
 */
#ifndef GENERIC_TIMER_H
#define GENERIC_TIMER_H

#include <stdint.h>
#include <kiln/time_impl.h>

/**
 * struct generic_timer - the EL1 physical timer as the board wires it.
 * @irq: its interrupt line in the board's interrupt controller
 * @hz:  counter frequency, read from CNTFRQ_EL0 at init (never assumed)
 */
struct generic_timer {
	unsigned int irq;
	uint64_t hz;
};

/** Time API operations for a struct generic_timer. */
extern const struct kiln_timer_ops generic_timer_ops;

#endif /* GENERIC_TIMER_H */
