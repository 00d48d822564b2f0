/* SPDX-License-Identifier: MIT */
/*
 * Network device API for implementers only: network drivers include
 * this; TCP/IP stacks include <kiln/netdev.h>.
 */
#ifndef KILN_NETDEV_IMPL_H
#define KILN_NETDEV_IMPL_H

#include <kiln/netdev.h>

/**
 * struct kiln_netdev_ops - what a network driver provides; @dev is the
 * instance the generated bindings registered.
 * @name:       short name, e.g. "virtio-net"
 * @open:       find the device, start it with every receive buffer
 *              posted, take its interrupt; fill @info. 0 or -1.
 * @tx_buffer:  a free transmit buffer for @len bytes (reclaiming sent
 *              ones first), or NULL
 * @tx_commit:  hand the last buffer @tx_buffer gave to the device
 * @rx_peek:    the oldest received frame, or NULL
 * @rx_release: give the frame @rx_peek returned back to the device
 * @pending:    whether a received frame waits (safe with interrupts masked)
 * @stats:      the driver's counters
 */
struct kiln_netdev_ops {
	const char *name;
	int (*open)(void *dev, struct kiln_netdev_info *info);
	void *(*tx_buffer)(void *dev, size_t len);
	void (*tx_commit)(void *dev, size_t len);
	const void *(*rx_peek)(void *dev, size_t *len);
	void (*rx_release)(void *dev);
	int (*pending)(void *dev);
	void (*stats)(void *dev, struct kiln_netdev_stats *out);
};

/**
 * kiln_netdev_register() - make @dev, driven by @ops, the image's network
 * device. Called from the generated kiln_platform_bind(); the device is
 * started by the first kiln_netdev_open().
 */
void kiln_netdev_register(const struct kiln_netdev_ops *ops, void *dev);

/**
 * kiln_netdev_interrupt() - a driver's interrupt handler says frames may
 * have arrived (or buffers were freed). Runs the notifier, if any; safe
 * in interrupt context.
 */
void kiln_netdev_interrupt(void);

#endif /* KILN_NETDEV_IMPL_H */
