/* SPDX-License-Identifier: MIT */
/*
 * Exit on hardware: say on the console why the image ends and with which
 * status, then stop as configured (LIBEXIT_HALT_ACTION):
 *
 *   PSCI SYSTEM_OFF / SYSTEM_RESET  the firmware powers off or resets the
 *                   board (Arm Power State Coordination Interface, DEN0022:
 *                   function ids 0x84000008 and 0x84000009, SMC32 calling
 *                   convention, x0 the id, through HVC or SMC #0)
 *   WFI loop        the boot core waits for interrupts, all masked
 *
 * The conduit is fixed (LIBEXIT_PSCI_HVC, LIBEXIT_PSCI_SMC) or the device
 * tree's /psci node, read at boot by lib/fdt (LIBEXIT_PSCI_FROM_DT).
 * When PSCI is absent or returns (it must not, for these two calls), the
 * WFI loop follows, after a line saying so.
 */
#include <stdint.h>
#include <kiln/config.h>
#include <kiln/console.h>
#include <kiln/exit.h>
#ifdef CONFIG_LIBEXIT_PSCI_FROM_DT
#include <kiln/boot.h>
#endif

#define PSCI_SYSTEM_OFF        (0x84000008u)
#define PSCI_SYSTEM_RESET      (0x84000009u)

/* Conduits, as struct kiln_machine numbers them (<kiln/boot.h>). */
#define CONDUIT_NONE           (0)
#define CONDUIT_HVC            (1)
#define CONDUIT_SMC            (2)

static unsigned int conduit(const char **from)
{
#if defined(CONFIG_LIBEXIT_PSCI_HVC)
	*from = "configured";
	return CONDUIT_HVC;
#elif defined(CONFIG_LIBEXIT_PSCI_SMC)
	*from = "configured";
	return CONDUIT_SMC;
#elif defined(CONFIG_LIBEXIT_PSCI_FROM_DT)
	unsigned int psci = kiln_machine()->psci;

	*from = psci == CONDUIT_NONE ? "no device tree, or no /psci node in it" : "from the device tree";
	return psci;
#else
	*from = "configured";
	return CONDUIT_NONE;
#endif
}

/* A PSCI call with no arguments; SMCCC lets it clobber x0-x17. */
static int64_t psci_call(unsigned int how, uint32_t function)
{
	register uint64_t x0 __asm__("x0") = function;

	if (how == CONDUIT_HVC)
		__asm__ volatile("hvc #0"
				 : "+r"(x0)
				 :
				 : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
				   "x13", "x14", "x15", "x16", "x17", "memory");
	else
		__asm__ volatile("smc #0"
				 : "+r"(x0)
				 :
				 : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
				   "x13", "x14", "x15", "x16", "x17", "memory");
	return (int64_t)x0;
}

void kiln_platform_exit(int status)
{
	__asm__ volatile("msr daifset, #0xf" ::: "memory");
	kiln_console_puts("kiln: halt: exit status ");
	if (status < 0)
		kiln_console_puts("-");
	kiln_console_put_dec(status < 0 ? -(long long)status : status);
#if defined(CONFIG_LIBEXIT_HALT_PSCI_OFF) || defined(CONFIG_LIBEXIT_HALT_PSCI_RESET)
	{
#ifdef CONFIG_LIBEXIT_HALT_PSCI_RESET
		const uint32_t function = PSCI_SYSTEM_RESET;
		const char *what = "; resetting the board with PSCI SYSTEM_RESET over ";
#else
		const uint32_t function = PSCI_SYSTEM_OFF;
		const char *what = "; powering off with PSCI SYSTEM_OFF over ";
#endif
		const char *from;
		unsigned int how = conduit(&from);

		if (how != CONDUIT_NONE) {
			int64_t err;

			kiln_console_puts(what);
			kiln_console_puts(how == CONDUIT_HVC ? "HVC (" : "SMC (");
			kiln_console_puts(from);
			kiln_console_puts(")\n");
			err = psci_call(how, function);
			kiln_console_puts("kiln: halt: PSCI returned ");
			kiln_console_put_dec(err < 0 ? -err : err);
			kiln_console_puts(err < 0 ? " (negative: not supported or denied)" : "");
			kiln_console_puts("; waiting for interrupts, masked, instead\n");
		} else {
			kiln_console_puts("; no PSCI (");
			kiln_console_puts(from);
			kiln_console_puts("): the core waits for interrupts, masked; reset the board to run again\n");
		}
	}
#else
	kiln_console_puts("; the core waits for interrupts, masked; reset the board to run again\n");
#endif
	for (;;)
		__asm__ volatile("wfi");
}
