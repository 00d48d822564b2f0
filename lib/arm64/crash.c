/* SPDX-License-Identifier: MIT */
/*
 * Crash report: what the CPU says went wrong, decoded, with every general
 * register, then the exit path with a failure status.
 *
 * It writes to the console directly with the console's small formatting
 * helpers: it must work when the C library's state is what broke, and it
 * keeps printf out of images that do not otherwise need it.
 */
#include <stddef.h>
#include <stdint.h>
#include <kiln/arm64/exception.h>
#include <kiln/arm64/sections.h>
#include <kiln/config.h>
#include <kiln/console.h>
#include <kiln/exit.h>
#include "esr.h"

void kiln_arm64_fault(struct kiln_arm64_frame *frame) __attribute__((noreturn));
void kiln_arm64_irq(struct kiln_arm64_frame *frame);

_Static_assert(offsetof(struct kiln_arm64_frame, sp_el0) == KILN_FRAME_SP_EL0, "frame layout");
_Static_assert(offsetof(struct kiln_arm64_frame, elr) == KILN_FRAME_ELR, "frame layout");
_Static_assert(offsetof(struct kiln_arm64_frame, esr) == KILN_FRAME_ESR, "frame layout");
_Static_assert(offsetof(struct kiln_arm64_frame, slot) == KILN_FRAME_SLOT, "frame layout");
_Static_assert(sizeof(struct kiln_arm64_frame) <= KILN_FRAME_SIZE, "frame layout");

static void (*irq_handler)(void);
static const char *(*fault_describer)(uintptr_t address);
static int crashing;

void kiln_arm64_set_irq_handler(void (*handler)(void))
{
	irq_handler = handler;
}

void kiln_arm64_set_fault_describer(const char *(*describe)(uintptr_t address))
{
	fault_describer = describe;
}

/* The console's own formatting: it works when the C library's state is what broke. */
#define put(s)            kiln_console_puts(s)
#define put_dec(v)        kiln_console_put_dec(v)
#define put_hex(v, n)     kiln_console_put_hex((v), (n))

/* ---- decoding ---- */

static const struct {
	uint8_t ec;
	const char *name;
} ec_names[] = {
	{ EC_UNKNOWN, "undefined instruction (unknown reason)" },
	{ EC_WFX, "trapped WFI/WFE" },
	{ EC_FP_ACCESS, "trapped FP/SIMD access" },
	{ EC_ILLEGAL_STATE, "illegal execution state" },
	{ EC_SVC64, "SVC instruction" },
	{ EC_HVC64, "HVC instruction" },
	{ EC_SMC64, "SMC instruction" },
	{ EC_SYSREG, "trapped system register access" },
	{ EC_IABT_LOWER, "instruction abort from a lower EL" },
	{ EC_IABT_CUR, "instruction abort" },
	{ EC_PC_ALIGN, "PC alignment fault" },
	{ EC_DABT_LOWER, "data abort from a lower EL" },
	{ EC_DABT_CUR, "data abort" },
	{ EC_SP_ALIGN, "SP alignment fault" },
	{ EC_FP_EXC64, "floating-point exception" },
	{ EC_SERROR, "SError (asynchronous external abort)" },
	{ EC_BREAKPOINT_LOWER, "breakpoint from a lower EL" },
	{ EC_BREAKPOINT_CUR, "breakpoint" },
	{ EC_STEP_LOWER, "software step from a lower EL" },
	{ EC_STEP_CUR, "software step" },
	{ EC_WATCHPOINT_LOWER, "watchpoint from a lower EL" },
	{ EC_WATCHPOINT_CUR, "watchpoint" },
	{ EC_BRK64, "BRK instruction" },
};

static const char *ec_name(unsigned int ec)
{
	for (size_t i = 0; i < sizeof(ec_names) / sizeof(ec_names[0]); i++)
		if (ec_names[i].ec == ec)
			return ec_names[i].name;
	return "unrecognised exception class";
}

static const char *const fsc_kinds[] = {
	[FSC_TYPE_ADDR_SIZE] = "address size fault",
	[FSC_TYPE_TRANSLATION] = "translation fault (nothing mapped there)",
	[FSC_TYPE_ACCESS_FLAG] = "access flag fault",
	[FSC_TYPE_PERMISSION] = "permission fault",
	[FSC_TYPE_EXTERNAL_WALK] = "external abort on a table walk",
};

static void put_fsc(unsigned int fsc)
{
	unsigned int kind = ISS_ABT_FSC_TYPE(fsc);

	if (fsc == FSC_SYNC_EXTERNAL) {
		put("synchronous external abort");
	} else if (fsc == FSC_ALIGNMENT) {
		put("alignment fault");
	} else if (fsc == FSC_TLB_CONFLICT) {
		put("TLB conflict abort");
	} else if (kind < sizeof(fsc_kinds) / sizeof(fsc_kinds[0]) && fsc_kinds[kind]) {
		put(fsc_kinds[kind]);
		put(", level ");
		put_dec(ISS_ABT_FSC_LEVEL(fsc));
	} else {
		put("fault status ");
		put_hex(fsc, 2);
	}
}

static int in_range(uintptr_t a, const char *lo, const char *hi)
{
	return a >= (uintptr_t)lo && a < (uintptr_t)hi;
}

/* A phrase for well-known fault addresses. */
static const char *describe_address(uintptr_t far)
{
	const char *what;

	if (far < 0x1000)
		return "a null pointer: page 0 is never mapped";
	if (in_range(far, __stack_guard, __stack_bottom))
		return "the guard page below the boot stack: stack overflow";
	if (in_range(far, __exception_stack_guard, __exception_stack_bottom))
		return "the guard page below the exception stack: exception stack overflow";
	if (fault_describer && (what = fault_describer(far)))
		return what;
	return 0;
}

/*
 * The main stack overflowed (deep recursion in main() or below): say how
 * big it is and how to give it more. Its size is the image's
 * LIBBOOT_STACK_SIZE, read from the layout rather than the configuration.
 */
static void report_stack_overflow(void)
{
	uintptr_t size = (uintptr_t)(__stack_top - __stack_bottom);
	int digits = 1;

	while (digits < 16 && (size * 2) >> (4 * digits))
		digits++;

	put("kiln: crash:   stack overflow: the main stack is ");
	put_dec(size);
	put(" bytes (");
	put_dec(size / 1024);
	put(" KiB) and the program went below it\n");
	put("kiln: crash:   raise LIBBOOT_STACK_SIZE: .configure({ LIBBOOT_STACK_SIZE: ");
	put_hex(size * 2, digits);
	put(" }) in image.ts, or config: { LIBBOOT_STACK_SIZE: ");
	put_hex(size * 2, digits);
	put(" } in a spec file\n");
}

static void report_abort(const struct kiln_arm64_frame *f, unsigned int ec, uint32_t iss)
{
	int data = ec == EC_DABT_CUR || ec == EC_DABT_LOWER;
	const char *what;

	put("kiln: crash:   ");
	put_fsc(iss & ISS_ABT_FSC_MASK);
	if (data)
		put(iss & ISS_DABT_WNR ? " on a write" : " on a read");
	else
		put(" on an instruction fetch");
	if (data && (iss & ISS_DABT_CM))
		put(" (cache maintenance)");
	put("\n");
	if (iss & ISS_ABT_FNV) {
		put("kiln: crash:   fault address not known (FAR not valid)\n");
		return;
	}
	put("kiln: crash:   fault address ");
	put_hex(f->far, 16);
	if ((what = describe_address(f->far))) {
		put(": ");
		put(what);
	}
	put("\n");
	if (in_range(f->far, __stack_guard, __stack_bottom))
		report_stack_overflow();
}

static void report_registers(const struct kiln_arm64_frame *f)
{
	for (int i = 0; i < 31; i++) {
		put(i % 4 ? "  " : "kiln: crash: ");
		put(i < 10 ? " x" : "x");
		put_dec((uint64_t)i);
		put(" ");
		put_hex(f->x[i], 16);
		if (i % 4 == 3)
			put("\n");
	}
	put("  sp ");
	/* The SP the interrupted code was using, by the mode SPSR records. */
	put_hex((f->spsr & SPSR_M_MASK) == SPSR_M_EL1H ? f->sp_el1 : f->sp_el0, 16);
	put("\n");
}

static void __attribute__((noreturn)) crash_exit(void)
{
	put("kiln: crash: exiting with status ");
	put_dec(CONFIG_LIBARM64_CRASH_STATUS);
	put("\n");
	kiln_platform_exit(CONFIG_LIBARM64_CRASH_STATUS);
}

void kiln_arm64_fault(struct kiln_arm64_frame *f)
{
	unsigned int ec = (unsigned int)(f->esr >> ESR_EC_SHIFT) & ESR_EC_MASK;
	uint32_t iss = (uint32_t)f->esr & ESR_ISS_MASK;

	if (crashing++) {
		/* A fault while reporting one: say so and stop, without touching more state. */
		put("\nkiln: crash: fault inside the crash report\n");
		kiln_platform_exit(CONFIG_LIBARM64_CRASH_STATUS);
	}
	put("\nkiln: crash: ");
	put(ec_name(ec));
	put(" (EC ");
	put_hex(ec, 2);
	put(") at ");
	put_hex(f->elr, 16);
	put(f->slot >= 8 ? ", from a lower EL\n" : "\n");
	if (ec == EC_DABT_CUR || ec == EC_DABT_LOWER || ec == EC_IABT_CUR || ec == EC_IABT_LOWER)
		report_abort(f, ec, iss);
	else if (ec == EC_PC_ALIGN || ec == EC_SP_ALIGN) {
		put("kiln: crash:   address ");
		put_hex(f->far, 16);
		put("\n");
	}
	put("kiln: crash:   ESR ");
	put_hex(f->esr, 8);
	put("  ISS ");
	put_hex(iss, 7);
	put("  ELR ");
	put_hex(f->elr, 16);
	put("  SPSR ");
	put_hex(f->spsr, 8);
	put("  FAR ");
	put_hex(f->far, 16);
	put("  vector ");
	put_dec(f->slot);
	put("\n");
	report_registers(f);
	put("kiln: crash: find the code with: addr2line -e image.elf ");
	put_hex(f->elr, 16);
	put("\n");
	crash_exit();
}

void kiln_arm64_irq(struct kiln_arm64_frame *f)
{
	if (irq_handler) {
		irq_handler();
		return;
	}
	f->esr = 0;
	put("\nkiln: crash: interrupt with no handler registered\n");
	report_registers(f);
	crash_exit();
}

void kiln_arm64_crash(const char *what)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
	if (crashing++)
		kiln_platform_exit(CONFIG_LIBARM64_CRASH_STATUS);
	put("\nkiln: crash: ");
	put(what);
	put("\n");
	crash_exit();
}
