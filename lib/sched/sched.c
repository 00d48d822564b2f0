/* SPDX-License-Identifier: MIT */
/*
 * Scheduler API: forwards to the scheduler the image binds.
 */
#include <errno.h>
#include <kiln/init.h>
#include <kiln/sched.h>
#include <kiln/sched_impl.h>
#include <kiln/time.h>
#include <kiln/time_impl.h>

static const struct kiln_sched_ops *ops;
static void *sched;

void kiln_sched_register(const struct kiln_sched_ops *o, void *self)
{
	ops = o;
	sched = self;
}

struct kiln_thread *kiln_thread_create(const char *name, kiln_thread_fn fn, void *arg, size_t stack_size)
{
	return ops->create(sched, name, fn, arg, stack_size);
}

void kiln_thread_yield(void)
{
	ops->yield(sched);
}

void kiln_thread_sleep_until_ns(uint64_t deadline_ns)
{
	ops->sleep_until(sched, deadline_ns);
}

void kiln_thread_sleep_ns(uint64_t ns)
{
	ops->sleep_until(sched, kiln_time_now_ns() + ns);
}

void kiln_thread_block(void)
{
	ops->block(sched);
}

void kiln_thread_wake(struct kiln_thread *thread)
{
	ops->wake(sched, thread);
}

void kiln_thread_exit(void)
{
	ops->exit(sched);
}

int kiln_thread_join(struct kiln_thread *thread)
{
	return ops->join(sched, thread);
}

struct kiln_thread *kiln_thread_self(void)
{
	return ops->current(sched);
}

const char *kiln_thread_name(const struct kiln_thread *thread)
{
	return ops->name_of(sched, thread);
}

size_t kiln_thread_stack_high_water(const struct kiln_thread *thread)
{
	return ops->stack_high_water(sched, thread);
}

/* The time library's sleeps (nanosleep() too) put only the calling thread to sleep. */
static void sleep_this_thread(uint64_t deadline_ns)
{
	ops->sleep_until(sched, deadline_ns);
}

static int kiln_sched_init(void)
{
	if (!ops)
		return kiln_init_fail(-ENODEV, "sched: no scheduler registered");
	ops->init(sched);
	kiln_time_set_sleeper(sleep_this_thread);
	return 0;
}

KILN_INIT(kiln_sched_init, KILN_INIT_SCHED);
