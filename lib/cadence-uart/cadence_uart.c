/* SPDX-License-Identifier: MIT */
/*
 * Cadence UART: polled transmit and receive.
 */
#include <cadence-uart/cadence-uart.h>
#include "cadence_uart_regs.h"

static inline volatile uint32_t *reg(const struct cadence_uart *uart, uintptr_t off)
{
	return (volatile uint32_t *)(uart->base + off);
}

void cadence_uart_init(struct cadence_uart *uart)
{
	*reg(uart, CDNS_UART_MR) = CDNS_UART_MR_NOPARITY;
	/* The UART transmits nothing until TXEN is set. */
	*reg(uart, CDNS_UART_CR) = CDNS_UART_CR_TXEN | CDNS_UART_CR_RXEN;
}

static void cadence_uart_putc(void *dev, char c)
{
	struct cadence_uart *uart = dev;

	while (*reg(uart, CDNS_UART_SR) & CDNS_UART_SR_TXFULL)
		;
	*reg(uart, CDNS_UART_FIFO) = (uint8_t)c;
}

static int cadence_uart_getc(void *dev)
{
	struct cadence_uart *uart = dev;

	if (*reg(uart, CDNS_UART_SR) & CDNS_UART_SR_RXEMPTY)
		return -1;
	return (int)(*reg(uart, CDNS_UART_FIFO) & 0xff);
}

const struct kiln_console_ops cadence_uart_console_ops = {
	.putc = cadence_uart_putc,
	.getc = cadence_uart_getc,
};
