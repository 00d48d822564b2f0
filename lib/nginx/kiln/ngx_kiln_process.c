/* SPDX-License-Identifier: MIT */
/*
 * NGINX's processes and signals on Kiln (in place of
 * os/unix/ngx_process.c). A Kiln image is one process: NGINX runs with
 * master_process off, so it never spawns a worker; when it would (a
 * configuration that turns the master process on, or "-s" and binary
 * upgrades), spawning fails with ENOSYS and NGINX logs it.
 *
 * Signals reach the process only through kill() or raise() to itself,
 * and Kiln's sigaction() calls a handler with the signal number alone,
 * so the handler here is the one-argument kind. It sets the flags the
 * single-process cycle acts on, as NGINX's own handler does for it:
 * HUP reloads the configuration, USR1 reopens the logs, TERM and INT
 * stop at once, QUIT stops gracefully.
 */
#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_event.h>

int ngx_argc;
char **ngx_argv;
char **ngx_os_argv;
ngx_int_t ngx_process_slot;
ngx_socket_t ngx_channel = -1;
ngx_int_t ngx_last_process;
ngx_process_t ngx_processes[NGX_MAX_PROCESSES];

typedef struct {
	int signo;
	const char *name;       /* as "nginx -s NAME" says it */
} ngx_kiln_signal_t;

static const ngx_kiln_signal_t ngx_kiln_signals[] = {
	{ ngx_signal_value(NGX_RECONFIGURE_SIGNAL), "reload" },
	{ ngx_signal_value(NGX_REOPEN_SIGNAL), "reopen" },
	{ ngx_signal_value(NGX_TERMINATE_SIGNAL), "stop" },
	{ ngx_signal_value(NGX_SHUTDOWN_SIGNAL), "quit" },
	{ SIGINT, "" },
	{ 0, NULL }
};

static void ngx_kiln_signal_handler(int signo)
{
	switch (signo) {
	case ngx_signal_value(NGX_RECONFIGURE_SIGNAL):
		ngx_reconfigure = 1;
		break;
	case ngx_signal_value(NGX_REOPEN_SIGNAL):
		ngx_reopen = 1;
		break;
	case ngx_signal_value(NGX_TERMINATE_SIGNAL):
	case SIGINT:
		ngx_terminate = 1;
		break;
	case ngx_signal_value(NGX_SHUTDOWN_SIGNAL):
		ngx_quit = 1;
		break;
	}
}

ngx_int_t ngx_init_signals(ngx_log_t *log)
{
	const ngx_kiln_signal_t *sig;
	struct sigaction sa;

	for (sig = ngx_kiln_signals; sig->signo; sig++) {
		ngx_memzero(&sa, sizeof(sa));
		sa.sa_handler = ngx_kiln_signal_handler;
		sigemptyset(&sa.sa_mask);
		if (sigaction(sig->signo, &sa, NULL) == -1) {
			ngx_log_error(NGX_LOG_EMERG, log, ngx_errno, "sigaction(%d) failed", sig->signo);
			return NGX_ERROR;
		}
	}
	/* A peer that closes while NGINX writes must not end the image. */
	ngx_memzero(&sa, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGPIPE, &sa, NULL);
	return NGX_OK;
}

ngx_pid_t ngx_spawn_process(ngx_cycle_t *cycle, ngx_spawn_proc_pt proc, void *data, char *name, ngx_int_t respawn)
{
	(void)proc;
	(void)data;
	(void)respawn;
	ngx_set_errno(ENOSYS);
	ngx_log_error(NGX_LOG_ALERT, cycle->log, ngx_errno,
		      "cannot start \"%s\": a Kiln image is one process (use master_process off)", name);
	return NGX_INVALID_PID;
}

ngx_pid_t ngx_execute(ngx_cycle_t *cycle, ngx_exec_ctx_t *ctx)
{
	return ngx_spawn_process(cycle, NULL, ctx, ctx->name, NGX_PROCESS_DETACHED);
}

ngx_int_t ngx_os_signal_process(ngx_cycle_t *cycle, char *name, ngx_pid_t pid)
{
	const ngx_kiln_signal_t *sig;

	for (sig = ngx_kiln_signals; sig->signo; sig++) {
		if (sig->name[0] && ngx_strcmp(name, sig->name) == 0) {
			if (kill(pid, sig->signo) != -1)
				return 0;
			ngx_log_error(NGX_LOG_ALERT, cycle->log, ngx_errno, "kill(%P, %d) failed", pid, sig->signo);
		}
	}
	return 1;
}

/* "debug_points abort" stops at an inconsistency NGINX finds; "stop" has no debugger to wait for. */
void ngx_debug_point(void)
{
	ngx_core_conf_t *ccf = (ngx_core_conf_t *)ngx_get_conf(ngx_cycle->conf_ctx, ngx_core_module);

	if (ccf->debug_points == NGX_DEBUG_POINTS_ABORT)
		ngx_abort();
}
