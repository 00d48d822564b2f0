/* SPDX-License-Identifier: MIT */
/*
 * Condition variables. A waiter queues, lets the mutex go and blocks
 * until signalled; then it takes the mutex again. A timed wait sleeps in
 * slices of at most a millisecond instead of blocking (the scheduler has
 * no block-with-timeout), looking between slices whether it was
 * signalled.
 */
#include <errno.h>
#include <time.h>
#include <sys/time.h>
#include <kiln/time.h>
#include "pthread_private.h"

#define SLICE_NS 1000000ull

int pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->unused = 0;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
	(void)attr;
	c->waiters = 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	return c->waiters ? EBUSY : 0;
}

/* Lets @m go entirely (even a recursive hold) and returns how deep it was held. */
static unsigned int let_go(pthread_mutex_t *m)
{
	unsigned int depth = m->depth;

	m->depth = 1;
	pthread_mutex_unlock(m);
	return depth;
}

static void take_back(pthread_mutex_t *m, unsigned int depth)
{
	pthread_mutex_lock(m);
	m->depth = depth;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	struct kiln_pthread_waiter w = { 0, pthread_self(), 0 };
	unsigned int depth;

	if (m->owner != w.who)
		return EPERM;
	kiln_pthread_enqueue(&c->waiters, &w);
	depth = let_go(m);
	while (!w.woken)
		kiln_thread_block();
	take_back(m, depth);
	return 0;
}

/* CLOCK_REALTIME, through gettimeofday(): picolibc declares clock_gettime() only where _POSIX_TIMERS is claimed. */
static long long realtime_ns(void)
{
	struct timeval now;

	gettimeofday(&now, 0);
	return (long long)now.tv_sec * 1000000000ll + now.tv_usec * 1000ll;
}

int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
	struct kiln_pthread_waiter w = { 0, pthread_self(), 0 };
	long long deadline;
	unsigned int depth;
	int r = 0;

	if (m->owner != w.who)
		return EPERM;
	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000l)
		return EINVAL;
	deadline = (long long)abstime->tv_sec * 1000000000ll + abstime->tv_nsec;
	kiln_pthread_enqueue(&c->waiters, &w);
	depth = let_go(m);
	while (!w.woken) {
		long long left = deadline - realtime_ns();

		if (left <= 0) {
			kiln_pthread_unqueue(&c->waiters, &w);
			r = ETIMEDOUT;
			break;
		}
		kiln_thread_sleep_ns((unsigned long long)left < SLICE_NS ? (uint64_t)left : SLICE_NS);
	}
	take_back(m, depth);
	return r;
}

int pthread_cond_signal(pthread_cond_t *c)
{
	struct kiln_pthread_waiter *w = kiln_pthread_dequeue(&c->waiters);

	if (w)
		kiln_pthread_release(w);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	struct kiln_pthread_waiter *w;

	while ((w = kiln_pthread_dequeue(&c->waiters)))
		kiln_pthread_release(w);
	return 0;
}
