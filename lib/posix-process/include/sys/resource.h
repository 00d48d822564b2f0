/* SPDX-License-Identifier: MIT */
/*
 * <sys/resource.h> (POSIX.1-2017), in place of picolibc's, which has only
 * getrusage(): resource limits (getrlimit() and setrlimit(), rlimit.c) and
 * scheduling priorities (getpriority() and setpriority() are posix-enosys's
 * ENOSYS: one process on one core has no one to yield to). The constants
 * have Linux's values.
 */
#ifndef KILN_SYS_RESOURCE_H
#define KILN_SYS_RESOURCE_H

#include <sys/time.h>
#include <sys/types.h>

#define RUSAGE_SELF      0
#define RUSAGE_CHILDREN  (-1)

/** struct rusage - what getrusage() reports (posix-enosys: ENOSYS). */
struct rusage {
	struct timeval ru_utime;
	struct timeval ru_stime;
};

typedef unsigned long rlim_t;

/** struct rlimit - a resource's soft and hard limits. */
struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};

#define RLIM_INFINITY       (~(rlim_t)0)
#define RLIM_SAVED_MAX      RLIM_INFINITY
#define RLIM_SAVED_CUR      RLIM_INFINITY

#define RLIMIT_CPU      0
#define RLIMIT_FSIZE    1
#define RLIMIT_DATA     2
#define RLIMIT_STACK    3
#define RLIMIT_CORE     4
#define RLIMIT_NOFILE   7
#define RLIMIT_AS       9

#define PRIO_PROCESS    0
#define PRIO_PGRP       1
#define PRIO_USER       2

int getrusage(int who, struct rusage *usage);
int getrlimit(int resource, struct rlimit *limit);
int setrlimit(int resource, const struct rlimit *limit);
int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int prio);

#endif /* KILN_SYS_RESOURCE_H */
