/* SPDX-License-Identifier: MIT */
/*
 * <sys/utsname.h> for Redis's INFO server section (os:). uname() is
 * kiln/sys_kiln.c's: "Kiln <release> aarch64".
 */
#ifndef KILN_REDIS_SYS_UTSNAME_H
#define KILN_REDIS_SYS_UTSNAME_H

struct utsname {
	char sysname[65];
	char nodename[65];
	char release[65];
	char version[65];
	char machine[65];
};

int uname(struct utsname *buf);

#endif
