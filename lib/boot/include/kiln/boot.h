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
 * @handoff:     what the loader passed (x0 on arm64: the device tree's
 *               address, or 0 or anything else from loaders that pass none)
 * @entry_level: the exception level the loader entered the image at
 *
 * Sets up thread-local storage, binds the board's devices and the chosen
 * implementations (generated per image), runs the init table in priority
 * order (<kiln/init.h>), runs main() and passes its status to exit().
 * Does not return.
 */
void kiln_boot_main(uint64_t entry_ticks, uintptr_t handoff, unsigned int entry_level) __attribute__((noreturn));

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

/**
 * struct kiln_machine - the machine the image woke on.
 * @handoff:      what the loader passed at entry (see kiln_boot_main())
 * @entry_level:  the exception level the loader entered the image at (1-3;
 *                the image itself always runs at EL1)
 * @ram_base:     start of the RAM bank that holds the image
 * @ram_size:     its size in bytes
 * @free_end:     end of the RAM the allocators take (the bank's end, or
 *                the first reservation above the image)
 * @timer_hz:     the counter's frequency as the device tree gives it
 *                (the timer node's clock-frequency), 0 when it gives none
 * @console_base: address of the device the device tree names as the
 *                console (/chosen stdout-path), 0 when it names none
 * @console_from: where @console_base came from: "device tree"
 *                (stdout-path), "device tree alias" (/aliases serial0)
 *                or NULL when the tree named none (the board's stays)
 * @psci:         how to call the firmware's PSCI, as the device tree's
 *                /psci node says (KILN_PSCI_*; KILN_PSCI_NONE when it
 *                has none or PSCI before 0.2, which has no SYSTEM_OFF)
 * @from:         where @ram_base and @ram_size came from: "board" (the
 *                board's description, built in) or "device tree"
 *
 * Starts as the board's description. A library that reads what the
 * loader handed over (lib/fdt) updates it in the MACHINE stage, before
 * the allocators and the MMU read it; later it is only read.
 */
struct kiln_machine {
	uintptr_t handoff;
	unsigned int entry_level;
	uintptr_t ram_base;
	uint64_t ram_size;
	uintptr_t free_end;
	uint64_t timer_hz;
	uintptr_t console_base;
	const char *console_from;
	unsigned int psci;
	const char *from;
};

/* PSCI conduits (struct kiln_machine's @psci). */
#define KILN_PSCI_NONE  (0)
#define KILN_PSCI_HVC   (1)
#define KILN_PSCI_SMC   (2)

/**
 * kiln_machine() - the machine the image runs on (see struct kiln_machine).
 *
 * Writable only by MACHINE-stage init steps.
 */
struct kiln_machine *kiln_machine(void);

#endif /* KILN_BOOT_H */
