/* SPDX-License-Identifier: MIT */
/*
 * <sys/prctl.h>, which server.c includes on Linux for the process's
 * dumpable flag. Kiln has no process control: prctl() fails with ENOSYS.
 */
#ifndef KILN_REDIS_SYS_PRCTL_H
#define KILN_REDIS_SYS_PRCTL_H

#define PR_SET_NAME     15
#define PR_SET_DUMPABLE 4

int prctl(int option, ...);

#endif
