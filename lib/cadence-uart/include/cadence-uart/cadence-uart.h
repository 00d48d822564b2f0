/* SPDX-License-Identifier: MIT */
/*
 * Cadence UART driver (Xilinx ZynqMP UART0/UART1).
 */
#ifndef CADENCE_UART_H
#define CADENCE_UART_H

#include <stdint.h>
#include <kiln/console_impl.h>

/**
 * struct cadence_uart - one Cadence UART, described by the board's memory map.
 * @base: MMIO base address
 *
 * The baud rate generator is left as the boot firmware (U-Boot) set it.
 */
struct cadence_uart {
	uintptr_t base;
};

/** cadence_uart_init() - 8N1, transmitter and receiver enabled. */
void cadence_uart_init(struct cadence_uart *uart);

/** Console operations for a struct cadence_uart. */
extern const struct kiln_console_ops cadence_uart_console_ops;

#endif /* CADENCE_UART_H */
