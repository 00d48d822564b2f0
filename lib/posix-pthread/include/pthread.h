/* SPDX-License-Identifier: MIT */
/*
 * POSIX threads on Kiln's scheduler. (picolibc has no <pthread.h>; with
 * the pthread library in the image this one is on the include path.)
 *
 * The subset a single-process library OS can honour: threads, joins,
 * mutexes, condition variables, once, thread-specific keys. No
 * cancellation, no priorities, no process-shared objects.
 */
#ifndef KILN_PTHREAD_H
#define KILN_PTHREAD_H

#include <stddef.h>
#include <time.h>
#include <sched.h>

#ifdef __cplusplus
extern "C" {
#endif

struct kiln_pthread;
struct kiln_pthread_waiter;

/** A thread. */
typedef struct kiln_pthread *pthread_t;

/** How pthread_create() starts a thread. */
typedef struct {
	size_t stacksize;
	int detachstate;
} pthread_attr_t;

/** A mutex: its owner, how many times it holds it (recursive), its type, who waits. */
typedef struct {
	struct kiln_pthread *owner;
	unsigned int depth;
	int type;
	struct kiln_pthread_waiter *waiters;
} pthread_mutex_t;

typedef struct {
	int type;
} pthread_mutexattr_t;

/** A condition variable: who waits on it. */
typedef struct {
	struct kiln_pthread_waiter *waiters;
} pthread_cond_t;

typedef struct {
	int unused;
} pthread_condattr_t;

typedef int pthread_once_t;
typedef unsigned int pthread_key_t;

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

#define PTHREAD_MUTEX_NORMAL     0
#define PTHREAD_MUTEX_ERRORCHECK 1
#define PTHREAD_MUTEX_RECURSIVE  2
#define PTHREAD_MUTEX_DEFAULT    PTHREAD_MUTEX_NORMAL

#define PTHREAD_MUTEX_INITIALIZER { 0, 0, PTHREAD_MUTEX_DEFAULT, 0 }
#define PTHREAD_COND_INITIALIZER  { 0 }
#define PTHREAD_ONCE_INIT         0

/** Smallest stack pthread_attr_setstacksize() accepts. */
#define PTHREAD_STACK_MIN 4096

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **result);
int pthread_detach(pthread_t thread);
void pthread_exit(void *result) __attribute__((noreturn));
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);

int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state);
int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state);

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *mutex);
int pthread_mutex_lock(pthread_mutex_t *mutex);
int pthread_mutex_trylock(pthread_mutex_t *mutex);
int pthread_mutex_unlock(pthread_mutex_t *mutex);
int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type);

int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr);
int pthread_cond_destroy(pthread_cond_t *cond);
int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex);
/** Waits until @abstime on CLOCK_REALTIME at the latest (ETIMEDOUT). */
int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *cond);
int pthread_cond_broadcast(pthread_cond_t *cond);
int pthread_condattr_init(pthread_condattr_t *attr);
int pthread_condattr_destroy(pthread_condattr_t *attr);

int pthread_once(pthread_once_t *once, void (*init)(void));

/** sched_yield() - let other threads run (<sched.h> declares it only where priority scheduling is claimed). */
int sched_yield(void);

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

#ifdef __cplusplus
}
#endif

#endif /* KILN_PTHREAD_H */
