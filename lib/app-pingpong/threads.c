/* SPDX-License-Identifier: MIT */
/*
 * Ping-pong with threads: each player blocks until it is its turn, hits,
 * and wakes the other.
 */
#include <kiln/sched.h>
#include <kiln/time.h>
#include "pingpong.h"

static struct table table;
static struct kiln_thread *players[2];

static void play(void *arg)
{
	unsigned int who = (unsigned int)(uintptr_t)arg;

	for (;;) {
		/* Look, block, look again: a wake-up only says the ball moved. */
		while ((table.ball & 1) != who && table.ball < ROUNDS)
			kiln_thread_block();
		if (table.ball >= ROUNDS)
			break;
		if (hit(&table, who)) {
			table.pauses++;
			kiln_thread_sleep_ns(PAUSE_NS);
		}
		kiln_thread_wake(players[!who]);
	}
	kiln_thread_wake(players[!who]);
}

int main(int argc, char **argv)
{
	uint64_t start = kiln_time_now_ns();

	(void)argc;
	(void)argv;
	printf("pingpong: %u rounds between two threads\n", ROUNDS);
	players[0] = kiln_thread_create("ping", play, (void *)0, 0);
	players[1] = kiln_thread_create("pong", play, (void *)1, 0);
	if (!players[0] || !players[1]) {
		printf("pingpong: FAIL: no memory for the threads\n");
		return 1;
	}
	/* Both have ended once both are joined; their stacks can be read until then. */
	while (table.ball < ROUNDS)
		kiln_thread_sleep_ns(PAUSE_NS);
	for (int i = 0; i < 2; i++) {
		printf("pingpong: thread %s used %zu bytes of stack\n", kiln_thread_name(players[i]),
		       kiln_thread_stack_high_water(players[i]));
		kiln_thread_join(players[i]);
	}
	return verdict(&table, "threads", (kiln_time_now_ns() - start) / 1000);
}
