/* SPDX-License-Identifier: MIT */
/*
 * ARM PrimeCell PL011 UART driver.
 */
#ifndef PL011_H
#define PL011_H

#include <stdint.h>
#include <kiln/console_impl.h>

/**
 * struct pl011 - one PL011 instance, described by the board's memory map.
 * @base:     MMIO base address
 * @clock_hz: UARTCLK frequency; 0 leaves the firmware's line settings alone
 * @baud:     line rate to program when @clock_hz is known
 */
struct pl011 {
	uintptr_t base;
	uint32_t clock_hz;
	uint32_t baud;
};

/** pl011_init() - program line settings and enable the transmitter and receiver. */
void pl011_init(struct pl011 *uart);

/** Console operations for a struct pl011. */
extern const struct kiln_console_ops pl011_console_ops;

#endif /* PL011_H */
