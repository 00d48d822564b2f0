/* SPDX-License-Identifier: MIT */
/*
 * Boot sequence: what runs between the arch entry code and main().
 */
#ifndef KILN_BOOT_H
#define KILN_BOOT_H

#include <stdint.h>

/**
 * kiln_boot_main() - C entry point, called by the arch code at EL1.
 * @entry_ticks: CNTPCT_EL0 read at the image's first instruction
 *
 * Sets up thread-local storage, binds the board's devices and the chosen
 * implementations (generated per image), runs the init table in priority
 * order (<kiln/init.h>), runs main() and passes its status to exit().
 * Does not return.
 */
void kiln_boot_main(uint64_t entry_ticks) __attribute__((noreturn));

/**
 * kiln_platform_bind() - bind the board's devices to the library APIs.
 *
 * Generated for each image by the synthesizer (bindings.c) from the
 * board's memory map and the configuration: Kiln knows at build time which
 * driver serves the console, which controller takes interrupts and which
 * allocators and scheduler were chosen, so the choice is code, not #if
 * chains. It registers; the init table initialises.
 */
void kiln_platform_bind(void);

/**
 * kiln_boot_entry_ticks() - CNTPCT_EL0 at the image's first instruction.
 */
uint64_t kiln_boot_entry_ticks(void);

#endif /* KILN_BOOT_H */
