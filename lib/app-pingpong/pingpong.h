/* SPDX-License-Identifier: MIT */
/*
 * The ping-pong workload's rules, shared by the threaded and the
 * event-driven players.
 */
#ifndef APP_PINGPONG_H
#define APP_PINGPONG_H

#include <stdio.h>
#include <kiln/config.h>

#define ROUNDS      ((unsigned int)CONFIG_APP_PINGPONG_ROUNDS)
#define PAUSE_EVERY ((unsigned int)CONFIG_APP_PINGPONG_PAUSE_EVERY)
#define PAUSE_NS    (1000000ull)

/**
 * struct table - the game's state.
 * @ball:   hits so far; even means ping's turn
 * @hits:   hits by ping [0] and pong [1]
 * @pauses: pauses taken
 * @faults: hits out of turn
 */
struct table {
	unsigned int ball;
	unsigned int hits[2];
	unsigned int pauses;
	unsigned int faults;
};

/* Player @who (0 ping, 1 pong) hits. Returns whether it should pause after this hit. */
static inline int hit(struct table *t, unsigned int who)
{
	if ((t->ball & 1) != who)
		t->faults++;
	t->ball++;
	t->hits[who]++;
	return PAUSE_EVERY && t->ball % PAUSE_EVERY == 0 && t->ball < ROUNDS;
}

/* Prints the summary; returns main()'s status. */
static inline int verdict(const struct table *t, const char *how, unsigned long long us)
{
	int ok = t->ball == ROUNDS && t->hits[0] == (ROUNDS + 1) / 2 && t->hits[1] == ROUNDS / 2 && !t->faults;

	printf("pingpong: %s: %u rounds (ping %u, pong %u), %u pauses, %u out of turn, %llu us\n", how, t->ball,
	       t->hits[0], t->hits[1], t->pauses, t->faults, us);
	printf("pingpong: %s\n", ok ? "ok" : "FAIL");
	return ok ? 0 : 1;
}

#endif /* APP_PINGPONG_H */
