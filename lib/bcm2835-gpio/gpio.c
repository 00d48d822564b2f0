/* SPDX-License-Identifier: MIT */
/*
 * Raspberry Pi 3 pin routing for the console: GPIO 14 and 15 to the
 * PL011 (ALT0), without pull resistors, and the Bluetooth chip's GPIO
 * 32/33 off it. The firmware's default puts the
 * mini UART there; Linux's disable-bt overlay moves them with a device
 * tree, which Kiln's images do not load. Runs first in the boot, before
 * anything is printed; the UART itself was set up by its driver.
 */
#include <stdint.h>
#include <kiln/board.h>
#include <kiln/init.h>
#include "gpio_regs.h"

#define CONSOLE_TX_PIN (14u)
#define CONSOLE_RX_PIN (15u)
/* Where the Pi 3's firmware routes the PL011 for the Bluetooth chip (ALT3). */
#define BT_TX_PIN      (32u)
#define BT_RX_PIN      (33u)

static inline volatile uint32_t *gpio(uintptr_t off)
{
	return (volatile uint32_t *)(KILN_BOARD_GPIO_BASE + off);
}

static void wait_cycles(unsigned int n)
{
	while (n--)
		__asm__ volatile("nop");
}

static void set_function(unsigned int pin, uint32_t fn)
{
	volatile uint32_t *reg = gpio(GPFSEL(pin / 10u));
	unsigned int shift = (pin % 10u) * GPFSEL_BITS;

	*reg = (*reg & ~(GPFSEL_MASK << shift)) | (fn << shift);
}

static int bcm2835_gpio_console_pins(void)
{
	/* Bluetooth's pins become inputs first, so RXD0 hears only GPIO 15. */
	set_function(BT_TX_PIN, GPFSEL_INPUT);
	set_function(BT_RX_PIN, GPFSEL_INPUT);
	set_function(CONSOLE_TX_PIN, GPFSEL_ALT0);
	set_function(CONSOLE_RX_PIN, GPFSEL_ALT0);
	/* No pull: the sequence of section 6.1 (control, clock the pins, release both). */
	*gpio(GPPUD) = GPPUD_OFF;
	wait_cycles(GPPUD_SETUP_CYCLES);
	*gpio(GPPUDCLK0) = (1u << CONSOLE_TX_PIN) | (1u << CONSOLE_RX_PIN);
	wait_cycles(GPPUD_SETUP_CYCLES);
	*gpio(GPPUDCLK0) = 0;
	return 0;
}
KILN_INIT(bcm2835_gpio_console_pins, KILN_INIT_PINS);
