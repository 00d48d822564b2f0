/* SPDX-License-Identifier: MIT */
/*
 * How an image ends. Exactly one implementation is linked, chosen in
 * Kconfig (KILN_EXIT choice): semihosting under QEMU, halt on hardware.
 */
#ifndef KILN_EXIT_H
#define KILN_EXIT_H

/**
 * kiln_platform_exit() - end the image with @status.
 *
 * Under QEMU with semihosting the status becomes QEMU's exit status. On
 * hardware (LIBEXIT_HALT) the status and what happens next are printed
 * on the console, then PSCI SYSTEM_OFF or SYSTEM_RESET, or a WFI loop
 * with interrupts masked (LIBEXIT_HALT_ACTION).
 */
void kiln_platform_exit(int status) __attribute__((noreturn));

#endif /* KILN_EXIT_H */
