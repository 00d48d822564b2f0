/* SPDX-License-Identifier: MIT */
/*
 * Boot sequence: TLS, bindings, the init table, constructors, main(), exit().
 *
 * A failing init step ends the boot: its name, reason and error on the
 * console, then status 1 through the exit library (not exit(): the C
 * library's constructors have not run, so its destructors must not).
 *
 * With LIBBOOT_TIMELINE the counter is read after every init step and the
 * timeline is printed just before main(); the first line keeps the format
 * "kiln: boot ticks N (entry to main, CNTFRQ F Hz)" that tools parse.
 */
#include <stdint.h>
#include <stdlib.h>
#include <kiln/arm64/sections.h>
#include <kiln/boot.h>
#include <kiln/config.h>
#include <kiln/console.h>
#include <kiln/exit.h>
#include <kiln/init.h>
#include <kiln/stack.h>

void kiln_arm64_tls_init(void);
void __libc_init_array(void);
int main(int argc, char **argv);
#ifdef CONFIG_LIBPOSIX_PROCESS
/* lib/posix-process: the argument vector image.ts gave (<kiln/process.h>, not on every image's include path). */
void kiln_process_args(int *argc, char ***argv);
#endif

static uint64_t entry_ticks;
/* Why the running init step fails, when it said (kiln_init_fail()). */
static const char *fail_reason;

static inline uint64_t read_cntpct(void)
{
	uint64_t ticks;

	__asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(ticks));
	return ticks;
}

uint64_t kiln_boot_entry_ticks(void)
{
	return entry_ticks;
}

int kiln_init_fail(int err, const char *why)
{
	fail_reason = why;
	return err;
}

/* With the console's helpers, as the crash report: the C library may not be ready to print. */
static void __attribute__((noreturn)) init_failed(const struct kiln_init_entry *e, int err)
{
	kiln_console_puts("kiln: boot: ");
	kiln_console_puts(e->name);
	kiln_console_puts(" failed");
	if (fail_reason) {
		kiln_console_puts(": ");
		kiln_console_puts(fail_reason);
	}
	kiln_console_puts(" (error ");
	if (err < 0)
		kiln_console_puts("-");
	kiln_console_put_dec(err < 0 ? -(long long)err : err);
	kiln_console_puts(")\nkiln: boot: exiting with status 1\n");
	kiln_platform_exit(EXIT_FAILURE);
}

#ifdef CONFIG_LIBBOOT_TIMELINE
/* Counter after each step; steps past the last slot share it. */
#define TIMELINE_SLOTS 32
/* Step names are padded to this width so the columns line up. */
#define NAME_WIDTH 28

static uint64_t step_ticks[TIMELINE_SLOTS];

static void timeline_mark(unsigned int step)
{
	step_ticks[step < TIMELINE_SLOTS ? step : TIMELINE_SLOTS - 1] = read_cntpct();
}

/* Printed with the console's helpers: the timeline must not pull printf into the image it times. */
static void timeline_print(uint64_t main_ticks)
{
	uint64_t hz;
	uint64_t prev = entry_ticks;
	unsigned int n = (unsigned int)(__kiln_init_end - __kiln_init_start);

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(hz));
	/* The counter's frequency differs by board: report it beside the ticks. */
	kiln_console_puts("kiln: boot ticks ");
	kiln_console_put_dec(main_ticks - entry_ticks);
	kiln_console_puts(" (entry to main, CNTFRQ ");
	kiln_console_put_dec(hz);
	kiln_console_puts(" Hz)\n");
	for (unsigned int i = 0; i < n && i < TIMELINE_SLOTS; i++) {
		const char *name = __kiln_init_start[i].name;
		unsigned int len = 0;

		kiln_console_puts("kiln: boot stage ");
		kiln_console_puts(name);
		while (name[len])
			len++;
		while (len++ < NAME_WIDTH)
			kiln_console_puts(" ");
		kiln_console_puts(" at ");
		kiln_console_put_dec(step_ticks[i] - entry_ticks);
		kiln_console_puts(" ticks (+");
		kiln_console_put_dec(step_ticks[i] - prev);
		kiln_console_puts(")\n");
		prev = step_ticks[i];
	}
}
#else
static inline void timeline_mark(unsigned int step)
{
	(void)step;
}
#endif

void kiln_boot_main(uint64_t ticks, uintptr_t handoff, unsigned int entry_level)
{
	static char name[] = "kiln";
	static char *argv[] = { name, 0 };
	char **args = argv;
	int argc = 1;
	unsigned int step = 0;

	entry_ticks = ticks;
	kiln_machine()->handoff = handoff;
	kiln_machine()->entry_level = entry_level;
#ifdef CONFIG_LIBBOOT_PAINT_STACKS
	{
		/* Everything below this frame is unused yet; leave a margin for the calls that paint. */
		uintptr_t sp = (uintptr_t)__builtin_frame_address(0) - 256;

		kiln_stack_paint((uintptr_t)__stack_bottom, sp & ~(uintptr_t)15);
		kiln_stack_paint((uintptr_t)__exception_stack_bottom, (uintptr_t)__exception_stack_top);
	}
#endif
	kiln_arm64_tls_init();
	kiln_platform_bind();
	for (const struct kiln_init_entry *e = __kiln_init_start; e < __kiln_init_end; e++, step++) {
		int err;

		fail_reason = 0;
		err = e->fn();
		if (err)
			init_failed(e, err);
		timeline_mark(step);
	}
#ifdef CONFIG_LIBBOOT_TIMELINE
	timeline_print(read_cntpct());
#endif
	/* C and C++ constructors, once every library is up; exit() runs the destructors. */
	__libc_init_array();
#ifdef CONFIG_LIBPOSIX_PROCESS
	kiln_process_args(&argc, &args);
#endif
	/*
	 * Through a pointer the optimizer cannot see through: link-time
	 * optimization would otherwise inline main() here, and the size
	 * report would count the application's code as the boot library's.
	 */
	{
		int (*volatile application)(int, char **) = main;

		exit(application(argc, args));
	}
}
