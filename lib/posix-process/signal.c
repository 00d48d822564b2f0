/* SPDX-License-Identifier: MIT */
/*
 * Signals the process sends itself. picolibc keeps the handlers
 * (signal()) and runs them from raise(); what reaches kill() is a signal
 * whose action is the default one, which for most signals ends the
 * process, as it would on any POSIX system.
 *
 * picolibc's raise() and abort() call kill() and sigprocmask(): those
 * are KILN_LIBC_HOOKs.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <kiln/console.h>
#include <kiln/libc_hook.h>

static sigset_t blocked;

/* Signals whose default action is to do nothing. */
static int ignored_by_default(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

KILN_LIBC_HOOK int kill(pid_t pid, int sig)
{
	if (pid != getpid() && pid != 0 && pid != -1) {
		errno = ESRCH;
		return -1;
	}
	if (sig < 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	if (sig == 0 || ignored_by_default(sig))
		return 0;
	kiln_console_puts("kiln: process ended by signal ");
	kiln_console_put_dec((unsigned long long)sig);
	kiln_console_puts("\n");
	_exit(128 + sig);
}

KILN_LIBC_HOOK int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	if (old)
		*old = blocked;
	if (!set)
		return 0;
	switch (how) {
	case SIG_BLOCK:
		blocked |= *set;
		return 0;
	case SIG_UNBLOCK:
		blocked &= ~*set;
		return 0;
	case SIG_SETMASK:
		blocked = *set;
		return 0;
	default:
		errno = EINVAL;
		return -1;
	}
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	_sig_func_ptr prev;

	if (sig <= 0 || sig >= NSIG || sig == SIGKILL || sig == SIGSTOP) {
		errno = EINVAL;
		return -1;
	}
	/* signal() both sets and reports the handler: set the old one back when only asked. */
	prev = signal(sig, act ? act->sa_handler : SIG_DFL);
	if (prev == SIG_ERR)
		return -1;
	if (!act)
		signal(sig, prev);
	if (old) {
		old->sa_handler = prev;
		old->sa_flags = 0;
		sigemptyset(&old->sa_mask);
	}
	return 0;
}
