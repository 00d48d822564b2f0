/* SPDX-License-Identifier: MIT */
/*
 * Network device API: Ethernet frames in and out of the image's network
 * device, whichever driver runs it. For TCP/IP stacks (lib/lwip), not for
 * applications, which use sockets.
 *
 * Frames stay in the driver's buffers: a sender asks for a buffer, fills
 * it and commits it; a receiver peeks at the oldest frame, copies it and
 * releases it. Calls come from thread context only (never from interrupt
 * handlers), so the API needs no locks.
 */
#ifndef KILN_NETDEV_H
#define KILN_NETDEV_H

#include <stddef.h>
#include <stdint.h>

/** Ethernet addresses are 6 bytes. */
#define KILN_NETDEV_MAC_LEN 6

/**
 * struct kiln_netdev_info - what the device is, filled by kiln_netdev_open().
 * @name:      driver name, e.g. "virtio-net"
 * @mac:       the device's Ethernet address
 * @mtu:       largest payload of a frame (1500 for Ethernet)
 * @link_up:   whether the link is up
 * @transport: how the driver reaches it, for reports (e.g. "virtio-mmio v1 (legacy) at 0xa003e00, irq 79")
 */
struct kiln_netdev_info {
	const char *name;
	uint8_t mac[KILN_NETDEV_MAC_LEN];
	uint16_t mtu;
	int link_up;
	char transport[96];
};

/**
 * struct kiln_netdev_stats - counters since the device was opened.
 * @rx_frames:  frames received
 * @tx_frames:  frames sent
 * @rx_bytes:   bytes received (frames only)
 * @tx_bytes:   bytes sent (frames only)
 * @tx_busy:    times a sender found every transmit buffer in flight
 * @interrupts: interrupts the device raised
 */
struct kiln_netdev_stats {
	uint64_t rx_frames;
	uint64_t tx_frames;
	uint64_t rx_bytes;
	uint64_t tx_bytes;
	uint64_t tx_busy;
	uint64_t interrupts;
};

/**
 * kiln_netdev_open() - find and start the network device.
 *
 * Return: 0, or -1 when the board's device is absent (QEMU was started
 * without it) or could not be started; a reason is printed.
 */
int kiln_netdev_open(struct kiln_netdev_info *info);

/**
 * kiln_netdev_tx_buffer() - a transmit buffer for a frame of @len bytes.
 *
 * Return: where to write the frame, or NULL when every buffer is in
 * flight (try again after kiln_netdev_poll()) or @len is too long.
 */
void *kiln_netdev_tx_buffer(size_t len);

/** kiln_netdev_tx_commit() - send the frame written in the buffer kiln_netdev_tx_buffer() gave. */
void kiln_netdev_tx_commit(size_t len);

/**
 * kiln_netdev_rx_peek() - the oldest received frame, left in place.
 *
 * Return: the frame and its length in *@len, or NULL when none waits.
 */
const void *kiln_netdev_rx_peek(size_t *len);

/** kiln_netdev_rx_release() - done with the frame kiln_netdev_rx_peek() gave: its buffer goes back to the device. */
void kiln_netdev_rx_release(void);

/**
 * kiln_netdev_pending() - whether a received frame waits.
 *
 * Reads only memory the device writes, so it is exact with interrupts
 * masked: call it masked, then WFI, and no frame can slip in between.
 */
int kiln_netdev_pending(void);

/**
 * kiln_netdev_set_notifier() - call @fn (from the device's interrupt
 * handler, so it must be interrupt-safe) whenever the device signals
 * activity; sockets use it to wake poll(). NULL for none.
 */
void kiln_netdev_set_notifier(void (*fn)(void));

/** kiln_netdev_stats() - the device's counters. */
void kiln_netdev_stats(struct kiln_netdev_stats *out);

#endif /* KILN_NETDEV_H */
