/* SPDX-License-Identifier: MIT */
/*
 * <sys/mman.h>, which NGINX's POSIX configuration includes. NGINX maps
 * memory for its shared memory zones (os/unix/ngx_shmem.c, whose place
 * Kiln's ngx_kiln_shmem.c takes: one process shares nothing) and in
 * ngx_create_file_mapping(), which nothing in this build calls. Kiln
 * has no mmap(): posix-enosys's fails with ENOSYS.
 */
#ifndef KILN_NGINX_SYS_MMAN_H
#define KILN_NGINX_SYS_MMAN_H

#include <sys/types.h>

#define PROT_NONE     0x0
#define PROT_READ     0x1
#define PROT_WRITE    0x2
#define MAP_SHARED    0x01
#define MAP_PRIVATE   0x02
#define MAP_ANON      0x20
#define MAP_FAILED    ((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);

#endif
