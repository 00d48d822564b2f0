/* SPDX-License-Identifier: MIT */
/*
 * Waiting in poll() when no scheduler runs threads: the core idles until
 * the deadline or any interrupt. Interrupts are masked between the last
 * look at the counter and WFI, so a notification from an interrupt
 * handler cannot slip in unseen (WFI wakes on a pending interrupt even
 * while it is masked).
 */
#include <kiln/irq.h>
#include <kiln/time.h>
#include "fd_private.h"

void kiln_fd_wait(unsigned long seen, uint64_t deadline_ns)
{
	unsigned long flags = kiln_irq_save();

	if (kiln_fd_seq() == seen)
		kiln_time_idle_until_ns(deadline_ns);
	kiln_irq_restore(flags);
}
