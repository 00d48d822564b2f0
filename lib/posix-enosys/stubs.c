/* SPDX-License-Identifier: MIT */
/*
 * The POSIX calls Kiln does not implement: weak fallbacks that fail with
 * ENOSYS. Each lives in its own section, .text.kiln_enosys.<name>, so the
 * build report can tell from the link map which of them an image kept.
 *
 * Grouped by why Kiln lacks them: one process (no fork, exec, wait,
 * pipes between processes, sessions), one user (no ownership), no
 * virtual memory for applications (no mmap), no dynamic loading, no
 * links in the file system, no entropy source.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <kiln/enosys.h>

/* The parameters only give the fallbacks the C library's prototypes. */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#define STUB(ret, fail, name, params)                      \
	KILN_ENOSYS_SECTION(#name) ret name params        \
	{                                                  \
		kiln_enosys(#name);                        \
		return fail;                               \
	}

/* Calls picolibc's headers do not declare (no <dlfcn.h>, popen); <sys/mman.h> is this library's. */
FILE *popen(const char *command, const char *mode);
int pclose(FILE *stream);
void *dlopen(const char *file, int mode);
void *dlsym(void *handle, const char *name);
int dlclose(void *handle);
char *dlerror(void);

/* One process: no children, no other programs, no sessions. */
STUB(pid_t, -1, fork, (void))
STUB(pid_t, -1, vfork, (void))
STUB(int, -1, execv, (const char *path, char *const argv[]))
STUB(int, -1, execve, (const char *path, char *const argv[], char *const envp[]))
STUB(int, -1, execvp, (const char *file, char *const argv[]))
STUB(int, -1, execl, (const char *path, const char *arg, ...))
STUB(int, -1, execlp, (const char *file, const char *arg, ...))
STUB(pid_t, -1, wait, (int *status))
STUB(pid_t, -1, waitpid, (pid_t pid, int *status, int options))
STUB(int, -1, pipe, (int fds[2]))
STUB(int, -1, pipe2, (int fds[2], int flags))
STUB(FILE *, 0, popen, (const char *command, const char *mode))
STUB(int, -1, pclose, (FILE *stream))
STUB(pid_t, -1, setsid, (void))
STUB(int, -1, setpgid, (pid_t pid, pid_t pgid))
STUB(int, -1, pause, (void))
STUB(int, -1, sigsuspend, (const sigset_t *mask))
STUB(unsigned int, 0, alarm, (unsigned int seconds))
STUB(int, -1, getrusage, (int who, struct rusage *usage))
/* No interval timers delivering SIGALRM (NGINX's timer_resolution asks for one). */
STUB(int, -1, setitimer, (int which, const struct itimerval *value, struct itimerval *old))
STUB(int, -1, getpriority, (int which, id_t who))
STUB(int, -1, setpriority, (int which, id_t who, int prio))
STUB(int, -1, initgroups, (const char *user, gid_t group))

/*
 * No shell. system(NULL) asks whether there is one: the answer, no, is
 * not a failure and is not reported.
 */
KILN_ENOSYS_SECTION("system") int system(const char *command)
{
	if (!command)
		return 0;
	return kiln_enosys("system");
}

/* One user: nothing changes hands. */
STUB(int, -1, chown, (const char *path, uid_t owner, gid_t group))
STUB(int, -1, fchown, (int fd, uid_t owner, gid_t group))
STUB(int, -1, lchown, (const char *path, uid_t owner, gid_t group))
STUB(int, -1, fchmod, (int fd, mode_t mode))
STUB(int, -1, chroot, (const char *path))

/* No application-visible virtual memory. */
STUB(void *, (void *)-1, mmap, (void *addr, size_t len, int prot, int flags, int fd, off_t off))
STUB(int, -1, munmap, (void *addr, size_t len))
STUB(int, -1, mprotect, (void *addr, size_t len, int prot))
STUB(int, -1, msync, (void *addr, size_t len, int flags))
STUB(int, -1, madvise, (void *addr, size_t len, int advice))

/* No dynamic loading: dlerror() has something to say about it. */
STUB(void *, 0, dlopen, (const char *file, int mode))
STUB(void *, 0, dlsym, (void *handle, const char *name))
STUB(int, -1, dlclose, (void *handle))

KILN_ENOSYS_SECTION("dlerror") char *dlerror(void)
{
	static char message[] = "dynamic loading is not implemented in Kiln";

	kiln_enosys("dlerror");
	return message;
}

/* No links, special files or times set by hand in the file system. */
STUB(int, -1, link, (const char *from, const char *to))
STUB(int, -1, symlink, (const char *target, const char *path))
STUB(ssize_t, -1, readlink, (const char *restrict path, char *restrict buf, size_t len))
STUB(int, -1, mkfifo, (const char *path, mode_t mode))
STUB(int, -1, fchdir, (int fd))
STUB(int, -1, utimes, (const char *path, const struct timeval times[2]))
STUB(int, -1, futimens, (int fd, const struct timespec times[2]))

/* No BSD file locks (picolibc declares no flock(); mruby's File#flock calls it). */
int flock(int fd, int operation);
STUB(int, -1, flock, (int fd, int operation))

/*
 * Sockets: no Unix domain (socketpair), no scatter-gather messages, no
 * device control (<sys/socket.h> and <sys/ioctl.h> are posix-socket's
 * and the application's; only pointers to these structures pass here).
 */
struct msghdr;
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);
ssize_t recvmsg(int fd, struct msghdr *msg, int flags);
int socketpair(int domain, int type, int protocol, int fds[2]);
int ioctl(int fd, unsigned long request, ...);
STUB(ssize_t, -1, sendmsg, (int fd, const struct msghdr *msg, int flags))
STUB(ssize_t, -1, recvmsg, (int fd, struct msghdr *msg, int flags))
STUB(int, -1, socketpair, (int domain, int type, int protocol, int fds[2]))
STUB(int, -1, ioctl, (int fd, unsigned long request, ...))

/* No entropy source Kiln can vouch for. */
STUB(int, -1, getentropy, (void *buf, size_t len))
