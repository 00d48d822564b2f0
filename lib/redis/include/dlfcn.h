/* SPDX-License-Identifier: MIT */
/*
 * <dlfcn.h> for Redis's module loader and crash report. A Kiln image is
 * one statically linked program: dlopen() fails (dlerror() says why), so
 * MODULE LOAD and "loadmodule" answer an error; dladdr() finds nothing.
 */
#ifndef KILN_REDIS_DLFCN_H
#define KILN_REDIS_DLFCN_H

#define RTLD_LAZY   0x1
#define RTLD_NOW    0x2
#define RTLD_LOCAL  0x0
#define RTLD_GLOBAL 0x100

typedef struct {
	const char *dli_fname;
	void *dli_fbase;
	const char *dli_sname;
	void *dli_saddr;
} Dl_info;

void *dlopen(const char *path, int mode);
void *dlsym(void *handle, const char *symbol);
int dlclose(void *handle);
char *dlerror(void);
int dladdr(const void *addr, Dl_info *info);

#endif
