/* SPDX-License-Identifier: MIT */
/*
 * posix-pthread's own declarations, shared by its sources.
 */
#ifndef KILN_POSIX_PTHREAD_PRIVATE_H
#define KILN_POSIX_PTHREAD_PRIVATE_H

#include <pthread.h>
#include <kiln/config.h>
#include <kiln/sched.h>

#define KEYS CONFIG_LIBPOSIX_PTHREAD_KEYS

/**
 * struct kiln_pthread - a POSIX thread over a scheduler thread.
 * @thread:   the scheduler's thread
 * @start, @arg: what it runs
 * @result:   what it returned or gave pthread_exit()
 * @detached: nobody will join it: it is reaped once it has ended
 * @done:     it has ended
 * @next:     in the list of ended detached threads waiting to be reaped
 * @keys:     its thread-specific values
 */
struct kiln_pthread {
	struct kiln_thread *thread;
	void *(*start)(void *);
	void *arg;
	void *result;
	unsigned char detached;
	unsigned char done;
	struct kiln_pthread *next;
	void *keys[KEYS];
};

/**
 * struct kiln_pthread_waiter - a thread waiting on a mutex or condition
 * variable; it lives on the waiting thread's stack.
 * @next:   the next waiter (first come, first served)
 * @who:    the waiting thread
 * @woken:  set by whoever lets it go
 */
struct kiln_pthread_waiter {
	struct kiln_pthread_waiter *next;
	struct kiln_pthread *who;
	int woken;
};

/** kiln_pthread_enqueue() - add @w at the end of @queue. */
void kiln_pthread_enqueue(struct kiln_pthread_waiter **queue, struct kiln_pthread_waiter *w);

/** kiln_pthread_dequeue() - take the first waiter of @queue, or NULL. */
struct kiln_pthread_waiter *kiln_pthread_dequeue(struct kiln_pthread_waiter **queue);

/** kiln_pthread_unqueue() - take @w out of @queue if it is there. */
void kiln_pthread_unqueue(struct kiln_pthread_waiter **queue, struct kiln_pthread_waiter *w);

/** kiln_pthread_release() - mark @w woken and make its thread ready. */
void kiln_pthread_release(struct kiln_pthread_waiter *w);

#endif /* KILN_POSIX_PTHREAD_PRIVATE_H */
