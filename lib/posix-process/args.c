/* SPDX-License-Identifier: MIT */
/*
 * Arguments and environment: the generated vectors become main()'s
 * arguments (on request) and the C library's environ before main().
 */
#include <kiln/init.h>
#include <kiln/process.h>

extern char **environ;

void kiln_process_args(int *argc, char ***argv)
{
	int n = 0;

	while (kiln_process_argv[n])
		n++;
	*argc = n;
	*argv = kiln_process_argv;
}

static int kiln_process_init(void)
{
	environ = kiln_process_envp;
	return 0;
}

KILN_INIT(kiln_process_init, KILN_INIT_EARLY_APP);
