/* SPDX-License-Identifier: MIT */
/*
 * pthreads: threads that share a counter under a mutex (yielding while
 * they hold it, so the others queue), a producer and a consumer on a
 * condition variable, join results, once, keys, a timed wait that times
 * out.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <time.h>
#include "selftest.h"

#define WORKERS 4
#define ROUNDS 100
#define ITEMS 50

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static long counter;
static int queue[4], queued, produced_sum, consumed_sum, once_runs;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_key_t key;
static int destructed;

static void init_once(void)
{
	once_runs++;
}

static void destructor(void *value)
{
	destructed += (int)(intptr_t)value;
}

static void *worker(void *arg)
{
	pthread_once(&once, init_once);
	pthread_setspecific(key, (void *)(intptr_t)1);
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		long seen = counter;

		/* Hold the mutex across a switch: if it did not exclude, the others would lose updates. */
		sched_yield();
		counter = seen + 1;
		pthread_mutex_unlock(&lock);
	}
	return (void *)((intptr_t)arg * 10);
}

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&lock);
		while (queued == 4)
			pthread_cond_wait(&changed, &lock);
		queue[queued++] = i;
		produced_sum += i;
		pthread_cond_broadcast(&changed);
		pthread_mutex_unlock(&lock);
	}
	return 0;
}

static void *consumer(void *arg)
{
	(void)arg;
	for (int got = 0; got < ITEMS; got++) {
		pthread_mutex_lock(&lock);
		while (queued == 0)
			pthread_cond_wait(&changed, &lock);
		consumed_sum += queue[--queued];
		pthread_cond_broadcast(&changed);
		pthread_mutex_unlock(&lock);
	}
	return 0;
}

void check_threads(void)
{
	pthread_t t[WORKERS], p, c;
	pthread_mutexattr_t attr;
	pthread_mutex_t recursive;
	struct timespec soon;
	void *result;
	int results = 0, created = 1;

	check(pthread_key_create(&key, destructor) == 0, "pthread_key_create");
	for (int i = 0; i < WORKERS; i++)
		created &= pthread_create(&t[i], 0, worker, (void *)(intptr_t)(i + 1)) == 0;
	check(created, "pthread_create");
	for (int i = 0; i < WORKERS; i++)
		if (pthread_join(t[i], &result) == 0)
			results += (int)(intptr_t)result;
	check(results == 100, "pthread_join gives each thread's result");
	check(counter == WORKERS * ROUNDS, "a mutex held across switches excludes the others");
	check(once_runs == 1, "pthread_once runs once");
	check(destructed == WORKERS, "key destructors run as threads end");
	check(pthread_create(&p, 0, producer, 0) == 0 && pthread_create(&c, 0, consumer, 0) == 0 &&
	      pthread_join(p, 0) == 0 && pthread_join(c, 0) == 0 && consumed_sum == produced_sum && queued == 0,
	      "producer and consumer on a condition variable");
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&recursive, &attr);
	check(pthread_mutex_lock(&recursive) == 0 && pthread_mutex_lock(&recursive) == 0 &&
	      pthread_mutex_unlock(&recursive) == 0 && pthread_mutex_unlock(&recursive) == 0 &&
	      pthread_mutex_unlock(&recursive) == EPERM, "a recursive mutex counts its holds");
	clock_gettime(CLOCK_REALTIME, &soon);
	soon.tv_nsec += 5 * 1000 * 1000;
	if (soon.tv_nsec >= 1000000000l) {
		soon.tv_sec++;
		soon.tv_nsec -= 1000000000l;
	}
	pthread_mutex_lock(&lock);
	check(pthread_cond_timedwait(&changed, &lock, &soon) == ETIMEDOUT, "pthread_cond_timedwait times out");
	pthread_mutex_unlock(&lock);
	check(pthread_equal(pthread_self(), pthread_self()) && pthread_join(pthread_self(), 0) == EDEADLK, "pthread_self");
}
