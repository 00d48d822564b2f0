/* SPDX-License-Identifier: MIT */
/*
 * Crash, the "thread-stack" fault: a thread recurses until its stack hits
 * the guard page below it. Compiled when the image has threads
 * (library.yaml keys it on LIBSCHED).
 */
#include <stdio.h>
#include <kiln/sched.h>

void crash_thread_stack(void);

static int __attribute__((noinline)) dive(volatile char *previous, int depth)
{
	volatile char frame[512];

	/* Never true before the stack runs out; it tells the compiler the recursion ends. */
	if (depth == 1 << 30)
		return depth;
	frame[0] = (char)depth;
	frame[511] = previous ? previous[0] : 0;
	return dive(frame, depth + 1) + frame[1];
}

static void overflow(void *arg)
{
	(void)arg;
	dive(0, 0);
}

void crash_thread_stack(void)
{
	struct kiln_thread *t = kiln_thread_create("diver", overflow, 0, 8192);

	if (t)
		kiln_thread_join(t);
	printf("crash: the thread came back\n");
}
