/* SPDX-License-Identifier: MIT */
/*
 * Event loop: run-to-completion callbacks, now or at a time. The way an
 * image with no scheduler (or one thread of an image with one)
 * interleaves work that waits: each event runs to its end, then the next;
 * while only timed events wait, the core idles in WFI.
 *
 * Events may be posted from interrupt handlers.
 */
#ifndef KILN_EVENT_H
#define KILN_EVENT_H

#include <stdint.h>

struct kiln_event;

/** What an event runs; @ev is the event, which it may post again. */
typedef void (*kiln_event_fn)(struct kiln_event *ev);

/**
 * struct kiln_event - one event, owned by the caller (embed it in your
 * own state and find the state back with container_of-style arithmetic).
 * @fn:     what to run
 * @due_ns: when (clock of <kiln/time.h>); set by the post functions
 * @next:   the loop's link
 * @queued: whether it waits in the loop now
 */
struct kiln_event {
	kiln_event_fn fn;
	uint64_t due_ns;
	struct kiln_event *next;
	int queued;
};

/** kiln_event_post() - run @ev soon, after events already ready (first in, first out). */
void kiln_event_post(struct kiln_event *ev);

/** kiln_event_post_at() - run @ev once the clock reaches @due_ns. */
void kiln_event_post_at(struct kiln_event *ev, uint64_t due_ns);

/** kiln_event_post_after() - run @ev @delay_ns from now. */
void kiln_event_post_after(struct kiln_event *ev, uint64_t delay_ns);

/** kiln_event_cancel() - take @ev out of the loop if it is queued. */
void kiln_event_cancel(struct kiln_event *ev);

/**
 * kiln_event_run() - run events until none is queued.
 *
 * Return: how many events ran.
 */
unsigned long kiln_event_run(void);

#endif /* KILN_EVENT_H */
