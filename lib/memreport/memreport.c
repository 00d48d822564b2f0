/* SPDX-License-Identifier: MIT */
/*
 * Memory report: static sizes from the linker script's symbols, stack
 * high-water marks from painting, heap peak from the allocator API's
 * statistics. Registered with atexit() so it prints however main() ends.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <kiln/alloc.h>
#include <kiln/arm64/sections.h>
#include <kiln/console.h>
#include <kiln/init.h>
#include <kiln/memreport.h>
#include <kiln/stack.h>

#define SPAN(a, b) ((size_t)((uintptr_t)(b) - (uintptr_t)(a)))

void kiln_memreport_read(struct kiln_memreport *r)
{
	struct kiln_alloc_stats heap;

	kiln_alloc_total(&heap);
	r->text = SPAN(__image_start, __text_end);
	r->rodata = SPAN(__rodata_start, __rodata_end);
	r->data = SPAN(__data_start, __bss_end);
	r->static_bytes = SPAN(__image_start, __bss_end);
	r->stack_bytes = SPAN(__stack_bottom, __stack_top) + SPAN(__exception_stack_bottom, __exception_stack_top);
	r->boot_stack_used = kiln_boot_stack_high_water();
	r->exception_stack_used = kiln_exception_stack_high_water();
	r->heap_peak = heap.peak;
	r->footprint = r->static_bytes + r->stack_bytes + r->heap_peak;
}

/* Formats with the console's helpers, not printf: the report must not make the image it measures grow. */
static void line(const char *label, size_t bytes, const char *rest)
{
	kiln_console_puts("kiln: memory: ");
	kiln_console_puts(label);
	kiln_console_put_dec(bytes);
	kiln_console_puts(" bytes");
	kiln_console_puts(rest);
}

static void field(const char *label, size_t bytes, const char *after)
{
	kiln_console_puts(label);
	kiln_console_put_dec(bytes);
	kiln_console_puts(after);
}

void kiln_memreport_print(void)
{
	struct kiln_memreport r;
	struct kiln_alloc_stats boot, app;

	fflush(stdout);
	kiln_memreport_read(&r);
	kiln_alloc_stats(KILN_ALLOC_BOOT, &boot);
	kiln_alloc_stats(KILN_ALLOC_APP, &app);
	line("static ", r.static_bytes, " (");
	field("text ", r.text, ", ");
	field("rodata ", r.rodata, ", ");
	field("data and bss ", r.data, "; page aligned)\n");
	line("stacks ", r.stack_bytes, " reserved (");
	field("boot ", SPAN(__stack_bottom, __stack_top), ", ");
	field("used ", r.boot_stack_used, "; ");
	field("exception ", SPAN(__exception_stack_bottom, __exception_stack_top), ", ");
	field("used ", r.exception_stack_used, ")\n");
	line("heap peak ", r.heap_peak, " (boot allocator ");
	kiln_console_puts(kiln_alloc_name(KILN_ALLOC_BOOT));
	field(" ", boot.peak, ", application allocator ");
	kiln_console_puts(kiln_alloc_name(KILN_ALLOC_APP));
	field(" ", app.peak, "; ");
	field("", boot.failures + app.failures, " failed requests)\n");
	line("footprint ", r.footprint, " (static + stacks + heap peak)\n");
}

static int kiln_memreport_init(void)
{
	if (atexit(kiln_memreport_print))
		return kiln_init_fail(-ENOMEM, "memreport: no room left for an atexit() handler");
	return 0;
}

KILN_INIT(kiln_memreport_init, KILN_INIT_LATE);
