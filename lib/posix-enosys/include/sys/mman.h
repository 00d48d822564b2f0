/* SPDX-License-Identifier: MIT */
/*
 * <sys/mman.h> (picolibc has none). Kiln has one address space and no
 * virtual-memory calls for applications: mmap(), munmap(), mprotect(),
 * msync() and madvise() fail with ENOSYS (posix-enosys, which reports
 * each first call). The constants are here for code that builds its
 * arguments before the call fails, as NGINX's shared memory zones and
 * Redis's memory test and crash report do.
 */
#ifndef KILN_SYS_MMAN_H
#define KILN_SYS_MMAN_H

#include <sys/types.h>

#define PROT_NONE     0x0
#define PROT_READ     0x1
#define PROT_WRITE    0x2
#define PROT_EXEC     0x4
#define MAP_SHARED    0x01
#define MAP_PRIVATE   0x02
#define MAP_FIXED     0x10
#define MAP_ANON      0x20
#define MAP_ANONYMOUS MAP_ANON
#define MAP_FAILED    ((void *)-1)
#define MS_ASYNC      1
#define MS_INVALIDATE 2
#define MS_SYNC       4
#define MADV_NORMAL   0
#define MADV_DONTNEED 4

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int msync(void *addr, size_t len, int flags);
int madvise(void *addr, size_t len, int advice);

#endif
