/* SPDX-License-Identifier: MIT */
/*
 * Stack painting, with word-sized stores and loads.
 */
#include <stdint.h>
#include <kiln/arm64/sections.h>
#include <kiln/stack.h>

#define PAINT_WORD (0x0101010101010101ull * KILN_STACK_PAINT)

void kiln_stack_paint(uintptr_t lo, uintptr_t hi)
{
	/* Two words a step (one STP): the bounds are 16-byte aligned. */
	for (volatile uint64_t *p = (uint64_t *)lo; (uintptr_t)p < hi; p += 2) {
		p[0] = PAINT_WORD;
		p[1] = PAINT_WORD;
	}
}

size_t kiln_stack_high_water(uintptr_t lo, uintptr_t hi)
{
	const uint64_t *p = (const uint64_t *)lo;

	while ((uintptr_t)p < hi && *p == PAINT_WORD)
		p++;
	return hi - (uintptr_t)p;
}

size_t kiln_boot_stack_high_water(void)
{
	return kiln_stack_high_water((uintptr_t)__stack_bottom, (uintptr_t)__stack_top);
}

size_t kiln_exception_stack_high_water(void)
{
	return kiln_stack_high_water((uintptr_t)__exception_stack_bottom, (uintptr_t)__exception_stack_top);
}
