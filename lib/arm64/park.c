/* SPDX-License-Identifier: MIT */
/*
 * Secondary cores of a raw image: on the Raspberry Pi 3 the firmware (and
 * QEMU's boot stub) leaves cores 1-3 polling a spin table between WFEs,
 * which QEMU's TCG treats as a yield, so each keeps a host thread busy.
 * The library OS uses core 0 only: send them to a WFI loop instead.
 *
 * The slots are in page 0, which the MMU never maps: this runs first.
 */
#include <stdint.h>
#include <kiln/init.h>

/* From the board's data, generated into bindings.c (count 0 when it has no spin table). */
extern const uintptr_t kiln_board_spin_table[];
extern const unsigned int kiln_board_spin_table_count;

void kiln_arm64_secondary_park(void);

static int kiln_arm64_park_secondaries(void)
{
	for (unsigned int i = 0; i < kiln_board_spin_table_count; i++)
		*(volatile uint64_t *)kiln_board_spin_table[i] = (uintptr_t)kiln_arm64_secondary_park;
	/* The slots must be written before the cores are woken to read them. */
	__asm__ volatile("dsb sy\n\tsev" ::: "memory");
	return 0;
}

KILN_INIT(kiln_arm64_park_secondaries, KILN_INIT_CORES);
