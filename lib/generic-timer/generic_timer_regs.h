/* SPDX-License-Identifier: MIT */
/*
 * Fields of the EL1 physical timer's control register (Arm ARM D17.11.16
 * CNTP_CTL_EL0). Private to the driver.
 */
#ifndef GENERIC_TIMER_REGS_H
#define GENERIC_TIMER_REGS_H

#define CNTP_CTL_ENABLE   (1u << 0)   /* the timer compares and can fire */
#define CNTP_CTL_IMASK    (1u << 1)   /* the interrupt is masked */
#define CNTP_CTL_ISTATUS  (1u << 2)   /* read-only: the condition is met */

#endif /* GENERIC_TIMER_REGS_H */
