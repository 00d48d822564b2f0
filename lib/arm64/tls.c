/* SPDX-License-Identifier: MIT */
/*
 * Thread-local storage for the boot thread.
 *
 * picolibc keeps errno and a few other variables thread-local and is built
 * for the local-exec model: TPIDR_EL0 points at a 16-byte thread control
 * block and the TLS block follows it, aligned to the TLS segment's
 * alignment. The linker script reserves __kiln_tls_area for it.
 */
#include <stdint.h>
#include <string.h>

extern char __tdata_start[], __tdata_end[], __tbss_size[], __tbss_offset[];
extern char __tls_align[], __kiln_tls_area[];

void kiln_arm64_tls_init(void);

void kiln_arm64_tls_init(void)
{
	uintptr_t align = (uintptr_t)__tls_align;
	uintptr_t tcb = 16;
	uintptr_t first = (tcb + align - 1) & ~(align - 1);
	char *block = __kiln_tls_area;

	memcpy(block + first, __tdata_start, (size_t)(__tdata_end - __tdata_start));
	memset(block + first + (uintptr_t)__tbss_offset, 0, (size_t)(uintptr_t)__tbss_size);
	__asm__ volatile("msr tpidr_el0, %0" : : "r"(block));
}
