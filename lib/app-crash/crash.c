/* SPDX-License-Identifier: MIT */
/*
 * Crash: makes one fault on purpose. The test that runs it expects the
 * crash report and a failure status; reaching the end of main() is the
 * failure.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <kiln/arm64/sections.h>
#include <kiln/config.h>

/* "thread-stack" needs threads: thread.c replaces this when the image has them. */
void __attribute__((weak)) crash_thread_stack(void)
{
	printf("crash: \"thread-stack\" needs a scheduler that runs threads\n");
}

static const uint32_t not_code[2] = { 0xd503201f, 0xd65f03c0 };   /* nop; ret */

/* Deep recursion the compiler cannot turn into a loop. */
static int __attribute__((noinline)) recurse(volatile char *previous, int depth)
{
	volatile char frame[512];

	/* Never true before the stack runs out; it tells the compiler the recursion ends. */
	if (depth == 1 << 30)
		return depth;
	frame[0] = (char)depth;
	frame[511] = previous ? previous[0] : 0;
	return recurse(frame, depth + 1) + frame[1];
}

int main(int argc, char **argv)
{
	const char *fault = CONFIG_APP_CRASH_FAULT;

	(void)argc;
	(void)argv;
	printf("crash: making fault \"%s\"\n", fault);
	fflush(stdout);
	if (!strcmp(fault, "null")) {
		volatile int *null = 0;

		printf("crash: read %d\n", *null);
	} else if (!strcmp(fault, "text")) {
		volatile uint32_t *code = (volatile uint32_t *)__text_start;

		*code = 0;
	} else if (!strcmp(fault, "rodata-exec")) {
		void (*fn)(void) = (void (*)(void))(uintptr_t)not_code;

		fn();
	} else if (!strcmp(fault, "stack")) {
		recurse(0, 0);
	} else if (!strcmp(fault, "thread-stack")) {
		crash_thread_stack();
	} else if (!strcmp(fault, "undefined")) {
		__asm__ volatile("udf #0");
	} else {
		printf("crash: unknown fault \"%s\"\n", fault);
		return 2;
	}
	printf("crash: survived fault \"%s\": the MMU did not catch it\n", fault);
	return 1;
}
