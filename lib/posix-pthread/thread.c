/* SPDX-License-Identifier: MIT */
/*
 * Threads: each pthread is a scheduler thread plus what POSIX adds
 * (a result, detachment, thread-specific values). The thread that runs
 * main() gets its record the first time it asks for itself.
 *
 * A detached thread cannot free itself while it runs on its own stack:
 * when it ends it goes on a list, and the next pthread call that starts
 * or joins a thread reaps the list.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "pthread_private.h"

static _Thread_local struct kiln_pthread *current;
static struct kiln_pthread main_thread;
/* Ended detached threads, not reaped yet. */
static struct kiln_pthread *ended;
/* Threads started and not ended, for pthread_exit() from main(). */
static unsigned int running;
static int main_exiting;

static void (*destructors[KEYS])(void *);
/*
 * 1 while a key is in use. A deleted key's slot is never handed out again
 * (2): threads may still hold values for it, and a new key must start at
 * NULL in every thread.
 */
static unsigned char key_used[KEYS];

void kiln_pthread_enqueue(struct kiln_pthread_waiter **queue, struct kiln_pthread_waiter *w)
{
	w->next = 0;
	while (*queue)
		queue = &(*queue)->next;
	*queue = w;
}

struct kiln_pthread_waiter *kiln_pthread_dequeue(struct kiln_pthread_waiter **queue)
{
	struct kiln_pthread_waiter *w = *queue;

	if (w)
		*queue = w->next;
	return w;
}

void kiln_pthread_unqueue(struct kiln_pthread_waiter **queue, struct kiln_pthread_waiter *w)
{
	for (; *queue; queue = &(*queue)->next) {
		if (*queue == w) {
			*queue = w->next;
			return;
		}
	}
}

void kiln_pthread_release(struct kiln_pthread_waiter *w)
{
	w->woken = 1;
	kiln_thread_wake(w->who->thread);
}

pthread_t pthread_self(void)
{
	if (!current) {
		/* Only the thread that runs main() has no record yet: every other one set its own. */
		main_thread.thread = kiln_thread_self();
		current = &main_thread;
	}
	return current;
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

static void reap(void)
{
	while (ended) {
		struct kiln_pthread *t = ended;

		ended = t->next;
		kiln_thread_join(t->thread);
		free(t);
	}
}

/* Runs the destructors of @t's thread-specific values, as POSIX says: until none is left (at most four rounds). */
static void run_destructors(struct kiln_pthread *t)
{
	for (int round = 0; round < 4; round++) {
		int any = 0;

		for (int k = 0; k < KEYS; k++) {
			void *value = t->keys[k];

			if (!value || key_used[k] != 1 || !destructors[k])
				continue;
			t->keys[k] = 0;
			destructors[k](value);
			any = 1;
		}
		if (!any)
			break;
	}
}

static void end(struct kiln_pthread *t, void *result) __attribute__((noreturn));
static void end(struct kiln_pthread *t, void *result)
{
	t->result = result;
	run_destructors(t);
	t->done = 1;
	running--;
	if (t->detached) {
		/* Nothing can run between here and the end of the thread: no other thread reaps it early. */
		t->next = ended;
		ended = t;
	}
	if (main_exiting && !running)
		kiln_thread_wake(main_thread.thread);
	kiln_thread_exit();
}

static void trampoline(void *arg)
{
	struct kiln_pthread *t = arg;

	current = t;
	end(t, t->start(t->arg));
}

int pthread_create(pthread_t *out, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
	struct kiln_pthread *t = calloc(1, sizeof(*t));

	reap();
	if (!t)
		return EAGAIN;
	pthread_self();
	t->start = start;
	t->arg = arg;
	t->detached = attr && attr->detachstate == PTHREAD_CREATE_DETACHED;
	running++;
	t->thread = kiln_thread_create("pthread", trampoline, t, attr ? attr->stacksize : 0);
	if (!t->thread) {
		running--;
		free(t);
		return EAGAIN;
	}
	*out = t;
	return 0;
}

int pthread_join(pthread_t t, void **result)
{
	reap();
	if (t == pthread_self())
		return EDEADLK;
	if (t == &main_thread || t->detached)
		return EINVAL;
	if (kiln_thread_join(t->thread) < 0)
		return EINVAL;
	if (result)
		*result = t->result;
	free(t);
	return 0;
}

int pthread_detach(pthread_t t)
{
	if (t == &main_thread || t->detached)
		return EINVAL;
	t->detached = 1;
	if (t->done) {
		t->next = ended;
		ended = t;
	}
	reap();
	return 0;
}

void pthread_exit(void *result)
{
	struct kiln_pthread *self = pthread_self();

	if (self != &main_thread)
		end(self, result);
	/* main() leaving with pthread_exit(): the process ends when the last thread does, with status 0. */
	run_destructors(self);
	main_exiting = 1;
	while (running)
		kiln_thread_block();
	exit(0);
}

int sched_yield(void)
{
	kiln_thread_yield();
	return 0;
}

int pthread_attr_init(pthread_attr_t *attr)
{
	memset(attr, 0, sizeof(*attr));
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	attr->stacksize = size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size)
{
	*size = attr->stacksize;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	attr->detachstate = state;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{
	*state = attr->detachstate;
	return 0;
}

/* 0: not run; 1: running in some thread; 2: done. */
int pthread_once(pthread_once_t *once, void (*init)(void))
{
	if (*once == 0) {
		*once = 1;
		init();
		*once = 2;
	}
	while (*once == 1)
		kiln_thread_yield();
	return 0;
}

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	for (unsigned int k = 0; k < KEYS; k++) {
		if (key_used[k])
			continue;
		key_used[k] = 1;
		destructors[k] = destructor;
		*key = k;
		return 0;
	}
	return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
	if (key >= KEYS || key_used[key] != 1)
		return EINVAL;
	key_used[key] = 2;
	destructors[key] = 0;
	return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
	return key < KEYS && key_used[key] == 1 ? pthread_self()->keys[key] : 0;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	if (key >= KEYS || key_used[key] != 1)
		return EINVAL;
	pthread_self()->keys[key] = (void *)value;
	return 0;
}
