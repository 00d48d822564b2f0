/* SPDX-License-Identifier: MIT */
/*
 * Waiting for the network when no scheduler runs threads: nothing else
 * could run meanwhile, so the core idles until the deadline, the stack's
 * next timer or the device's interrupt.
 */
#include "net_private.h"

uint64_t kiln_net_idle_until(uint64_t now, uint64_t until)
{
	(void)now;
	return until;
}
