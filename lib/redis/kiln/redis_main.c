/* SPDX-License-Identifier: MIT */
/*
 * Redis's main() on Kiln. The boot sequence calls main() without
 * arguments, so Redis's own main (src/server.c, compiled here unmodified
 * under another name) is called with the arguments image.ts gave
 * (kiln_process_args()), which the Redis construct sets to
 * "redis-server /etc/redis/redis.conf".
 */
#define main redis_upstream_main
#include "server.c"
#undef main

#include <kiln/process.h>

int main(void)
{
	int argc = 0;
	char **argv = NULL;

	kiln_process_args(&argc, &argv);

	return redis_upstream_main(argc, argv);
}
