/* SPDX-License-Identifier: MIT */
/*
 * Context switch between threads, for schedulers.
 *
 * A switch is a function call, so only what the AAPCS64 says a callee
 * must preserve is saved: x19-x28, the frame pointer, the link register,
 * the stack pointer, the low 64 bits of v8-v15 (FP/SIMD stays enabled in
 * threads), FPCR, and the thread pointer TPIDR_EL0 (picolibc's TLS).
 */
#ifndef KILN_ARM64_CONTEXT_H
#define KILN_ARM64_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

/**
 * struct kiln_arm64_context - a suspended thread's registers.
 * @x19_x28: callee-saved general registers
 * @fp:      x29
 * @lr:      x30: where the thread resumes
 * @sp:      its stack pointer
 * @d8_d15:  callee-saved FP/SIMD registers (low halves)
 * @fpcr:    floating-point control
 * @tpidr:   thread pointer (TLS block)
 */
struct kiln_arm64_context {
	uint64_t x19_x28[10];
	uint64_t fp;
	uint64_t lr;
	uint64_t sp;
	uint64_t d8_d15[8];
	uint64_t fpcr;
	uint64_t tpidr;
};

/**
 * kiln_arm64_context_switch() - save the running thread in @from, resume @to.
 *
 * Returns (in @from's thread) when something switches back to @from.
 */
void kiln_arm64_context_switch(struct kiln_arm64_context *from, const struct kiln_arm64_context *to);

/**
 * kiln_arm64_context_init() - a context that starts a new thread.
 * @ctx:       filled in
 * @stack_top: 16-byte aligned top of the thread's stack
 * @tls:       the thread's TLS block (see kiln_arm64_tls_block_init())
 * @entry:     first function the thread runs, given @arg
 * @arg:       its argument
 * @done:      called if @entry returns; must not return
 */
void kiln_arm64_context_init(struct kiln_arm64_context *ctx, uintptr_t stack_top, void *tls,
			     void (*entry)(void *), void *arg, void (*done)(void));

/** kiln_arm64_tls_block_size() - bytes a thread's TLS block needs (16-byte multiple). */
size_t kiln_arm64_tls_block_size(void);

/**
 * kiln_arm64_tls_block_init() - fill a TLS block from the image's template.
 * @block: kiln_arm64_tls_block_size() bytes, 16-byte aligned
 *
 * Return: the thread pointer value for the block.
 */
void *kiln_arm64_tls_block_init(void *block);

#endif /* KILN_ARM64_CONTEXT_H */
