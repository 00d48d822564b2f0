/* SPDX-License-Identifier: MIT */
/*
 * Cooperative scheduler: a thread runs until it yields, sleeps, blocks or
 * ends; then the next ready thread (first in, first out) runs. When none
 * is ready the core idles in WFI until the earliest sleeper is due.
 *
 * Each thread's stack sits above a guard page the MMU leaves unmapped, so
 * an overflow is a crash report naming the thread, not silent corruption.
 */
#ifndef SCHED_COOP_H
#define SCHED_COOP_H

#include <kiln/arm64/context.h>
#include <kiln/sched_impl.h>

/**
 * struct kiln_thread - one thread of the cooperative scheduler.
 * @ctx:       saved registers while it is not running
 * @name:      its name
 * @state:     running, ready, sleeping, blocked or exited
 * @wake_ns:   when a sleeping thread is due
 * @next:      link in the ready queue or the sleep list
 * @all_next:  link in the list of every thread
 * @joiner:    the thread waiting for this one to end
 * @block:     allocation holding guard page, stack, TLS (NULL for main's thread)
 * @guard:     guard page address, 0 if none
 * @stack_lo:  lowest byte of the stack
 * @stack_hi:  first byte above it
 * @fn:        what it runs
 * @arg:       the argument
 */
struct kiln_thread {
	struct kiln_arm64_context ctx;
	const char *name;
	int state;
	uint64_t wake_ns;
	struct kiln_thread *next;
	struct kiln_thread *all_next;
	struct kiln_thread *joiner;
	void *block;
	uintptr_t guard;
	uintptr_t stack_lo;
	uintptr_t stack_hi;
	kiln_thread_fn fn;
	void *arg;
};

/**
 * struct kiln_coop - the scheduler's state.
 * @main:       the thread that ran the init table and runs main()
 * @current:    the running thread
 * @ready:      head of the ready queue
 * @ready_tail: its tail
 * @sleeping:   sleeping threads, earliest first
 * @all:        every thread
 */
struct kiln_coop {
	struct kiln_thread main;
	struct kiln_thread *current;
	struct kiln_thread *ready;
	struct kiln_thread *ready_tail;
	struct kiln_thread *sleeping;
	struct kiln_thread *all;
};

/** Scheduler API operations of the cooperative scheduler. */
extern const struct kiln_sched_ops kiln_coop_ops;

#endif /* SCHED_COOP_H */
