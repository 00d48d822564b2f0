/* SPDX-License-Identifier: MIT */
/*
 * The network: lwIP on the board's network device, brought up at boot.
 *
 * lwIP runs without threads of its own (NO_SYS): nothing happens in the
 * stack unless someone calls kiln_net_poll(). Sockets (lib/posix-socket)
 * do, whenever they look for data or wait; an image that uses lwIP's raw
 * API directly calls kiln_net_poll() and kiln_net_wait() in its loop.
 * None of this may be called from an interrupt handler.
 */
#ifndef KILN_NET_H
#define KILN_NET_H

#include <stddef.h>
#include <stdint.h>

/**
 * kiln_net_poll() - let the stack work: hand it every received frame,
 * run its due timers. Cheap when there is nothing to do; reentrant calls
 * (from lwIP callbacks) return at once.
 */
void kiln_net_poll(void);

/**
 * kiln_net_wait() - idle until something may have happened: a frame
 * arrived (the device's interrupt), the stack has a timer due, or the
 * clock reached @deadline_ns (0: no deadline of the caller's). Does not
 * poll; call kiln_net_poll() after it.
 *
 * With a scheduler that runs threads, other ready threads run first.
 */
void kiln_net_wait(uint64_t deadline_ns);

/** kiln_net_ready() - whether the interface is up with an address (DHCP may still be asking). */
int kiln_net_ready(void);

/**
 * kiln_net_wait_ready() - poll and wait until the interface has its address.
 *
 * Return: 0, or -1 if @timeout_ns passed first or the image has no network device.
 */
int kiln_net_wait_ready(uint64_t timeout_ns);

/** kiln_net_ipv4() - the interface's IPv4 address in network byte order (0 until it has one). */
uint32_t kiln_net_ipv4(void);

/**
 * kiln_net_report() - the network's figures as text lines: the device's
 * counters and lwIP's pools (in use, high-water mark, size, failures).
 *
 * Return: the length written to @buf (at most @len - 1, NUL-terminated).
 */
size_t kiln_net_report(char *buf, size_t len);

#endif /* KILN_NET_H */
