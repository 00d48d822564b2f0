/* SPDX-License-Identifier: MIT */
/*
 * Interrupt API: a small table of handlers, the dispatch loop the arm64
 * vectors call, and the controller the board binds.
 */
#include <errno.h>
#include <stddef.h>
#include <kiln/arm64/exception.h>
#include <kiln/config.h>
#include <kiln/init.h>
#include <kiln/irq.h>
#include <kiln/irq_impl.h>

struct handler {
	unsigned int irq;
	kiln_irq_handler_t fn;
	void *arg;
};

static const struct kiln_irq_ops *ops;
static void *dev;
static struct handler handlers[CONFIG_LIBIRQ_MAX_HANDLERS];
static unsigned int nhandlers;
static unsigned long dispatched;

void kiln_irq_register(const struct kiln_irq_ops *o, void *d)
{
	ops = o;
	dev = d;
}

int kiln_irq_attach(unsigned int irq, kiln_irq_handler_t fn, void *arg)
{
	unsigned long flags = kiln_irq_save();
	int status = -1;

	if (nhandlers < CONFIG_LIBIRQ_MAX_HANDLERS) {
		handlers[nhandlers++] = (struct handler){ irq, fn, arg };
		status = 0;
	}
	kiln_irq_restore(flags);
	return status;
}

void kiln_irq_enable(unsigned int irq)
{
	ops->enable(dev, irq);
}

void kiln_irq_disable(unsigned int irq)
{
	ops->disable(dev, irq);
}

unsigned long kiln_irq_count(void)
{
	return dispatched;
}

/* Called by the arm64 vectors for every IRQ (and FIQ), interrupts masked. */
static void dispatch(void)
{
	unsigned int irq;

	while ((irq = ops->ack(dev)) != KILN_IRQ_NONE) {
		unsigned int i;

		dispatched++;
		for (i = 0; i < nhandlers; i++) {
			if (handlers[i].irq == irq) {
				handlers[i].fn(irq, handlers[i].arg);
				break;
			}
		}
		/* Nobody wants it: keep it from firing forever. */
		if (i == nhandlers)
			ops->disable(dev, irq);
		if (ops->eoi)
			ops->eoi(dev, irq);
	}
}

static int kiln_irq_init(void)
{
	if (!ops)
		return kiln_init_fail(-ENODEV, "irq: no interrupt controller registered for this board");
	ops->init(dev);
	kiln_arm64_set_irq_handler(dispatch);
	__asm__ volatile("msr daifclr, #2" ::: "memory");
	return 0;
}

KILN_INIT(kiln_irq_init, KILN_INIT_IRQ);
