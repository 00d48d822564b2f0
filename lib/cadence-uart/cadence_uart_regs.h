/* SPDX-License-Identifier: MIT */
/*
 * Cadence UART register map (Zynq UltraScale+ Device TRM, UG1085,
 * chapter 21 and the UART register reference). Private to the driver.
 */
#ifndef CADENCE_UART_REGS_H
#define CADENCE_UART_REGS_H

#define CDNS_UART_CR          (0x00)      /* control */
#define CDNS_UART_MR          (0x04)      /* mode */
#define CDNS_UART_SR          (0x2c)      /* channel status */
#define CDNS_UART_FIFO        (0x30)      /* transmit and receive FIFO */

#define CDNS_UART_CR_RXEN     (1u << 2)   /* receiver enabled */
#define CDNS_UART_CR_TXEN     (1u << 4)   /* transmitter enabled */

#define CDNS_UART_MR_NOPARITY (4u << 3)   /* PAR = 1xx: no parity; CHRL 0 = 8 bits, 1 stop bit */

#define CDNS_UART_SR_RXEMPTY  (1u << 1)   /* receive FIFO empty */
#define CDNS_UART_SR_TXFULL   (1u << 4)   /* transmit FIFO full */

#endif /* CADENCE_UART_REGS_H */
