/* SPDX-License-Identifier: MIT */
/*
 * POSIX self-test: arguments and environment, then each area in turn,
 * then one call Kiln does not implement. Output is TAP-like; main()
 * returns the number of failures.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <kiln/config.h>
#include <kiln/process.h>
#include "selftest.h"

static int checks, failures;

void check(int passed, const char *what)
{
	checks++;
	if (!passed)
		failures++;
	printf("%s %d - %s\n", passed ? "ok" : "not ok", checks, what);
}

static void check_process(void)
{
	int argc;
	char **argv;

	kiln_process_args(&argc, &argv);
	check(argc == 3 && !strcmp(argv[0], "selftest") && !strcmp(argv[1], "one") && !strcmp(argv[2], "two words") && !argv[3],
	      "argv is what image.ts gave");
	check(getenv("GREETING") && !strcmp(getenv("GREETING"), "hello world"), "getenv sees the environment from image.ts");
	check(setenv("ADDED", "yes", 1) == 0 && !strcmp(getenv("ADDED"), "yes"), "setenv adds a variable");
	check(getpid() == 1 && getuid() == 0, "one process, one user");
}

static void check_enosys(void)
{
	errno = 0;
	check(fork() == -1 && errno == ENOSYS, "fork fails with ENOSYS");
}

int main(void)
{
	check_process();
	check_files();
	check_clocks();
#ifdef CONFIG_APP_POSIX_SELFTEST_THREADS
	check_threads();
#endif
	check_enosys();
	printf("posix-selftest: %d checks, %d failed\n", checks, failures);
	return failures;
}
