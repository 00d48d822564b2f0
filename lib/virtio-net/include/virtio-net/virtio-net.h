/* SPDX-License-Identifier: MIT */
/*
 * virtio-net: the virtio network device, as a netdev driver.
 */
#ifndef VIRTIO_NET_H
#define VIRTIO_NET_H

#include <stdint.h>
#include <kiln/netdev_impl.h>

struct virtio_net_state;

/**
 * struct virtio_net - where to look for the device, from the board's
 * data (its virtio-mmio slots), and the driver's state once opened.
 * @base:   address of virtio-mmio slot 0
 * @stride: bytes from one slot to the next
 * @count:  number of slots
 * @irq:    interrupt of slot 0; slot n has @irq + n
 * @state:  set by open
 */
struct virtio_net {
	uintptr_t base;
	uint32_t stride;
	uint32_t count;
	uint32_t irq;
	struct virtio_net_state *state;
};

/** netdev operations for a struct virtio_net. */
extern const struct kiln_netdev_ops virtio_net_ops;

#endif /* VIRTIO_NET_H */
