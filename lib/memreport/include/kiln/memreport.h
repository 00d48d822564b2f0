/* SPDX-License-Identifier: MIT */
/*
 * Memory report: what the image used, printed when it exits.
 */
#ifndef KILN_MEMREPORT_H
#define KILN_MEMREPORT_H

#include <stddef.h>

/**
 * struct kiln_memreport - the image's memory use.
 * @text:            code, page aligned
 * @rodata:          constants and the init table, page aligned
 * @data:            data, TLS template, bss (with the boot thread's TLS)
 * @static_bytes:    the image in RAM before its stacks (text to end of bss)
 * @stack_bytes:     boot and exception stacks, as reserved
 * @boot_stack_used: deepest the boot stack went (painted)
 * @exception_stack_used: deepest the exception stack went
 * @heap_peak:       most bytes both allocators had given out at once
 * @footprint:       static + stacks + heap peak
 */
struct kiln_memreport {
	size_t text;
	size_t rodata;
	size_t data;
	size_t static_bytes;
	size_t stack_bytes;
	size_t boot_stack_used;
	size_t exception_stack_used;
	size_t heap_peak;
	size_t footprint;
};

/** kiln_memreport_read() - the figures now. */
void kiln_memreport_read(struct kiln_memreport *out);

/** kiln_memreport_print() - print them ("kiln: memory: ..." lines); also runs at exit. */
void kiln_memreport_print(void);

#endif /* KILN_MEMREPORT_H */
