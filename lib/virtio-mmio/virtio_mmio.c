/* SPDX-License-Identifier: MIT */
/*
 * virtio-mmio transport, legacy and virtio 1.x layouts (Virtual I/O
 * Device (VIRTIO) Version 1.1, sections 3.1 and 4.2).
 */
#include <stdint.h>
#include <virtio/mmio.h>
#include "virtio_mmio_regs.h"

static inline uint32_t rd(const struct virtio_mmio *dev, uintptr_t off)
{
	return *(volatile uint32_t *)(dev->base + off);
}

static inline void wr(struct virtio_mmio *dev, uintptr_t off, uint32_t value)
{
	*(volatile uint32_t *)(dev->base + off) = value;
}

int virtio_mmio_find(struct virtio_mmio *dev, uintptr_t base, uint32_t stride, uint32_t count, unsigned int irq,
		     uint32_t device_id)
{
	for (uint32_t n = count; n-- > 0;) {
		struct virtio_mmio probe = { .base = base + (uintptr_t)n * stride, .irq = irq + n };
		uint32_t version;

		if (rd(&probe, VIRTIO_MMIO_MAGIC_VALUE) != VIRTIO_MMIO_MAGIC)
			continue;
		version = rd(&probe, VIRTIO_MMIO_VERSION);
		if ((version != 1 && version != 2) || rd(&probe, VIRTIO_MMIO_DEVICE_ID) != device_id)
			continue;
		probe.version = version;
		*dev = probe;
		return 0;
	}
	return -1;
}

static uint64_t device_features(struct virtio_mmio *dev)
{
	uint64_t features;

	wr(dev, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	features = rd(dev, VIRTIO_MMIO_DEVICE_FEATURES);
	if (dev->version >= 2) {
		wr(dev, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
		features |= (uint64_t)rd(dev, VIRTIO_MMIO_DEVICE_FEATURES) << 32;
	}
	return features;
}

uint64_t virtio_mmio_negotiate(struct virtio_mmio *dev, uint64_t wanted)
{
	uint64_t agreed;

	/* Section 3.1.1: reset, then ACKNOWLEDGE and DRIVER, then features. */
	wr(dev, VIRTIO_MMIO_STATUS, 0);
	while (rd(dev, VIRTIO_MMIO_STATUS) != 0)
		;
	wr(dev, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
	wr(dev, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);

	if (dev->version >= 2)
		wanted |= VIRTIO_F_VERSION_1;
	else
		wanted &= 0xffffffffu;  /* a legacy device has 32 feature bits */
	agreed = device_features(dev) & wanted;

	wr(dev, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	wr(dev, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)agreed);
	if (dev->version < 2) {
		/* Legacy: queue addresses are given as page numbers of this size. */
		wr(dev, VIRTIO_MMIO_GUEST_PAGE_SIZE, VIRTIO_MMIO_LEGACY_PAGE);
		return agreed;
	}
	wr(dev, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	wr(dev, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(agreed >> 32));
	if (!(agreed & VIRTIO_F_VERSION_1))
		goto failed;
	wr(dev, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
	/* The device may refuse the subset: it then leaves FEATURES_OK clear. */
	if (!(rd(dev, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_FEATURES_OK))
		goto failed;
	return agreed;

failed:
	wr(dev, VIRTIO_MMIO_STATUS, rd(dev, VIRTIO_MMIO_STATUS) | VIRTIO_STATUS_FAILED);
	return 0;
}

int virtio_mmio_queue(struct virtio_mmio *dev, struct virtq *q, uint16_t index, uint16_t num)
{
	uint32_t max;

	wr(dev, VIRTIO_MMIO_QUEUE_SEL, index);
	if (rd(dev, dev->version >= 2 ? VIRTIO_MMIO_QUEUE_READY : VIRTIO_MMIO_QUEUE_PFN) != 0)
		return -1;  /* already in use */
	max = rd(dev, VIRTIO_MMIO_QUEUE_NUM_MAX);
	if (!max)
		return -1;  /* no such queue */
	while (num > max)
		num /= 2;
	if (virtq_alloc(q, index, num, VIRTIO_MMIO_LEGACY_PAGE))
		return -1;
	wr(dev, VIRTIO_MMIO_QUEUE_NUM, q->num);
	if (dev->version < 2) {
		/* Legacy: one contiguous, page-aligned block, used ring on a page boundary. */
		wr(dev, VIRTIO_MMIO_QUEUE_ALIGN, VIRTIO_MMIO_LEGACY_PAGE);
		wr(dev, VIRTIO_MMIO_QUEUE_PFN, (uint32_t)((uintptr_t)q->memory / VIRTIO_MMIO_LEGACY_PAGE));
		return 0;
	}
	wr(dev, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)(uintptr_t)q->desc);
	wr(dev, VIRTIO_MMIO_QUEUE_DESC_HIGH, (uint32_t)((uint64_t)(uintptr_t)q->desc >> 32));
	wr(dev, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)(uintptr_t)q->avail);
	wr(dev, VIRTIO_MMIO_QUEUE_DRIVER_HIGH, (uint32_t)((uint64_t)(uintptr_t)q->avail >> 32));
	wr(dev, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)(uintptr_t)q->used);
	wr(dev, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, (uint32_t)((uint64_t)(uintptr_t)q->used >> 32));
	wr(dev, VIRTIO_MMIO_QUEUE_READY, 1);
	return 0;
}

void virtio_mmio_ready(struct virtio_mmio *dev)
{
	wr(dev, VIRTIO_MMIO_STATUS, rd(dev, VIRTIO_MMIO_STATUS) | VIRTIO_STATUS_DRIVER_OK);
}

void virtio_mmio_notify(struct virtio_mmio *dev, const struct virtq *q)
{
	/* The rings' stores must reach memory before the device is told (section 2.6.13.6). */
	__asm__ volatile("dsb sy" ::: "memory");
	wr(dev, VIRTIO_MMIO_QUEUE_NOTIFY, q->index);
}

uint32_t virtio_mmio_ack(struct virtio_mmio *dev)
{
	uint32_t causes = rd(dev, VIRTIO_MMIO_INTERRUPT_STATUS);

	if (causes)
		wr(dev, VIRTIO_MMIO_INTERRUPT_ACK, causes);
	return causes;
}

uint8_t virtio_mmio_config8(const struct virtio_mmio *dev, uint32_t offset)
{
	return *(volatile uint8_t *)(dev->base + VIRTIO_MMIO_CONFIG + offset);
}

uint16_t virtio_mmio_config16(const struct virtio_mmio *dev, uint32_t offset)
{
	/* Byte reads: legacy configuration space is guest-endian and unaligned fields are allowed. */
	return (uint16_t)(virtio_mmio_config8(dev, offset) | (uint16_t)virtio_mmio_config8(dev, offset + 1) << 8);
}
