/* SPDX-License-Identifier: MIT */
/*
 * Thread-local storage.
 *
 * picolibc keeps errno and a few other variables thread-local and is built
 * for the local-exec model: TPIDR_EL0 points at a 16-byte thread control
 * block and the TLS block follows it, aligned to the TLS segment's
 * alignment. The linker script reserves __kiln_tls_area for the boot
 * thread; schedulers make one block per thread.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <kiln/arm64/context.h>
#include <kiln/arm64/sections.h>

/* Thread control block in front of the TLS data (AArch64 TLS variant 1). */
#define TCB_SIZE 16

void kiln_arm64_tls_init(void);
void kiln_arm64_thread_start(void);

static uintptr_t tls_data_offset(void)
{
	uintptr_t align = (uintptr_t)__tls_align;

	return (TCB_SIZE + align - 1) & ~(align - 1);
}

size_t kiln_arm64_tls_block_size(void)
{
	size_t n = tls_data_offset() + (uintptr_t)__tbss_offset + (uintptr_t)__tbss_size;

	return (n + 15) & ~(size_t)15;
}

void *kiln_arm64_tls_block_init(void *block)
{
	char *b = block;
	uintptr_t first = tls_data_offset();

	memset(b, 0, first);
	memcpy(b + first, __tdata_start, (size_t)(__tdata_end - __tdata_start));
	memset(b + first + (uintptr_t)__tbss_offset, 0, (size_t)(uintptr_t)__tbss_size);
	return b;
}

void kiln_arm64_tls_init(void)
{
	void *tp = kiln_arm64_tls_block_init(__kiln_tls_area);

	__asm__ volatile("msr tpidr_el0, %0" : : "r"(tp));
}

void kiln_arm64_context_init(struct kiln_arm64_context *ctx, uintptr_t stack_top, void *tls,
			     void (*entry)(void *), void *arg, void (*done)(void))
{
	uint64_t fpcr;

	memset(ctx, 0, sizeof(*ctx));
	__asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
	ctx->x19_x28[0] = (uintptr_t)entry;
	ctx->x19_x28[1] = (uintptr_t)arg;
	ctx->x19_x28[2] = (uintptr_t)done;
	ctx->lr = (uintptr_t)kiln_arm64_thread_start;
	ctx->sp = stack_top & ~(uintptr_t)15;
	ctx->fpcr = fpcr;
	ctx->tpidr = (uintptr_t)tls;
}

/* context.S uses these offsets. */
_Static_assert(offsetof(struct kiln_arm64_context, fp) == 80, "context layout");
_Static_assert(offsetof(struct kiln_arm64_context, sp) == 96, "context layout");
_Static_assert(offsetof(struct kiln_arm64_context, d8_d15) == 104, "context layout");
_Static_assert(offsetof(struct kiln_arm64_context, fpcr) == 168, "context layout");
_Static_assert(offsetof(struct kiln_arm64_context, tpidr) == 176, "context layout");
