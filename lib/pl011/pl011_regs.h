/* SPDX-License-Identifier: MIT */
/*
 * PL011 register map (ARM PrimeCell UART (PL011) Technical Reference
 * Manual, DDI 0183, section 3.2). Private to the driver.
 */
#ifndef PL011_REGS_H
#define PL011_REGS_H

#define PL011_DR          (0x00)        /* data register */
#define PL011_FR          (0x18)        /* flag register */
#define PL011_IBRD        (0x24)        /* integer baud rate divisor */
#define PL011_FBRD        (0x28)        /* fractional baud rate divisor */
#define PL011_LCR_H       (0x2c)        /* line control */
#define PL011_CR          (0x30)        /* control */
#define PL011_IMSC        (0x38)        /* interrupt mask set/clear */
#define PL011_ICR         (0x44)        /* interrupt clear */

#define PL011_FR_BUSY     (1u << 3)     /* transmitting */
#define PL011_FR_RXFE     (1u << 4)     /* receive FIFO empty */
#define PL011_FR_TXFF     (1u << 5)     /* transmit FIFO full */

#define PL011_LCR_H_FEN   (1u << 4)     /* FIFOs enabled */
#define PL011_LCR_H_WLEN8 (3u << 5)     /* 8 data bits */

#define PL011_CR_UARTEN   (1u << 0)     /* UART enabled */
#define PL011_CR_TXE      (1u << 8)     /* transmitter enabled */
#define PL011_CR_RXE      (1u << 9)     /* receiver enabled */

#define PL011_ICR_ALL     (0x7ffu)      /* every interrupt source */

#endif /* PL011_REGS_H */
