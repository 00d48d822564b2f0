/* SPDX-License-Identifier: MIT */
/*
 * Waiting in poll() when a scheduler runs threads: the calling thread
 * sleeps in slices of at most a millisecond, looking at the notification
 * counter between them, so other threads run meanwhile and a notification
 * (which may come from an interrupt handler, where waking a thread is not
 * safe) is seen within a slice.
 */
#include <kiln/sched.h>
#include <kiln/time.h>
#include "fd_private.h"

#define SLICE_NS 1000000ull

void kiln_fd_wait(unsigned long seen, uint64_t deadline_ns)
{
	uint64_t now = kiln_time_now_ns();
	uint64_t until;

	if (deadline_ns <= now)
		return;
	until = deadline_ns - now > SLICE_NS ? now + SLICE_NS : deadline_ns;
	if (kiln_fd_seq() == seen)
		kiln_thread_sleep_until_ns(until);
}
