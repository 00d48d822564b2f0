/* SPDX-License-Identifier: MIT */
/*
 * Scatter/gather I/O: readv() and writev().
 * (picolibc has no <sys/uio.h>; Kiln's descriptor layer provides it.)
 */
#ifndef KILN_SYS_UIO_H
#define KILN_SYS_UIO_H

#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef IOV_MAX
#define IOV_MAX 1024
#endif

/** struct iovec - one buffer of a vector. */
struct iovec {
	void *iov_base;
	size_t iov_len;
};

/** readv() - read into each buffer in turn, stopping at a short read. */
ssize_t readv(int fd, const struct iovec *iov, int iovcnt);

/** writev() - write each buffer in turn, stopping at a short write. */
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

#ifdef __cplusplus
}
#endif

#endif /* KILN_SYS_UIO_H */
