/* SPDX-License-Identifier: MIT */
/*
 * What Redis may use on Kiln, in place of src/config.h (which decides
 * from __linux__, and the Linux cross compiler defines it). Written for
 * Kiln's POSIX layer, not copied from the platform lists:
 *
 *   - no epoll, kqueue or event ports: the ae event loop runs on select()
 *     (ae_select.c), which posix-fd gives for sockets and files alike;
 *   - no /proc (no smaps, somaxconn, oom_score_adj), no backtrace(), no
 *     accept4(), no MSG_NOSIGNAL socket option needed (there are no
 *     signals from a socket), no sync_file_range, no process title, no
 *     CPU affinity, no thread names;
 *   - fsync() for fdatasync(), stat() and fstat() (already 64-bit);
 *   - IPv4 only: the IPv6 names the code mentions are defined below.
 *   - GCC's atomics (Redis's atomicvar.h picks them itself).
 */
#ifndef __CONFIG_H
#define __CONFIG_H

#include <fcntl.h>
#include <sys/types.h>

#include <limits.h>
#include <time.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netdb.h>

#define redis_fstat fstat
#define redis_stat stat

#define redis_fsync(fd) fsync(fd)
#define rdb_fsync_range(fd, off, size) fsync(fd)

#define redis_unreachable __builtin_unreachable
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define REDIS_NO_SANITIZE(sanitizer)

#ifndef BYTE_ORDER
#define BYTE_ORDER __BYTE_ORDER__
#define LITTLE_ENDIAN __ORDER_LITTLE_ENDIAN__
#define BIG_ENDIAN __ORDER_BIG_ENDIAN__
#endif
#if BYTE_ORDER != LITTLE_ENDIAN
#error "Kiln's config.h for Redis expects a little-endian target"
#endif

#if defined(__aarch64__) && !defined(__arm64__)
#define __arm64__
#endif

#define redis_set_thread_title(name)


/* util.c's getTimeZone() reads the C library's variable (UTC here: 0). */
#define timezone _timezone

/*
 * Redis registers three-argument handlers (SA_SIGINFO) for the faults it
 * reports (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) and for its
 * watchdog (SIGALRM). picolibc's struct sigaction has one handler field
 * and its siginfo_t no fault address or sender: Kiln never delivers
 * these signals (a fault is Kiln's own crash report, setitimer() fails),
 * so the handlers are stored where they fit and never called.
 */
#include <signal.h>
#ifndef SA_SIGINFO
#define SA_SIGINFO   0x2
#define SA_ONSTACK   0x4
#define SA_RESETHAND 0x8
#define SA_NODEFER   0x10
#define SA_RESTART   0x20
#endif
#define sa_sigaction sa_handler
#define si_addr si_value.sival_ptr
#define si_pid si_value.sival_int
#define si_uid si_code

/* Redis's background threads are killable; Kiln's threads are never cancelled. */
#include <pthread.h>
#define PTHREAD_CANCEL_ENABLE 0
#define PTHREAD_CANCEL_DISABLE 1
#define PTHREAD_CANCEL_DEFERRED 0
#define PTHREAD_CANCEL_ASYNCHRONOUS 1
int pthread_setcancelstate(int state, int *old);
int pthread_setcanceltype(int type, int *old);
int pthread_cancel(pthread_t thread);


#endif
