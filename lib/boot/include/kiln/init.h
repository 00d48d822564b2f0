/* SPDX-License-Identifier: MIT */
/*
 * The boot init table: what libraries run between the arch entry code and
 * main(), in priority order.
 *
 * A library registers a function with KILN_INIT(fn, KILN_INIT_<STAGE>).
 * Each entry is a constant record in its own section,
 * .kiln_init.<priority>, where the priority is the stage's number; the
 * linker script keeps those sections and sorts them by name, so the boot
 * library walks them lowest priority first. Priorities are three-digit
 * decimal numbers (100 to 999) so that sorting by name is sorting by value.
 * Entries of one stage run in link order.
 *
 * A step returns 0, or a negative errno value when it failed. The boot
 * stops at the first failure: it prints the step's name, its reason (if
 * it gave one with kiln_init_fail()) and its error on the console, and
 * exits with status 1. Later steps may rely on earlier ones, so none of
 * them runs.
 */
#ifndef KILN_INIT_H
#define KILN_INIT_H

/*
 * Stages of the boot, in order. A library picks the stage its work
 * belongs to and names it; a library whose work fits none adds a stage
 * here, rather than writing a number, so that the whole order stays
 * readable in one place. Plain decimal literals only: the number is
 * pasted into the section name.
 */
#define KILN_INIT_MACHINE     100  /* what the loader handed over (a device tree) read: RAM, console, timer */
#define KILN_INIT_PINS        102  /* the board's pins routed to its devices (the console UART) */
#define KILN_INIT_CORES       105  /* other cores parked */
#define KILN_INIT_MEMORY      110  /* the boot allocator takes the free RAM */
#define KILN_INIT_MMU         120  /* page tables built, MMU and caches on */
#define KILN_INIT_IRQ         130  /* interrupt controller up, IRQs unmasked */
#define KILN_INIT_TIME        140  /* clock and timer interrupt */
#define KILN_INIT_EARLY_APP   150  /* applications' own boot-time work; descriptors 0-2, environ */
#define KILN_INIT_HANDOVER    190  /* boot allocator hands over to the application allocator */
#define KILN_INIT_SCHED       200  /* scheduler adopts the boot thread */
#define KILN_INIT_FS          300  /* file systems mounted and filled (their memory is the application allocator's) */
#define KILN_INIT_NET         800  /* network stack and interface up (address by DHCP or static) */
#define KILN_INIT_SOCKETS     810  /* the network device's interrupt wakes poll() on sockets */
#define KILN_INIT_LATE        900  /* last: reports, hooks run just before main() */

/**
 * struct kiln_init_entry - one step of the boot sequence.
 * @fn:       what to run; it returns 0, or a negative errno value when it
 *            failed and the boot cannot go on
 * @name:     short name, printed in the boot timeline and on failure
 * @priority: position in the sequence (lowest first)
 */
struct kiln_init_entry {
	int (*fn)(void);
	const char *name;
	unsigned int priority;
};

/*
 * The table, sorted, between these two symbols of the linker script (the
 * others are in <kiln/arm64/sections.h>). Only the boot library walks it.
 */
extern const struct kiln_init_entry __kiln_init_start[], __kiln_init_end[];

/**
 * kiln_init_fail() - say why the running init step fails.
 * @err: the step's error, a negative errno value
 * @why: what went wrong, one line without a newline, e.g. "time: no timer
 *       registered for this board"; kept, not copied (a string constant)
 *
 * The boot prints @why with the step's name and error. Only for init
 * steps, while they run.
 *
 * Return: @err, so that a step can end with
 * ``return kiln_init_fail(-ENODEV, "...");``
 */
int kiln_init_fail(int err, const char *why);

#define KILN_INIT_CAT_(a, b) a##b
#define KILN_INIT_CAT(a, b)  KILN_INIT_CAT_(a, b)
#define KILN_INIT_STR_(x)    #x
#define KILN_INIT_STR(x)     KILN_INIT_STR_(x)

/**
 * KILN_INIT() - run @fn at boot, in stage @priority.
 * @fn:       an int (void) function: 0, or a negative errno value on failure
 * @priority: a KILN_INIT_* stage
 *
 * The entry is kept even under --gc-sections and LTO: the section is KEEP
 * in the linker script and the record is marked used.
 */
#define KILN_INIT(function, prio)                                                \
	_Static_assert((prio) >= 100 && (prio) <= 999,                           \
		       "init priority must have three digits");                  \
	_Static_assert(__builtin_types_compatible_p(__typeof__(function) *,      \
						    int (*)(void)),              \
		       "an init step is int fn(void): 0, or a negative errno");  \
	static const struct kiln_init_entry                                      \
	KILN_INIT_CAT(kiln_init_entry_, function)                                \
	__attribute__((used, aligned(8),                                         \
		       section(".kiln_init." KILN_INIT_STR(prio)))) = {         \
		.fn = (function), .name = #function, .priority = (prio),         \
	}

#endif /* KILN_INIT_H */
