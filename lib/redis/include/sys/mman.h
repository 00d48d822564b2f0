/* SPDX-License-Identifier: MIT */
/*
 * <sys/mman.h> for Redis. Kiln has one address space and no virtual
 * memory calls: mmap() fails with ENOSYS (posix-enosys), madvise() and
 * mprotect() too. Redis maps memory only in its memory test and its
 * crash report, and advises the kernel only after fork(), which fails
 * first.
 */
#ifndef KILN_REDIS_SYS_MMAN_H
#define KILN_REDIS_SYS_MMAN_H

#include <sys/types.h>

#define PROT_NONE     0x0
#define PROT_READ     0x1
#define PROT_WRITE    0x2
#define PROT_EXEC     0x4
#define MAP_SHARED    0x01
#define MAP_PRIVATE   0x02
#define MAP_ANON      0x20
#define MAP_ANONYMOUS MAP_ANON
#define MAP_FAILED    ((void *)-1)
#define MADV_DONTNEED 4

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int madvise(void *addr, size_t len, int advice);

#endif
