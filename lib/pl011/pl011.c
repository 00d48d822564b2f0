/* SPDX-License-Identifier: MIT */
/*
 * PL011 UART: polled transmit and receive.
 */
#include <pl011/pl011.h>
#include "pl011_regs.h"

static inline volatile uint32_t *reg(const struct pl011 *uart, uintptr_t off)
{
	return (volatile uint32_t *)(uart->base + off);
}

void pl011_init(struct pl011 *uart)
{
	if (!uart->clock_hz || !uart->baud)
		return;

	*reg(uart, PL011_CR) = 0;
	while (*reg(uart, PL011_FR) & PL011_FR_BUSY)
		;
	*reg(uart, PL011_ICR) = PL011_ICR_ALL;
	*reg(uart, PL011_IMSC) = 0;

	/* Divisor in 1/64ths: UARTCLK / (16 * baud), rounded (TRM 3.3.6). */
	uint32_t div64 = (uint32_t)(((uint64_t)uart->clock_hz * 4 + uart->baud / 2) / uart->baud);
	*reg(uart, PL011_IBRD) = div64 >> 6;
	*reg(uart, PL011_FBRD) = div64 & 0x3f;
	*reg(uart, PL011_LCR_H) = PL011_LCR_H_WLEN8 | PL011_LCR_H_FEN;
	*reg(uart, PL011_CR) = PL011_CR_UARTEN | PL011_CR_TXE | PL011_CR_RXE;
}

static void pl011_putc(void *dev, char c)
{
	struct pl011 *uart = dev;

	while (*reg(uart, PL011_FR) & PL011_FR_TXFF)
		;
	*reg(uart, PL011_DR) = (uint8_t)c;
}

static int pl011_getc(void *dev)
{
	struct pl011 *uart = dev;

	if (*reg(uart, PL011_FR) & PL011_FR_RXFE)
		return -1;
	return (int)(*reg(uart, PL011_DR) & 0xff);
}

const struct kiln_console_ops pl011_console_ops = {
	.putc = pl011_putc,
	.getc = pl011_getc,
};
