/* SPDX-License-Identifier: MIT */
/*
 * Event loop: a ready queue (first in, first out) and a list of timed
 * events sorted by due time. Queue changes mask interrupts, since
 * handlers may post.
 */
#include <stddef.h>
#include <kiln/event.h>
#include <kiln/irq.h>
#include <kiln/time.h>

static struct kiln_event *ready, *ready_tail;
static struct kiln_event *timed;

static void unlink_event(struct kiln_event *ev)
{
	struct kiln_event **p, *prev = 0;

	for (p = &ready; *p; prev = *p, p = &(*p)->next) {
		if (*p == ev) {
			*p = ev->next;
			if (ready_tail == ev)
				ready_tail = prev;
			return;
		}
	}
	for (p = &timed; *p; p = &(*p)->next) {
		if (*p == ev) {
			*p = ev->next;
			return;
		}
	}
}

void kiln_event_post(struct kiln_event *ev)
{
	unsigned long flags = kiln_irq_save();

	if (ev->queued)
		unlink_event(ev);
	ev->queued = 1;
	ev->due_ns = 0;
	ev->next = 0;
	if (ready_tail)
		ready_tail->next = ev;
	else
		ready = ev;
	ready_tail = ev;
	kiln_irq_restore(flags);
}

void kiln_event_post_at(struct kiln_event *ev, uint64_t due_ns)
{
	unsigned long flags = kiln_irq_save();
	struct kiln_event **p = &timed;

	if (ev->queued)
		unlink_event(ev);
	ev->queued = 1;
	ev->due_ns = due_ns;
	while (*p && (*p)->due_ns <= due_ns)
		p = &(*p)->next;
	ev->next = *p;
	*p = ev;
	kiln_irq_restore(flags);
}

void kiln_event_post_after(struct kiln_event *ev, uint64_t delay_ns)
{
	kiln_event_post_at(ev, kiln_time_now_ns() + delay_ns);
}

void kiln_event_cancel(struct kiln_event *ev)
{
	unsigned long flags = kiln_irq_save();

	if (ev->queued) {
		unlink_event(ev);
		ev->queued = 0;
	}
	kiln_irq_restore(flags);
}

/* The next event to run, or NULL; *wait_until is set when only timed events remain. */
static struct kiln_event *take(uint64_t *wait_until)
{
	unsigned long flags = kiln_irq_save();
	struct kiln_event *ev = 0;

	*wait_until = 0;
	if (timed && timed->due_ns <= kiln_time_now_ns()) {
		ev = timed;
		timed = ev->next;
	} else if (ready) {
		ev = ready;
		ready = ev->next;
		if (!ready)
			ready_tail = 0;
	} else if (timed) {
		*wait_until = timed->due_ns;
	}
	if (ev)
		ev->queued = 0;
	kiln_irq_restore(flags);
	return ev;
}

unsigned long kiln_event_run(void)
{
	unsigned long ran = 0;

	for (;;) {
		uint64_t wait_until;
		struct kiln_event *ev = take(&wait_until);

		if (ev) {
			ev->fn(ev);
			ran++;
		} else if (wait_until) {
			kiln_time_idle_until_ns(wait_until);
		} else {
			return ran;
		}
	}
}
