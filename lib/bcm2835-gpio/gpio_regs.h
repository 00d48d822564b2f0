/* SPDX-License-Identifier: MIT */
/*
 * BCM2835 GPIO registers (BCM2835 ARM Peripherals, section 6.1), as
 * offsets from the GPIO block. The BCM2837 of the Pi 3 has the same block.
 */
#ifndef BCM2835_GPIO_REGS_H
#define BCM2835_GPIO_REGS_H

#define GPFSEL(n)        (0x00u + 4u * (n))  /* function select, 10 pins of 3 bits each */
#define GPPUD            (0x94u)             /* pull-up/down control: what the next clock applies */
#define GPPUDCLK0        (0x98u)             /* pull-up/down clock for pins 0-31 */

#define GPFSEL_BITS      (3u)
#define GPFSEL_MASK      (0x7u)
#define GPFSEL_INPUT     (0x0u)
#define GPFSEL_ALT0      (0x4u)              /* pins 14/15: PL011 TXD0/RXD0 (section 6.2) */
#define GPPUD_OFF        (0x0u)

/* The control signal needs 150 cycles to set up and hold (section 6.1, GPPUDCLKn). */
#define GPPUD_SETUP_CYCLES (150u)

#endif
