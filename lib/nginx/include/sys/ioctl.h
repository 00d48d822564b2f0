/* SPDX-License-Identifier: MIT */
/*
 * <sys/ioctl.h>, which NGINX's POSIX configuration includes. NGINX is
 * configured without NGX_HAVE_FIONBIO and NGX_HAVE_FIONREAD, so it sets
 * O_NONBLOCK with fcntl(); its only other ioctl() is FIOASYNC on the
 * channel to a worker process, which a single process never opens.
 * posix-enosys's ioctl() fails with ENOSYS.
 */
#ifndef KILN_NGINX_SYS_IOCTL_H
#define KILN_NGINX_SYS_IOCTL_H

#define FIONBIO   0x5421
#define FIOASYNC  0x5452

int ioctl(int fd, unsigned long request, ...);

#endif
