/* SPDX-License-Identifier: MIT */
/*
 * Mutexes. A thread that finds the mutex held queues and blocks; unlock
 * hands the mutex to the first in the queue before waking it, so waiters
 * get it in the order they came and nobody barges in between.
 */
#include <errno.h>
#include "pthread_private.h"

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type != PTHREAD_MUTEX_NORMAL && type != PTHREAD_MUTEX_ERRORCHECK && type != PTHREAD_MUTEX_RECURSIVE)
		return EINVAL;
	attr->type = type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
	*type = attr->type;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
	m->owner = 0;
	m->depth = 0;
	m->type = attr ? attr->type : PTHREAD_MUTEX_DEFAULT;
	m->waiters = 0;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->owner ? EBUSY : 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	pthread_t me = pthread_self();

	if (m->owner == me && m->type == PTHREAD_MUTEX_RECURSIVE) {
		m->depth++;
		return 0;
	}
	if (m->owner)
		return EBUSY;
	m->owner = me;
	m->depth = 1;
	return 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	pthread_t me = pthread_self();
	struct kiln_pthread_waiter w = { 0, me, 0 };

	if (m->owner == me) {
		if (m->type == PTHREAD_MUTEX_RECURSIVE) {
			m->depth++;
			return 0;
		}
		/* POSIX lets a normal mutex deadlock here; saying so is kinder than hanging the image. */
		return EDEADLK;
	}
	if (!m->owner) {
		m->owner = me;
		m->depth = 1;
		return 0;
	}
	kiln_pthread_enqueue(&m->waiters, &w);
	while (!w.woken)
		kiln_thread_block();
	/* pthread_mutex_unlock() made us the owner before waking us. */
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	struct kiln_pthread_waiter *next;

	if (m->owner != pthread_self())
		return EPERM;
	if (--m->depth)
		return 0;
	next = kiln_pthread_dequeue(&m->waiters);
	m->owner = next ? next->who : 0;
	m->depth = next ? 1 : 0;
	if (next)
		kiln_pthread_release(next);
	return 0;
}
