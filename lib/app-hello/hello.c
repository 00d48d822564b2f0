/* SPDX-License-Identifier: MIT */
/*
 * Hello: prints its greeting and returns the configured status.
 */
#include <stdio.h>
#include <kiln/config.h>

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	puts(CONFIG_APP_HELLO_GREETING);
	return CONFIG_APP_HELLO_EXIT_STATUS;
}
