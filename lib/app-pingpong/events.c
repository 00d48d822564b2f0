/* SPDX-License-Identifier: MIT */
/*
 * Ping-pong with events: each hit is an event that posts the other
 * player's, at once or after a pause. The loop ends when nothing is posted.
 */
#include <stddef.h>
#include <kiln/event.h>
#include <kiln/time.h>
#include "pingpong.h"

static struct table table;

struct player {
	struct kiln_event ev;   /* first: an event's address is its player's */
	unsigned int who;
	struct player *other;
};

static struct player players[2];

static void play(struct kiln_event *ev)
{
	struct player *me = (struct player *)ev;

	if (table.ball >= ROUNDS)
		return;
	if (hit(&table, me->who)) {
		table.pauses++;
		kiln_event_post_after(&me->other->ev, PAUSE_NS);
	} else {
		kiln_event_post(&me->other->ev);
	}
}

int main(int argc, char **argv)
{
	uint64_t start = kiln_time_now_ns();

	(void)argc;
	(void)argv;
	printf("pingpong: %u rounds between two events\n", ROUNDS);
	for (unsigned int i = 0; i < 2; i++) {
		players[i].ev.fn = play;
		players[i].who = i;
		players[i].other = &players[!i];
	}
	kiln_event_post(&players[0].ev);
	printf("pingpong: the loop ran %lu events\n", kiln_event_run());
	return verdict(&table, "events", (kiln_time_now_ns() - start) / 1000);
}
