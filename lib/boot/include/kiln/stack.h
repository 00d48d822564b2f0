/* SPDX-License-Identifier: MIT */
/*
 * Stack high-water marks by painting: a stack is filled with a known byte
 * before use; later, the lowest byte that no longer holds it is as deep as
 * the stack ever went.
 */
#ifndef KILN_STACK_H
#define KILN_STACK_H

#include <stddef.h>
#include <stdint.h>

/** The byte unused stack holds. */
#define KILN_STACK_PAINT 0x5a

/** kiln_stack_paint() - fill [@lo, @hi) with the paint byte (16-byte aligned bounds). */
void kiln_stack_paint(uintptr_t lo, uintptr_t hi);

/** kiln_stack_high_water() - bytes of the painted stack [@lo, @hi) that have been used. */
size_t kiln_stack_high_water(uintptr_t lo, uintptr_t hi);

/** kiln_boot_stack_high_water() - the boot stack's, when LIBBOOT_PAINT_STACKS painted it. */
size_t kiln_boot_stack_high_water(void);

/** kiln_exception_stack_high_water() - the exception stack's, likewise. */
size_t kiln_exception_stack_high_water(void);

#endif /* KILN_STACK_H */
