/* SPDX-License-Identifier: MIT */
/*
 * The machine the image woke on: the board's description until a library
 * that reads what the loader handed over (a device tree) says otherwise.
 */
#include <stdint.h>
#include <kiln/board.h>
#include <kiln/boot.h>

/* In .data, not .bss: the values must be there before anything runs. */
static struct kiln_machine machine = {
	.ram_base = KILN_BOARD_RAM_BASE,
	.ram_size = KILN_BOARD_RAM_SIZE,
	.free_end = KILN_BOARD_RAM_BASE + KILN_BOARD_RAM_SIZE,
	.from = "board",
};

struct kiln_machine *kiln_machine(void)
{
	return &machine;
}
