/* SPDX-License-Identifier: MIT */
/*
 * Scheduler API for implementers only: schedulers include this; users of
 * threads include <kiln/sched.h>. Each scheduler defines struct
 * kiln_thread its own way.
 */
#ifndef KILN_SCHED_IMPL_H
#define KILN_SCHED_IMPL_H

#include <kiln/sched.h>

/**
 * struct kiln_sched_ops - what a scheduler provides; @self is its state.
 * @name:        short name, e.g. "cooperative"
 * @init:        adopt the calling (boot) thread as the thread running main()
 * @create:      kiln_thread_create()
 * @yield:       kiln_thread_yield()
 * @sleep_until: kiln_thread_sleep_until_ns()
 * @block:       kiln_thread_block()
 * @wake:        kiln_thread_wake()
 * @exit:        kiln_thread_exit()
 * @join:        kiln_thread_join()
 * @current:     kiln_thread_self()
 * @name_of:     kiln_thread_name()
 * @stack_high_water: kiln_thread_stack_high_water()
 */
struct kiln_sched_ops {
	const char *name;
	void (*init)(void *self);
	struct kiln_thread *(*create)(void *self, const char *name, kiln_thread_fn fn, void *arg, size_t stack_size);
	void (*yield)(void *self);
	void (*sleep_until)(void *self, uint64_t deadline_ns);
	void (*block)(void *self);
	void (*wake)(void *self, struct kiln_thread *thread);
	void (*exit)(void *self) __attribute__((noreturn));
	int (*join)(void *self, struct kiln_thread *thread);
	struct kiln_thread *(*current)(void *self);
	const char *(*name_of)(void *self, const struct kiln_thread *thread);
	size_t (*stack_high_water)(void *self, const struct kiln_thread *thread);
};

/**
 * kiln_sched_register() - make (@ops, @self) the image's scheduler.
 *
 * Called from the generated kiln_platform_bind(); @init runs at the
 * KILN_INIT_SCHED step, and from then on sleeping through the time
 * library (nanosleep() included) puts only the calling thread to sleep.
 */
void kiln_sched_register(const struct kiln_sched_ops *ops, void *self);

#endif /* KILN_SCHED_IMPL_H */
