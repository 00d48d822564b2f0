/* SPDX-License-Identifier: MIT */
/*
 * Scheduler API: threads, whatever scheduler runs them.
 *
 * Only images whose scheduler runs threads have this library (Kconfig
 * "Scheduler" choice); with the scheduler "none" the image runs to
 * completion, and an event loop (<kiln/event.h>) is the way to interleave
 * work. The thread that ran the init table runs main() and is a thread
 * like the others; when main() returns the image ends, whatever other
 * threads are doing.
 */
#ifndef KILN_SCHED_H
#define KILN_SCHED_H

#include <stddef.h>
#include <stdint.h>

struct kiln_thread;

/** What a thread runs; returning from it ends the thread. */
typedef void (*kiln_thread_fn)(void *arg);

/**
 * kiln_thread_create() - start a thread.
 * @name:       for reports (kept by reference: use a string that lives on)
 * @fn:         what it runs, given @arg
 * @arg:        its argument
 * @stack_size: bytes of stack, 0 for the scheduler's default
 *
 * Return: the thread (join it to free it), or NULL when there is no memory.
 */
struct kiln_thread *kiln_thread_create(const char *name, kiln_thread_fn fn, void *arg, size_t stack_size);

/** kiln_thread_yield() - let other ready threads run first. */
void kiln_thread_yield(void);

/** kiln_thread_sleep_until_ns() - this thread waits until the clock reaches @deadline_ns. */
void kiln_thread_sleep_until_ns(uint64_t deadline_ns);

/** kiln_thread_sleep_ns() - this thread waits @ns nanoseconds; others run meanwhile. */
void kiln_thread_sleep_ns(uint64_t ns);

/**
 * kiln_thread_block() - this thread waits until kiln_thread_wake() names it.
 *
 * Check the condition you wait for before blocking and again after:
 * a wake-up says "look again", not "it is true".
 */
void kiln_thread_block(void);

/** kiln_thread_wake() - make a blocked thread ready; no effect on a thread that is not blocked. */
void kiln_thread_wake(struct kiln_thread *thread);

/** kiln_thread_exit() - end this thread (as returning from its function does). */
void kiln_thread_exit(void) __attribute__((noreturn));

/**
 * kiln_thread_join() - wait for @thread to end, then free it.
 *
 * Return: 0, or -1 if @thread cannot be joined (it is the caller, or the
 * thread that runs main()).
 */
int kiln_thread_join(struct kiln_thread *thread);

/** kiln_thread_self() - the calling thread. */
struct kiln_thread *kiln_thread_self(void);

/** kiln_thread_name() - a thread's name. */
const char *kiln_thread_name(const struct kiln_thread *thread);

/** kiln_thread_stack_high_water() - bytes of its stack a thread has used at most (its stack is painted). */
size_t kiln_thread_stack_high_water(const struct kiln_thread *thread);

#endif /* KILN_SCHED_H */
