/* SPDX-License-Identifier: MIT */
/*
 * Waiting for the network when a scheduler runs threads (cooperatively):
 * the other threads run first; then the core idles, but not so long that
 * a thread sleeping meanwhile oversleeps much (idling ends only at the
 * waiter's deadline or an interrupt, not when a sleeper is due).
 */
#include <kiln/sched.h>
#include "net_private.h"

/* The longest a waiting thread idles the core before the others get a look. */
#define THREAD_IDLE_CAP_NS (10u * 1000 * 1000)

uint64_t kiln_net_idle_until(uint64_t now, uint64_t until)
{
	kiln_thread_yield();
	return until > now + THREAD_IDLE_CAP_NS ? now + THREAD_IDLE_CAP_NS : until;
}
