/* SPDX-License-Identifier: MIT */
/*
 * Private to the lwIP port: the part of waiting for the network that
 * depends on whether threads run. library.yaml compiles wait_thread.c
 * when the image has a thread scheduler (LIBSCHED) and wait_idle.c when
 * it has none (LIBSCHED_NONE): exactly one of them is linked.
 */
#ifndef KILN_LWIP_NET_PRIVATE_H
#define KILN_LWIP_NET_PRIVATE_H

#include <stdint.h>

/**
 * kiln_net_idle_until() - until when kiln_net_wait() may idle the core.
 * @now:   the time now, in nanoseconds
 * @until: the earliest of the caller's deadline and the stack's next timer
 *
 * May first let other threads run.
 *
 * Return: @until, or earlier.
 */
uint64_t kiln_net_idle_until(uint64_t now, uint64_t until);

#endif /* KILN_LWIP_NET_PRIVATE_H */
