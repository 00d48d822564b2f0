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
 * @fn:       what to run; it returns nothing and cannot fail softly (it
 *            reports and exits on a fatal error)
 * @name:     short name, printed in the boot timeline
 * @priority: position in the sequence (lowest first)
 */
struct kiln_init_entry {
	void (*fn)(void);
	const char *name;
	unsigned int priority;
};

/*
 * The table, sorted, between these two symbols of the linker script (the
 * others are in <kiln/arm64/sections.h>). Only the boot library walks it.
 */
extern const struct kiln_init_entry __kiln_init_start[], __kiln_init_end[];

#define KILN_INIT_CAT_(a, b) a##b
#define KILN_INIT_CAT(a, b)  KILN_INIT_CAT_(a, b)
#define KILN_INIT_STR_(x)    #x
#define KILN_INIT_STR(x)     KILN_INIT_STR_(x)

/**
 * KILN_INIT() - run @fn at boot, in stage @priority.
 * @fn:       a void (void) function
 * @priority: a KILN_INIT_* stage
 *
 * The entry is kept even under --gc-sections and LTO: the section is KEEP
 * in the linker script and the record is marked used.
 */
#define KILN_INIT(function, prio)                                                \
	_Static_assert((prio) >= 100 && (prio) <= 999,                           \
		       "init priority must have three digits");                  \
	static const struct kiln_init_entry                                      \
	KILN_INIT_CAT(kiln_init_entry_, function)                                \
	__attribute__((used, aligned(8),                                         \
		       section(".kiln_init." KILN_INIT_STR(prio)))) = {         \
		.fn = (function), .name = #function, .priority = (prio),         \
	}

#endif /* KILN_INIT_H */
