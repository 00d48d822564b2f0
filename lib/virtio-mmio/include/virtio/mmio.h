/* SPDX-License-Identifier: MIT */
/*
 * virtio-mmio transport: finding a device in the board's slots and
 * driving it through the legacy (version 1) or virtio 1.x (version 2)
 * register layout. Device drivers (virtio-net) use it; the slots come
 * from the board's data through the generated bindings.
 */
#ifndef VIRTIO_MMIO_H
#define VIRTIO_MMIO_H

#include <stdint.h>
#include <virtio/virtqueue.h>

/** Device ids (section 5). */
#define VIRTIO_ID_NET 1u

/** VIRTIO_F_VERSION_1 (bit 32): the device follows virtio 1.x. */
#define VIRTIO_F_VERSION_1 (1ull << 32)

/**
 * struct virtio_mmio - one device on the transport.
 * @base:    its register block
 * @irq:     its interrupt line
 * @version: 1 (legacy) or 2 (virtio 1.x)
 */
struct virtio_mmio {
	uintptr_t base;
	unsigned int irq;
	uint32_t version;
};

/**
 * virtio_mmio_find() - the first slot holding a device of type @device_id.
 * @base, @stride, @count, @irq: the board's slots (slot n at @base + n *
 *                               @stride, interrupt @irq + n)
 *
 * Slots are searched from the last down, the order QEMU fills them.
 *
 * Return: 0 with @dev filled, or -1 when no slot holds such a device.
 */
int virtio_mmio_find(struct virtio_mmio *dev, uintptr_t base, uint32_t stride, uint32_t count, unsigned int irq,
		     uint32_t device_id);

/**
 * virtio_mmio_negotiate() - reset the device and agree on features.
 * @wanted: the features the driver can use (VIRTIO_F_VERSION_1 is added
 *          on a version 2 transport, where it is mandatory)
 *
 * Return: the features agreed, or 0 with the device marked FAILED when
 * a version 2 device refuses them.
 */
uint64_t virtio_mmio_negotiate(struct virtio_mmio *dev, uint64_t wanted);

/**
 * virtio_mmio_queue() - allocate queue @index with up to @num entries
 * (fewer if the device allows fewer) and tell the device where it is.
 *
 * Return: 0, or -1 when the queue does not exist or memory is short.
 */
int virtio_mmio_queue(struct virtio_mmio *dev, struct virtq *q, uint16_t index, uint16_t num);

/** virtio_mmio_ready() - tell the device the driver is ready (DRIVER_OK). */
void virtio_mmio_ready(struct virtio_mmio *dev);

/** virtio_mmio_notify() - tell the device queue @q has new chains. */
void virtio_mmio_notify(struct virtio_mmio *dev, const struct virtq *q);

/** virtio_mmio_ack() - acknowledge the device's interrupt; returns the causes (bit 0: used ring, bit 1: configuration). */
uint32_t virtio_mmio_ack(struct virtio_mmio *dev);

/** virtio_mmio_config8() - byte @offset of the device-specific configuration. */
uint8_t virtio_mmio_config8(const struct virtio_mmio *dev, uint32_t offset);

/** virtio_mmio_config16() - the 16-bit field at @offset of the device-specific configuration. */
uint16_t virtio_mmio_config16(const struct virtio_mmio *dev, uint32_t offset);

#endif /* VIRTIO_MMIO_H */
