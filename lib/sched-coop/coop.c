/* SPDX-License-Identifier: MIT */
/*
 * Cooperative scheduler. No preemption, so no locks: between two calls
 * into the scheduler a thread has the core to itself. Interrupt handlers
 * never touch the queues (they only end the timer's alarm).
 *
 * A thread's memory is one block from the allocator, page aligned:
 *
 *   | guard page | stack (painted) ... | TLS block | struct kiln_thread |
 *   low                                                          high
 *
 * The stack grows down towards the guard page, away from the rest.
 */
#include <stdint.h>
#include <string.h>
#include <kiln/alloc.h>
#include <kiln/arm64/exception.h>
#include <kiln/arm64/sections.h>
#include <kiln/config.h>
#include <kiln/stack.h>
#include <kiln/time.h>
#include <sched-coop/coop.h>
#ifdef CONFIG_LIBSCHEDCOOP_GUARD_PAGES
#include <kiln/arm64/mmu.h>
#endif

#define PAGE 4096u

enum { RUNNING, READY, SLEEPING, BLOCKED, EXITED };

static struct kiln_coop *coop;

static void push_ready(struct kiln_coop *s, struct kiln_thread *t)
{
	t->state = READY;
	t->next = 0;
	if (s->ready_tail)
		s->ready_tail->next = t;
	else
		s->ready = t;
	s->ready_tail = t;
}

static struct kiln_thread *pop_ready(struct kiln_coop *s)
{
	struct kiln_thread *t = s->ready;

	if (t) {
		s->ready = t->next;
		if (!s->ready)
			s->ready_tail = 0;
	}
	return t;
}

/* Moves every sleeper that is due to the ready queue. */
static void wake_sleepers(struct kiln_coop *s)
{
	uint64_t now;

	if (!s->sleeping)
		return;
	now = kiln_time_now_ns();
	while (s->sleeping && s->sleeping->wake_ns <= now) {
		struct kiln_thread *t = s->sleeping;

		s->sleeping = t->next;
		push_ready(s, t);
	}
}

/*
 * The current thread has left the running state (its caller queued it, or
 * not): run the next ready thread, idling until a sleeper is due if none
 * is. Returns when the current thread runs again.
 */
static void schedule(struct kiln_coop *s)
{
	struct kiln_thread *prev = s->current, *next;

	for (;;) {
		wake_sleepers(s);
		next = pop_ready(s);
		if (next)
			break;
		if (!s->sleeping)
			kiln_arm64_crash("sched: every thread is blocked or waiting for another: nothing can ever run");
		kiln_time_idle_until_ns(s->sleeping->wake_ns);
	}
	next->state = RUNNING;
	if (next == prev)
		return;
	s->current = next;
	kiln_arm64_context_switch(&prev->ctx, &next->ctx);
}

static void coop_yield(void *self)
{
	struct kiln_coop *s = self;

	push_ready(s, s->current);
	schedule(s);
}

static void coop_sleep_until(void *self, uint64_t deadline_ns)
{
	struct kiln_coop *s = self;
	struct kiln_thread *t = s->current, **p = &s->sleeping;

	if (kiln_time_now_ns() >= deadline_ns)
		return;
	t->state = SLEEPING;
	t->wake_ns = deadline_ns;
	while (*p && (*p)->wake_ns <= deadline_ns)
		p = &(*p)->next;
	t->next = *p;
	*p = t;
	schedule(s);
}

static void coop_block(void *self)
{
	struct kiln_coop *s = self;

	s->current->state = BLOCKED;
	schedule(s);
}

static void coop_wake(void *self, struct kiln_thread *t)
{
	if (t->state == BLOCKED)
		push_ready(self, t);
}

static void __attribute__((noreturn)) coop_exit(void *self)
{
	struct kiln_coop *s = self;
	struct kiln_thread *t = s->current;

	if (t == &s->main)
		kiln_arm64_crash("sched: the thread running main() cannot exit; return from main() instead");
	t->state = EXITED;
	if (t->joiner)
		coop_wake(s, t->joiner);
	schedule(s);
	kiln_arm64_crash("sched: an exited thread was resumed");
}

/* Where a thread's function returns to. */
static void thread_return(void)
{
	coop_exit(coop);
}

static struct kiln_thread *coop_create(void *self, const char *name, kiln_thread_fn fn, void *arg, size_t stack_size)
{
	struct kiln_coop *s = self;
	size_t tls = kiln_arm64_tls_block_size();
	size_t meta = (tls + sizeof(struct kiln_thread) + 15) & ~(size_t)15;
	uintptr_t base;
	struct kiln_thread *t;
	char *block;

	if (!stack_size)
		stack_size = CONFIG_LIBSCHEDCOOP_STACK_SIZE;
	stack_size = (stack_size + 15) & ~(size_t)15;
	block = kiln_memalign(PAGE, PAGE + stack_size + meta);
	if (!block)
		return 0;
	base = (uintptr_t)block;
	t = (struct kiln_thread *)(base + PAGE + stack_size + tls);
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->block = block;
	t->stack_lo = base + PAGE;
	t->stack_hi = base + PAGE + stack_size;
	t->fn = fn;
	t->arg = arg;
#ifdef CONFIG_LIBSCHEDCOOP_GUARD_PAGES
	if (kiln_mmu_enabled() && !kiln_mmu_set(base, PAGE, KILN_MMU_NONE))
		t->guard = base;
#endif
	kiln_stack_paint(t->stack_lo, t->stack_hi);
	kiln_arm64_context_init(&t->ctx, t->stack_hi, kiln_arm64_tls_block_init((void *)t->stack_hi), fn, arg,
				thread_return);
	t->all_next = s->all;
	s->all = t;
	push_ready(s, t);
	return t;
}

static int coop_join(void *self, struct kiln_thread *t)
{
	struct kiln_coop *s = self;
	struct kiln_thread **p;

	if (t == s->current || t == &s->main || t->joiner)
		return -1;
	while (t->state != EXITED) {
		t->joiner = s->current;
		coop_block(s);
	}
	for (p = &s->all; *p; p = &(*p)->all_next) {
		if (*p == t) {
			*p = t->all_next;
			break;
		}
	}
#ifdef CONFIG_LIBSCHEDCOOP_GUARD_PAGES
	/* The guard page goes back to the allocator mapped, as it came. */
	if (t->guard)
		kiln_mmu_set(t->guard, PAGE, KILN_MMU_RW);
#endif
	kiln_free(t->block);
	return 0;
}

static struct kiln_thread *coop_current(void *self)
{
	return ((struct kiln_coop *)self)->current;
}

static const char *coop_name_of(void *self, const struct kiln_thread *t)
{
	(void)self;
	return t->name;
}

static size_t coop_stack_high_water(void *self, const struct kiln_thread *t)
{
	(void)self;
	return kiln_stack_high_water(t->stack_lo, t->stack_hi);
}

/* Crash reports: say whose guard page a fault hit. */
static const char *describe(uintptr_t address)
{
	static const char prefix[] = "the guard page below the stack of thread ";
	static const char suffix[] = ": stack overflow";
	static char what[sizeof(prefix) + 32 + sizeof(suffix)];

	for (struct kiln_thread *t = coop->all; t; t = t->all_next) {
		if (t->guard && address >= t->guard && address < t->guard + PAGE) {
			const char *name = t->name ? t->name : "?";
			size_t n = sizeof(prefix) - 1;

			memcpy(what, prefix, n);
			while (*name && n < sizeof(what) - sizeof(suffix))
				what[n++] = *name++;
			memcpy(what + n, suffix, sizeof(suffix));
			return what;
		}
	}
	return 0;
}

static void coop_init(void *self)
{
	struct kiln_coop *s = self;

	coop = s;
	s->main.name = "main";
	s->main.state = RUNNING;
	s->main.stack_lo = (uintptr_t)__stack_bottom;
	s->main.stack_hi = (uintptr_t)__stack_top;
	s->main.guard = (uintptr_t)__stack_guard;
	s->all = &s->main;
	s->current = &s->main;
	kiln_arm64_set_fault_describer(describe);
}

const struct kiln_sched_ops kiln_coop_ops = {
	.name = "cooperative",
	.init = coop_init,
	.create = coop_create,
	.yield = coop_yield,
	.sleep_until = coop_sleep_until,
	.block = coop_block,
	.wake = coop_wake,
	.exit = coop_exit,
	.join = coop_join,
	.current = coop_current,
	.name_of = coop_name_of,
	.stack_high_water = coop_stack_high_water,
};
